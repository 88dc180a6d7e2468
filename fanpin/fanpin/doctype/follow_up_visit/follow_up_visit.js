// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

frappe.ui.form.on("Follow-up Visit", {
	setup(frm) {
		frm.set_query("case", () => ({
			filters: { stage: ["not in", ["Not included", "Risk eliminated"]] },
		}));
	},
});
