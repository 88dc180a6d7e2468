// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

frappe.provide("frappe.dashboards.chart_sources");

frappe.dashboards.chart_sources["Screening Progress"] = {
	method: "fanpin.fanpin.dashboard_chart_source.screening_progress.screening_progress.get",
	filters: [],
};
