frappe.listview_settings["Household"] = {
	add_fields: ["status"],
	get_indicator(doc) {
		const colour = doc.status === "Registered" ? "green" : "gray";
		return [__(doc.status, null, "Household"), colour, `status,=,${doc.status}`];
	},
};
