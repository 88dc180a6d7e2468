// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

frappe.ui.form.on("Risk Clue", {
	setup(frm) {
		frm.set_query("village", () => ({ filters: { level: "Village", disabled: 0 } }));
	},
	refresh(frm) {
		if (frm.is_new() || frm.doc.status !== "New" || !frm.doc.household) return;
		frm.add_custom_button(__("Convert to Monitoring Case"), () => {
			frappe.prompt(
				{ fieldname: "risk_types", fieldtype: "Table MultiSelect", label: __("Risk Types"), options: "Case Risk Type", reqd: 1 },
				(values) =>
					frappe
						.call("fanpin.api.clues.convert_to_case", {
							clue: frm.doc.name,
							risk_types: (values.risk_types || []).map((row) => row.risk_type),
						})
						.then(({ message }) => frappe.set_route("Form", "Monitoring Case", message)),
				__("Convert to Monitoring Case")
			);
		});
	},
});
