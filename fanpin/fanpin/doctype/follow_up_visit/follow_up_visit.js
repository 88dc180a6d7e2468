// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

// The household facts a visit starts from; submitting the visit writes them back to the household.
const HOUSEHOLD_FLAGS = ["housing_unsafe", "school_dropout", "water_unsafe"];

frappe.ui.form.on("Follow-up Visit", {
	setup(frm) {
		frm.set_query("case", () => ({
			filters: { stage: ["not in", ["Not included", "Risk eliminated"]] },
		}));
	},
	onload(frm) {
		if (frm.is_new() && frm.doc.case) frm.trigger("case");
	},
	async case(frm) {
		if (!frm.is_new() || !frm.doc.case) return;
		const { message: casedoc } = await frappe.db.get_value("Monitoring Case", frm.doc.case, "household");
		if (!casedoc || !casedoc.household) return;
		const { message: facts } = await frappe.db.get_value("Household", casedoc.household, HOUSEHOLD_FLAGS);
		for (const flag of HOUSEHOLD_FLAGS) await frm.set_value(flag, facts[flag] || 0);
	},
});
