// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

frappe.ui.form.on("Risk Elimination", {
	setup(frm) {
		frm.set_query("case", () => ({ filters: { stage: "Under monitoring" } }));
	},
	refresh(frm) {
		if (frm.doc.has_blocking_findings) {
			frm.dashboard.set_headline_alert(__("Exit blocked: see the exit checks"), "red");
		}
	},
});
