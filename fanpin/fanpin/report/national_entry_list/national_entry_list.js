// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

frappe.query_reports["National Entry List"] = {
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
			fieldname: "entry",
			label: __("To Enter"),
			fieldtype: "Select",
			options: ["", "New monitoring object", "Risk eliminated", "Member change"].map((value) => ({
				value,
				label: __(value),
			})),
		},
		{
			fieldname: "town",
			label: __("Town"),
			fieldtype: "Link",
			options: "Area",
			get_query: () => ({ filters: { level: "Town" } }),
		},
		{
			fieldname: "village",
			label: __("Village"),
			fieldtype: "Link",
			options: "Area",
			get_query: () => ({ filters: { level: "Village" } }),
		},
	],
};
