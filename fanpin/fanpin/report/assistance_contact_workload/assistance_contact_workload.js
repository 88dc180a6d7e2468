// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

{% include "fanpin/public/js/government_report.js" %}

frappe.query_reports["Assistance Contact Workload"] = {
	filters: [fanpin.report_filters.town, fanpin.report_filters.village],
	formatter(value, row, column, data, default_formatter) {
		const shown = default_formatter(value, row, column, data);
		// the households no one carries, and the visits that are late, are what the town acts on
		if (data && ((!data.contact && column.fieldname === "households") || column.fieldname === "visit_overdue")) {
			return value ? `<span class="text-danger">${shown}</span>` : shown;
		}
		return shown;
	},
};
