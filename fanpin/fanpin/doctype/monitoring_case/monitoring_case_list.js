frappe.listview_settings["Monitoring Case"] = {
	add_fields: ["stage", "workflow_state", "verification_overdue", "classification"],
	// The pill names the workflow state (the admin's words) in the colour of its stage; the
	// workflow does not override it (its "Don't Override Status"), so overdue cases show red.
	get_indicator(doc) {
		if (doc.verification_overdue) return [__("Verification Overdue"), "red", "verification_overdue,=,1"];
		const colours = {
			"Home verification": "orange",
			"Democratic appraisal": "orange",
			"Information comparison": "yellow",
			"Village public notice": "blue",
			"Entry into monitoring": "purple",
			"Under monitoring": "green",
			"Not included": "gray",
			"Risk eliminated": "darkgrey",
		};
		if (doc.workflow_state)
			return [__(doc.workflow_state), colours[doc.stage] || "gray", `workflow_state,=,${doc.workflow_state}`];
		return [__(doc.stage), colours[doc.stage] || "gray", `stage,=,${doc.stage}`];
	},
	onload(listview) {
		if (!frappe.user.has_role(["Fanpin City Office", "System Manager"])) return;
		listview.page.add_inner_button(__("Annual Risk Assessment"), () => {
			frappe.prompt(
				{ fieldname: "year", fieldtype: "Int", label: __("Year"), reqd: 1, default: new Date().getFullYear() },
				({ year }) =>
					frappe
						.call("fanpin.api.assessment.start_annual_assessment", { year })
						.then(({ message }) => frappe.show_alert({ message, indicator: "blue" })),
				__("Annual Risk Assessment"),
				__("Start")
			);
		});
	},
};
