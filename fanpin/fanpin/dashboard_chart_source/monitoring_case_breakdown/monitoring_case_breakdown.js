// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["Monitoring Case Breakdown"] = {
	method: "fanpin.fanpin.dashboard_chart_source.monitoring_case_breakdown.monitoring_case_breakdown.get",
	filters: [
		{
			fieldname: "breakdown",
			label: __("Breakdown"),
			fieldtype: "Select",
			options: [
				{ value: "Town", label: __("By Town") },
				{ value: "Category", label: __("By Category") },
				{ value: "Risk Type", label: __("By Risk Type") },
				{ value: "Month", label: __("By Month") },
			],
			default: "Town",
			reqd: 1,
		},
	],
};
