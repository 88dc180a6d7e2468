// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

{% include "fanpin/public/js/government_report.js" %}

frappe.query_reports["National Entry List"] = fanpin.government_report({
	filters: [
		{
			fieldname: "from_date",
			label: __("Since"),
			fieldtype: "Date",
			default: frappe.datetime.month_start(),
			reqd: 1,
		},
		{ fieldname: "to_date", label: __("To Date"), fieldtype: "Date" },
		{
			// each kind is exported in its own layout; blank lists every kind in one sheet
			fieldname: "entry",
			label: __("To Enter"),
			fieldtype: "Select",
			options: fanpin.select_options(["", "New monitoring object", "Risk eliminated", "Member change"]),
			default: "New monitoring object",
		},
		fanpin.report_filters.town,
		fanpin.report_filters.village,
	],
});
