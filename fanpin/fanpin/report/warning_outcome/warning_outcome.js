// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

// The outcome's colour, as the 部门预警 list shows it; from the row's own outcome key.
const WARNING_OUTCOME_COLOURS = {
	Unmatched: "red",
	Pending: "orange",
	"Included in monitoring": "green",
	"Already monitored": "blue",
	"No risk after review": "gray",
};

frappe.query_reports["Warning Outcome"] = {
	formatter(value, row, column, data, default_formatter) {
		if (column.fieldname === "status" && data && data.outcome) {
			const colour = WARNING_OUTCOME_COLOURS[data.outcome] || "gray";
			return `<span class="indicator-pill ${colour}">${frappe.utils.escape_html(value || "")}</span>`;
		}
		return default_formatter(value, row, column, data);
	},
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
