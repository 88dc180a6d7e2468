// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

// The setup wizard's county step: province → city → county from the division codes, as in the desk
// action of Fanpin Settings. It may be skipped (Longkou, the demo county, is there already); the county
// picked is set up when the wizard completes (fanpin.setup.county.setup_wizard_stages).
frappe.setup.on("before_load", () => {
	frappe.setup.add_slide({
		name: "fanpin_county",
		title: __("Your County"),
		icon: "fa fa-map-marker",
		fields: [
			{
				fieldname: "fanpin_county_help",
				fieldtype: "HTML",
				options: `<p class="text-muted">${__(
					"Pick the county whose towns and villages are to be created with their division codes. You may skip this step and set up a county later in Fanpin Settings."
				)}</p>`,
			},
			{ fieldname: "fanpin_province", label: __("Province"), fieldtype: "Select" },
			{ fieldname: "fanpin_city", label: __("City"), fieldtype: "Select" },
			{ fieldname: "fanpin_county", label: __("County"), fieldtype: "Select" },
		],
		onload(slide) {
			// (a slide's fields are copied as JSON, so their change handlers are bound here)
			const form = slide.form;
			const set_options = (fieldname, rows) => {
				form.set_df_property(fieldname, "options", [{ value: "", label: "" }].concat(rows));
				form.set_value(fieldname, "");
			};
			const fill = (fieldname, parent) =>
				frappe
					.xcall("fanpin.setup.county.division_options", { parent })
					.then((rows) => set_options(fieldname, rows));
			const below = { fanpin_province: "fanpin_city", fanpin_city: "fanpin_county" };
			Object.entries(below).forEach(([fieldname, next]) => {
				form.fields_dict[fieldname].df.onchange = () => {
					const parent = form.get_value(fieldname);
					if (parent) fill(next, parent);
					else set_options(next, []);
				};
			});
			fill("fanpin_province", "");
		},
		validate() {
			// a province picked without its county would otherwise be skipped without a word
			if (this.get_value("fanpin_province") && !this.get_value("fanpin_county")) {
				frappe.msgprint(__("Pick the county as well, or clear the province to skip this step"));
				return false;
			}
			return true;
		},
	});
});
