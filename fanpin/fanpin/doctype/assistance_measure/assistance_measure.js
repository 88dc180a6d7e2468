// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

frappe.ui.form.on("Assistance Measure", {
	setup(frm) {
		frm.set_query("measure_type", () => ({ filters: { disabled: 0 } }));
		frm.set_query("risk_type", () => ({
			query: "fanpin.api.assistance.case_risk_type_query",
			filters: { case: frm.doc.case },
		}));
	},
});
