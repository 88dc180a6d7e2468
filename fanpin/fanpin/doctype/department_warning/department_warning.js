// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

frappe.ui.form.on("Department Warning", {
	refresh(frm) {
		if (frm.is_new() || frm.doc.status !== "Pending" || !frm.perm[0].write) return;
		if (frm.doc.household) {
			frm.add_custom_button(__("Include in Monitoring"), async () => {
				// the risk-type picker is a table of Case Risk Type rows: its meta must be loaded first
				await frappe.model.with_doctype("Case Risk Type");
				frappe.prompt(
					{
						fieldname: "risk_types",
						fieldtype: "Table MultiSelect",
						label: __("Risk Types"),
						options: "Case Risk Type",
						reqd: 1,
					},
					(values) =>
						frappe
							.call("fanpin.api.warnings.include_in_monitoring", {
								warning: frm.doc.name,
								risk_types: (values.risk_types || []).map((row) => row.risk_type),
							})
							.then(() => frm.reload_doc()),
					__("Include in Monitoring")
				);
			}, __("Disposition"));
		}
		frm.add_custom_button(__("No Risk After Review"), () => {
			frappe.prompt(
				{ fieldname: "reason", fieldtype: "Small Text", label: __("Reason"), reqd: 1 },
				({ reason }) =>
					frappe.call("fanpin.api.warnings.mark_no_risk", { warning: frm.doc.name, reason }).then(() => frm.reload_doc()),
				__("No Risk After Review")
			);
		}, __("Disposition"));
	},
});
