frappe.listview_settings["Risk Elimination"] = {
	add_fields: ["stage", "workflow_state"],
	// As for cases: the state's name, in the colour of its stage.
	get_indicator(doc) {
		const colours = {
			"Exit proposed": "orange",
			"Exit appraisal": "orange",
			"Town review": "yellow",
			"Exit public notice": "blue",
			"City marking": "purple",
			"Risk eliminated": "green",
			"Elimination rejected": "gray",
		};
		const label = doc.workflow_state || doc.stage;
		const field = doc.workflow_state ? "workflow_state" : "stage";
		return [__(label), colours[doc.stage] || "gray", `${field},=,${label}`];
	},
};
