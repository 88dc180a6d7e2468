// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

{% include "fanpin/public/js/government_report.js" %}

frappe.query_reports["Risk Elimination List"] = fanpin.government_report({
	filters: [
		fanpin.report_filters.town,
		fanpin.report_filters.village,
		Object.assign({}, fanpin.report_filters.category, { fieldname: "category" }),
		{
			fieldname: "method",
			label: __("Elimination Method"),
			fieldtype: "Select",
			options: fanpin.select_options(["", "Eliminated through assistance", "Eliminated naturally"]),
		},
		Object.assign(fanpin.report_filters.from_date(__("Eliminated From")), {
			default: frappe.datetime.year_start(),
		}),
		Object.assign(fanpin.report_filters.to_date(__("Eliminated To")), { default: frappe.datetime.get_today() }),
	],
});
