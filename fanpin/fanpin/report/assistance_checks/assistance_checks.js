// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

{% include "fanpin/public/js/government_report.js" %}

frappe.query_reports["Assistance Checks"] = {
	filters: [fanpin.report_filters.town, fanpin.report_filters.village, fanpin.report_filters.category],
};
