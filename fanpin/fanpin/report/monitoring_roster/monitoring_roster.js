// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

{% include "fanpin/public/js/government_report.js" %}

frappe.query_reports["Monitoring Roster"] = fanpin.government_report({
	filters: [
		fanpin.report_filters.town,
		fanpin.report_filters.village,
		fanpin.report_filters.category,
		{
			fieldname: "status",
			label: __("Status"),
			fieldtype: "Select",
			options: fanpin.select_options(["", "Under monitoring", "Risk eliminated"]),
		},
		fanpin.report_filters.from_date(__("Identified From")),
		fanpin.report_filters.to_date(__("Identified To")),
	],
});
