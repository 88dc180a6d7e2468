frappe.listview_settings["Screening Campaign"] = {
	add_fields: ["status"],
	get_indicator(doc) {
		const colours = { "Not opened": "gray", Opening: "blue", "Under way": "orange", Ended: "green" };
		return [__(doc.status, null, "Screening Campaign"), colours[doc.status] || "gray", `status,=,${doc.status}`];
	},
};
