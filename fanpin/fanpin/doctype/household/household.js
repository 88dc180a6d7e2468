// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

frappe.ui.form.on("Household", {
	setup(frm) {
		frm.set_query("village", () => ({ filters: { level: "Village", disabled: 0 } }));
	},
});
