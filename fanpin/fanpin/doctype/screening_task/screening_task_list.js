frappe.listview_settings["Screening Task"] = {
	add_fields: ["status", "risk_found", "household"],
	get_indicator(doc) {
		if (doc.status === "Screened" && doc.risk_found) {
			return [__("Risk Found"), "red", "risk_found,=,1"];
		}
		const colours = { "Not screened": "orange", Screened: "green", Unreachable: "gray" };
		return [__(doc.status, null, "Screening Task"), colours[doc.status] || "gray", `status,=,${doc.status}`];
	},
};
