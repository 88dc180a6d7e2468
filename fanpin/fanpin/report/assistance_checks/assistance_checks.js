// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

frappe.query_reports["Assistance Checks"] = {
	filters: [
		{ fieldname: "town", label: __("Town"), fieldtype: "Link", options: "Area", get_query: () => ({ filters: { level: "Town" } }) },
		{ fieldname: "village", label: __("Village"), fieldtype: "Link", options: "Area", get_query: () => ({ filters: { level: "Village" } }) },
		{
			fieldname: "classification",
			label: __("Category"),
			fieldtype: "Select",
			options: ["", "Unstable lifted household", "Marginal household", "Sudden severe difficulty household"].map((v) => ({
				value: v,
				label: __(v),
			})),
		},
	],
};
