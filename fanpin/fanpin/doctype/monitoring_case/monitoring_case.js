// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

frappe.ui.form.on("Monitoring Case", {
	setup(frm) {
		frm.set_query("household_income", () => ({ filters: { household: frm.doc.household } }));
		frm.set_query("risk_types", () => ({ filters: { disabled: 0 } }));
		frm.set_query("exclusions", () => ({ filters: { disabled: 0 } }));
	},
	refresh(frm) {
		if (frm.doc.verification_overdue) {
			frm.dashboard.set_headline_alert(
				__("Home verification was due on {0}", [frappe.datetime.str_to_user(frm.doc.verification_due)]),
				"red"
			);
		} else if (frm.doc.stage === "Village public notice" && frm.doc.notice_end) {
			frm.dashboard.set_headline_alert(
				__("Public notice until {0}; it cannot be ended early", [frappe.datetime.str_to_user(frm.doc.notice_end)]),
				"blue"
			);
		}
		if (frm.doc.assistance_issue_count) {
			frm.dashboard.add_comment(frm.doc.assistance_issues.replace(/\n/g, "<br>"), "orange", true);
		}
		if (["Under monitoring", "Village public notice", "Entry into monitoring"].includes(frm.doc.stage)) {
			frm.add_custom_button(__("Suggest Measures"), () => show_suggestions(frm), __("Assistance"));
			frm.add_custom_button(
				__("Follow-up Visit"),
				() => frappe.new_doc("Follow-up Visit", { case: frm.doc.name }),
				__("Assistance")
			);
		}
		if (frm.doc.stage === "Under monitoring" && !frm.is_new()) {
			frm.add_custom_button(__("Propose Risk Elimination"), () =>
				frappe.new_doc("Risk Elimination", { case: frm.doc.name })
			);
		}
	},
});

function show_suggestions(frm) {
	frappe.call("fanpin.api.assistance.get_suggestions", { case: frm.doc.name }).then(({ message }) => {
		if (!message || !message.length) {
			frappe.msgprint(__("No further measures to suggest"));
			return;
		}
		const dialog = new frappe.ui.Dialog({ title: __("Suggested Measures"), fields: [{ fieldtype: "HTML", fieldname: "list" }] });
		const rows = message.map(
			(s, i) => `<tr><td>${frappe.utils.escape_html(s.measure_type)}</td>
				<td>${frappe.utils.escape_html(s.risk_type || __("Whole household (no single risk)"))}</td>
				<td>${frappe.utils.escape_html(s.reason)}</td>
				<td><button class="btn btn-xs btn-primary" data-index="${i}">${__("Add as Planned")}</button></td></tr>`
		);
		dialog.fields_dict.list.$wrapper.html(`<table class="table table-bordered">
			<thead><tr><th>${__("Measure Type")}</th><th>${__("Risk Answered")}</th><th>${__("Reason for Suggestion")}</th><th></th></tr></thead>
			<tbody>${rows.join("")}</tbody></table>`);
		dialog.fields_dict.list.$wrapper.on("click", "button[data-index]", function () {
			const suggestion = message[$(this).data("index")];
			frappe
				.call("fanpin.api.assistance.add_suggested_measure", {
					case: frm.doc.name,
					measure_type: suggestion.measure_type,
					risk_type: suggestion.risk_type,
				})
				.then(() => {
					$(this).prop("disabled", true).text(__("Added"));
					frm.reload_doc();
				});
		});
		dialog.show();
	});
}
