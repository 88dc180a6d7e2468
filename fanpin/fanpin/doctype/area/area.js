// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

frappe.ui.form.on("Area", {
	setup(frm) {
		frm.set_query("parent_area", () => ({ filters: { is_group: 1 } }));
	},
});
