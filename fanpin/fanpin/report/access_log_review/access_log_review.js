// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

frappe.query_reports["Access Log Review"] = {
	filters: [
		{ fieldname: "user", label: __("User"), fieldtype: "Link", options: "User" },
		{ fieldname: "from_date", label: __("From Date"), fieldtype: "Date" },
		{ fieldname: "to_date", label: __("To Date"), fieldtype: "Date" },
	],
};
