// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

{% include "fanpin/public/js/government_report.js" %}

frappe.query_reports["Deadline Watch"] = fanpin.government_report({
	filters: [
		fanpin.report_filters.town,
		fanpin.report_filters.village,
		{
			fieldname: "problem",
			label: __("Missed Deadline"),
			fieldtype: "Select",
			options: fanpin.select_options([
				"",
				"Verification overdue",
				"Public notice not started",
				"Notice ended, entry pending",
			]),
		},
	],
});
