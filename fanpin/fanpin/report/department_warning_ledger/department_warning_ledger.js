// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

{% include "fanpin/public/js/government_report.js" %}

frappe.query_reports["Department Warning Ledger"] = fanpin.government_report({
	filters: [
		{ fieldname: "department", label: __("Department"), fieldtype: "Link", options: "Government Department" },
		{ fieldname: "warning_type", label: __("Warning Type"), fieldtype: "Link", options: "Warning Type" },
		fanpin.report_filters.town,
		fanpin.report_filters.village,
		{
			fieldname: "status",
			label: __("Outcome"),
			fieldtype: "Select",
			options: fanpin.select_options([
				"",
				"Pending",
				"Included in monitoring",
				"Already monitored",
				"No risk after review",
			]),
		},
		fanpin.report_filters.from_date(__("Report Month From")),
		fanpin.report_filters.to_date(__("Report Month To")),
	],
});
