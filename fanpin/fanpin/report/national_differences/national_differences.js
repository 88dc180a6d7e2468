// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

frappe.query_reports["National Differences"] = {
	filters: [
		{ fieldname: "national_import", label: __("National Import"), fieldtype: "Link", options: "National Import" },
		{
			fieldname: "town",
			label: __("Town"),
			fieldtype: "Link",
			options: "Area",
			get_query: () => ({ filters: { level: "Town" } }),
		},
	],
};
