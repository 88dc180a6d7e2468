// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

frappe.ui.form.on("National Import", {
	setup(frm) {
		frm.set_query("town", () => ({ filters: { level: "Town", disabled: 0 } }));
	},
	refresh(frm) {
		if (!frm.is_new() && frm.doc.import_file && ["Not started", "Failed", "Completed"].includes(frm.doc.status)) {
			frm.add_custom_button(frm.doc.status === "Not started" ? __("Start Import") : __("Import Again"), () =>
				frm.call("start_import").then(() => frm.reload_doc())
			);
		}
		if (frm.doc.households_created || frm.doc.households_updated) {
			frm.add_custom_button(__("Monitoring Objects Imported"), () =>
				frappe.set_route("List", "Monitoring Case", { national_import: frm.doc.name })
			);
		}
	},
});
