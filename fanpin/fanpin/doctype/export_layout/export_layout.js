// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

frappe.ui.form.on("Export Layout", {
	refresh(frm) {
		frm.trigger("load_field_choices");
		if (!frm.is_new()) {
			// a kind's layout opens the report filtered on its kind, where this layout applies
			// (once the report's kinds are known: a click before they arrive waits for them)
			frm.add_custom_button(__("Open Report"), () =>
				(frm.fanpin_kinds || Promise.resolve()).then(() =>
					frappe.set_route(
						"query-report",
						frm.doc.report,
						frm.doc.kind && frm.fanpin_kind_filter ? { [frm.fanpin_kind_filter]: frm.doc.kind } : {}
					)
				)
			);
		}
	},
	report(frm) {
		frm.trigger("load_field_choices");
	},
	load_field_choices(frm) {
		if (!frm.doc.report) return;
		frm.fanpin_kinds = frappe
			.call("fanpin.fanpin.doctype.export_layout.export_layout.get_kinds", { report: frm.doc.report })
			.then(({ message }) => {
				const kinds = (message && message.kinds) || [];
				frm.fanpin_kind_filter = message && message.filter;
				frm.set_df_property(
					"kind",
					"options",
					kinds.map((value) => ({ value, label: __(value) }))
				);
				frm.toggle_display("kind", kinds.length > 0 || !!frm.doc.kind);
			});
		frappe
			.call("fanpin.fanpin.doctype.export_layout.export_layout.get_field_choices", { report: frm.doc.report })
			.then(({ message }) => {
				frm.fanpin_field_choices = message || {};
				// The column picker lists the report's fields and the base DocType's (custom ones too).
				const grid = frm.fields_dict.columns.grid;
				grid.update_docfield_property("field", "fieldtype", "Autocomplete");
				grid.update_docfield_property(
					"field",
					"options",
					Object.entries(frm.fanpin_field_choices).map(([value, label]) => ({
						value,
						label: `${label} (${value})`,
					}))
				);
				grid.refresh();
			});
	},
});

frappe.ui.form.on("Export Layout Column", {
	field(frm, cdt, cdn) {
		const row = locals[cdt][cdn];
		const label = (frm.fanpin_field_choices || {})[row.field];
		if (label && !row.label) frappe.model.set_value(cdt, cdn, "label", label);
	},
});
