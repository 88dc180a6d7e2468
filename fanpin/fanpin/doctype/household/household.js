// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

frappe.ui.form.on("Household", {
	setup(frm) {
		frm.set_query("village", () => ({ filters: { level: "Village", disabled: 0 } }));
	},
	onload(frm) {
		// A clerk's own village comes in as the default, without the fetch a picked village gets.
		if (frm.is_new() && frm.doc.village && !frm.doc.town) frm.trigger("village");
	},
	async village(frm) {
		const { message } = frm.doc.village
			? await frappe.db.get_value("Area", frm.doc.village, "parent_area")
			: { message: null };
		frm.set_value("town", message ? message.parent_area : null);
	},
});

frappe.ui.form.on("Household Member", {
	id_number(frm, cdt, cdn) {
		// A child has no labour: 劳动技能 follows the birth date in the ID number (the server checks it too).
		const row = locals[cdt][cdn];
		const digits = (row.id_number || "").replace(/\s/g, "");
		if (digits.length !== 18) return;
		const birth = frappe.datetime.str_to_obj(
			`${digits.slice(6, 10)}-${digits.slice(10, 12)}-${digits.slice(12, 14)}`
		);
		if (!birth || isNaN(birth)) return;
		const age = moment().diff(moment(birth), "years");
		if (age < 16) frappe.model.set_value(cdt, cdn, "labour_skill", "No labour capacity");
	},
});
