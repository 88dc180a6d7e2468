// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

frappe.ui.form.on("Assistance Contact", {
	setup(frm) {
		frm.set_query("town", () => ({ filters: { level: "Town" } }));
	},
});
