// Copyright (c) 2026, fanpin contributors
// For license information, please see license.txt

frappe.ui.form.on("Screening Campaign", {
	setup(frm) {
		frm.set_query("areas", () => ({ filters: { level: ["in", ["Town", "Village"]] } }));
	},
	onload(frm) {
		// a campaign is the year's: Q4 of this year, starting today, unless the office says otherwise
		if (frm.is_new() && !frm.doc.year) frm.set_value("year", Number(frappe.datetime.get_today().slice(0, 4)));
		if (frm.is_new() && !frm.doc.start_date) frm.set_value("start_date", frappe.datetime.get_today());
	},
	refresh(frm) {
		if (frm.is_new()) return;
		if (frm.doc.status === "Ended") frm.disable_save(); // frozen: the summary is what is left to do
		const can_write = frm.perm[0] && frm.perm[0].write;
		if (frm.doc.status === "Not opened" && can_write) {
			frm.add_custom_button(__("Open the Campaign"), () =>
				frappe.confirm(__("Create a screening for every household of the campaign's areas?"), () =>
					frappe
						.call("fanpin.api.screening.open_campaign", { campaign: frm.doc.name })
						.then(() => frm.reload_doc())
				)
			).addClass("btn-primary");
		}
		if (frm.doc.status === "Under way" && can_write) {
			frm.add_custom_button(__("Close the Campaign"), () =>
				frappe.confirm(__("Close the campaign? Its screenings can no longer be changed."), () =>
					frappe
						.call("fanpin.api.screening.close_campaign", { campaign: frm.doc.name })
						.then(() => frm.reload_doc())
				)
			);
		}
		if (["Under way", "Ended"].includes(frm.doc.status)) {
			frm.add_custom_button(__("Screenings"), () =>
				frappe.set_route("List", "Screening Task", { campaign: frm.doc.name })
			);
			frm.add_custom_button(__("Progress by Village"), () =>
				frappe.set_route("query-report", "Screening Progress", { campaign: frm.doc.name })
			);
			fanpin_show_progress(frm);
		}
		if (frm.doc.status === "Ended") {
			frm.add_custom_button(__("Print the Summary"), () =>
				frappe.set_route("print", frm.doctype, frm.doc.name)
			).addClass("btn-primary");
		}
	},
});

function fanpin_show_progress(frm) {
	frappe.call("fanpin.api.screening.progress", { campaign: frm.doc.name }).then(({ message }) => {
		if (!message) return;
		const rows = (message.towns || [])
			.map(
				(row) => `<tr><td>${frappe.utils.escape_html(row.area_name || row.area || "")}</td>
				<td class="text-right">${row.total}</td><td class="text-right">${row.screened}</td>
				<td class="text-right">${row.unreachable}</td><td class="text-right">${row.pending}</td>
				<td class="text-right">${row.risk_found}</td><td class="text-right">${row.percent}%</td></tr>`
			)
			.join("");
		frm.dashboard.set_headline(
			__("Screened {0} of {1} households ({2}%)", [message.done, message.total, message.percent])
		);
		const html = `<table class="table table-bordered table-sm fanpin-screening-progress">
			<thead><tr><th>${__("Town")}</th><th>${__("Households in Campaign")}</th><th>${__("Screened")}</th>
			<th>${__("Unreachable")}</th><th>${__("Not Screened")}</th><th>${__("Risk Found")}</th>
			<th>${__("Completion")}</th></tr></thead><tbody>${rows}</tbody></table>`;
		frm.dashboard.add_section(html, __("Progress"));
		frm.dashboard.show();
	});
}
