// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

frappe.ui.form.on("Regional Risk Event", {
	refresh(frm) {
		if (frm.is_new()) return;
		frm.add_custom_button(__("Households to Screen"), () => {
			frappe
				.call("fanpin.fanpin.doctype.regional_risk_event.regional_risk_event.affected_households", { event: frm.doc.name })
				.then(({ message }) =>
					frappe.set_route("List", "Household", { name: ["in", (message || []).map((row) => row.name)] })
				);
		});
	},
});
