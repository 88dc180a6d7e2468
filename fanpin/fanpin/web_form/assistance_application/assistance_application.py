def get_context(context):
	# The public form shows nothing but itself: no list, no other applicant's data.
	context.no_cache = 1
