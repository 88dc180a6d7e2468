frappe.listview_settings["Department Warning"] = {
	add_fields: ["status", "matched"],
	get_indicator(doc) {
		if (!doc.matched) return [__("Unmatched"), "red", "matched,=,0"];
		const colours = {
			Pending: "orange",
			"Included in monitoring": "green",
			"Already monitored": "blue",
			"No risk after review": "gray",
		};
		return [__(doc.status, null, "Department Warning"), colours[doc.status], `status,=,${doc.status}`];
	},
};
