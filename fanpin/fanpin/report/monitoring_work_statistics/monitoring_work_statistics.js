// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

{% include "fanpin/public/js/government_report.js" %}

frappe.query_reports["Monitoring Work Statistics"] = fanpin.government_report({
	filters: [
		Object.assign(fanpin.report_filters.from_date(__("Period From")), { default: frappe.datetime.year_start() }),
		Object.assign(fanpin.report_filters.to_date(__("Period To")), { default: frappe.datetime.get_today() }),
	],
});
