// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

frappe.ui.form.on("Household Income", {
	household(frm) {
		if (!frm.doc.household) return;
		frappe.db.get_value("Household", frm.doc.household, "member_count").then(({ message }) => {
			if (message && message.member_count) frm.set_value("household_size", message.member_count);
		});
	},
});
