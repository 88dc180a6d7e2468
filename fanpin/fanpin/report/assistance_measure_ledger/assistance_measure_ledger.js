// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

{% include "fanpin/public/js/government_report.js" %}

frappe.query_reports["Assistance Measure Ledger"] = fanpin.government_report({
	filters: [
		fanpin.report_filters.town,
		fanpin.report_filters.village,
		{ fieldname: "measure_type", label: __("Measure Type"), fieldtype: "Link", options: "Assistance Measure Type" },
		{
			fieldname: "status",
			label: __("Status"),
			fieldtype: "Select",
			options: fanpin.select_options(["", "Planned", "In progress", "Completed"]),
		},
		fanpin.report_filters.from_date(__("Started From")),
		fanpin.report_filters.to_date(__("Started To")),
	],
});
