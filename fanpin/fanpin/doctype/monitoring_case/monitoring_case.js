// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

frappe.ui.form.on("Monitoring Case", {
	setup(frm) {
		frm.set_query("household_income", () => ({ filters: { household: frm.doc.household } }));
		frm.set_query("risk_types", () => ({ filters: { disabled: 0 } }));
		frm.set_query("exclusions", () => ({ filters: { disabled: 0 } }));
	},
	refresh(frm) {
		if (frm.doc.verification_overdue) {
			frm.dashboard.set_headline_alert(
				__("Home verification was due on {0}", [frappe.datetime.str_to_user(frm.doc.verification_due)]),
				"red"
			);
		} else if (frm.doc.stage === "Village public notice" && frm.doc.notice_end) {
			frm.dashboard.set_headline_alert(
				__("Public notice until {0}; it cannot be ended early", [frappe.datetime.str_to_user(frm.doc.notice_end)]),
				"blue"
			);
		}
		if (frm.doc.stage === "Under monitoring" && !frm.is_new()) {
			frm.add_custom_button(__("Propose Risk Elimination"), () =>
				frappe.new_doc("Risk Elimination", { case: frm.doc.name })
			);
		}
	},
});
