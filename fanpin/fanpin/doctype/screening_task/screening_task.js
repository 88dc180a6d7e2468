// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

frappe.ui.form.on("Screening Task", {
	refresh(frm) {
		if (frm.doc.risk_clue) {
			frm.dashboard.set_headline(
				__("Risk found: clue {0} sent to the town", [
					`<a href="/app/risk-clue/${encodeURIComponent(frm.doc.risk_clue)}">${frm.doc.risk_clue}</a>`,
				])
			);
		} else if (frm.doc.follow_up_visit) {
			frm.dashboard.set_headline(
				__("Recorded on the case as follow-up visit {0}", [
					`<a href="/app/follow-up-visit/${encodeURIComponent(frm.doc.follow_up_visit)}">${frm.doc.follow_up_visit}</a>`,
				])
			);
		}
	},
	visited_on: fanpin_screened,
	income_per_capita: fanpin_screened,
});

// What a screener records on the household makes it screened (the date defaults to today on saving).
const FANPIN_SCREENING_FIELDS = [
	"food_clothing_insecure", "school_dropout", "medical_uncovered", "housing_unsafe", "water_unsafe",
	"risk_illness", "risk_disability", "risk_education", "risk_disaster", "risk_accident",
	"risk_unstable_work", "risk_industry_failure", "risk_labour_loss", "risk_other",
];
frappe.ui.form.on("Screening Task", Object.fromEntries(FANPIN_SCREENING_FIELDS.map((f) => [f, fanpin_screened])));

function fanpin_screened(frm) {
	if (frm.doc.status === "Not screened") frm.set_value("status", "Screened");
}
