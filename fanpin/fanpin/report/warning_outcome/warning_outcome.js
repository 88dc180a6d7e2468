// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

frappe.query_reports["Warning Outcome"] = {
	filters: [
		{ fieldname: "department", label: __("Department"), fieldtype: "Link", options: "Government Department" },
		{ fieldname: "warning_type", label: __("Warning Type"), fieldtype: "Link", options: "Warning Type" },
		{ fieldname: "import_batch", label: __("Warning Import"), fieldtype: "Link", options: "Warning Import" },
		{
			fieldname: "status",
			label: __("Outcome"),
			fieldtype: "Select",
			options: ["", "Pending", "Included in monitoring", "Already monitored", "No risk after review"].map(
				(value) => ({ value, label: __(value, null, "Department Warning") })
			),
		},
		{ fieldname: "from_date", label: __("Report Month From"), fieldtype: "Date" },
		{ fieldname: "to_date", label: __("Report Month To"), fieldtype: "Date" },
	],
};
