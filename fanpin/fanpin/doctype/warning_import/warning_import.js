// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

frappe.ui.form.on("Warning Import", {
	setup(frm) {
		frm.set_query("warning_type", () => ({ filters: { department: frm.doc.department, disabled: 0 } }));
	},
	refresh(frm) {
		if (!frm.is_new() && frm.doc.import_file && ["Not started", "Failed", "Completed"].includes(frm.doc.status)) {
			frm.add_custom_button(frm.doc.status === "Not started" ? __("Start Import") : __("Import Again"), () =>
				frm.call("start_import").then(() => frm.reload_doc())
			);
		}
		if (frm.doc.rows_read) {
			// A liaison never reads the warnings themselves (they say where a person lives): it reads
			// their outcome in its report.
			frm.add_custom_button(__("Imported Warnings"), () =>
				frappe.model.can_read("Department Warning")
					? frappe.set_route("List", "Department Warning", { import_batch: frm.doc.name })
					: frappe.set_route("query-report", "Warning Outcome", { import_batch: frm.doc.name })
			);
		}
	},
});
