from fanpin.permissions.channels import village_options


def get_context(context):
	# The public form shows nothing but itself: no list, no other applicant's data.
	context.no_cache = 1
	for field in context.web_form_doc.web_form_fields:
		if field.fieldname == "village":
			field.options = village_options()
