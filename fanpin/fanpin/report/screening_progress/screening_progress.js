// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

{% include "fanpin/public/js/government_report.js" %}

frappe.query_reports["Screening Progress"] = fanpin.government_report({
	filters: [
		{ fieldname: "campaign", label: __("Screening Campaign"), fieldtype: "Link", options: "Screening Campaign" },
		{
			fieldname: "group_by",
			label: __("Group By"),
			fieldtype: "Select",
			options: fanpin.select_options(["Village", "Town"]),
			default: "Village",
		},
		fanpin.report_filters.town,
	],
});
