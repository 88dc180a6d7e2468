// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

{% include "fanpin/public/js/government_report.js" %}

frappe.query_reports["Unscreened Households"] = fanpin.government_report({
	filters: [
		{ fieldname: "campaign", label: __("Screening Campaign"), fieldtype: "Link", options: "Screening Campaign" },
		fanpin.report_filters.town,
		fanpin.report_filters.village,
	],
});
