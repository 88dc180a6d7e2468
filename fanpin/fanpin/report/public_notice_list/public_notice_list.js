// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

{% include "fanpin/public/js/government_report.js" %}

frappe.query_reports["Public Notice List"] = fanpin.government_report({
	filters: [
		{
			fieldname: "subject",
			label: __("Notice Subject"),
			fieldtype: "Select",
			options: fanpin.select_options(["Inclusion in monitoring", "Risk elimination"]),
			default: "Inclusion in monitoring",
		},
		fanpin.report_filters.town,
		fanpin.report_filters.village,
		fanpin.report_filters.from_date(__("Notice Started From")),
		fanpin.report_filters.to_date(__("Notice Started To")),
	],
});
