// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

frappe.ui.form.on("Fanpin Settings", {
	refresh(frm) {
		if (!frappe.user.has_role("System Manager")) return;
		frm.add_custom_button(__("Set Up a County"), () => fanpin_pick_county());
	},
});

function fanpin_pick_county() {
	const options = (parent) =>
		frappe.xcall("fanpin.setup.county.division_options", { parent }).then((rows) =>
			[{ value: "", label: "" }].concat(rows)
		);
	const dialog = new frappe.ui.Dialog({
		title: __("Set Up a County"),
		fields: [
			{
				fieldname: "help",
				fieldtype: "HTML",
				options: `<p class="text-muted">${__(
					"The county's towns and villages are created with their division codes. Areas already there are left as they are."
				)}</p>`,
			},
			{ fieldname: "province", label: __("Province"), fieldtype: "Select", reqd: 1 },
			{ fieldname: "city", label: __("City"), fieldtype: "Select", reqd: 1 },
			{ fieldname: "county", label: __("County"), fieldtype: "Select", reqd: 1 },
		],
		primary_action_label: __("Set Up"),
		primary_action({ county }) {
			frappe
				.call({
					method: "fanpin.setup.county.set_up_county",
					args: { county },
					freeze: true,
					freeze_message: __("Creating towns and villages…"),
				})
				.then(() => dialog.hide());
		},
	});
	const fill = (fieldname, parent) =>
		options(parent).then((rows) => {
			dialog.set_df_property(fieldname, "options", rows);
			dialog.set_value(fieldname, "");
		});
	dialog.fields_dict.province.df.onchange = () => {
		const province = dialog.get_value("province");
		if (province) fill("city", province);
	};
	dialog.fields_dict.city.df.onchange = () => {
		const city = dialog.get_value("city");
		if (city) fill("county", city);
	};
	fill("province", "");
	dialog.show();
}
