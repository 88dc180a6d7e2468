// Shared by fanpin's script reports (each report script includes this file): common filters, area titles in
// Link columns, and the one button that downloads the report in the government's layout.
window.fanpin = window.fanpin || {};

fanpin.select_options = (values) => values.map((value) => ({ value, label: __(value) }));

fanpin.report_filters = {
	town: {
		fieldname: "town",
		label: __("Town"),
		fieldtype: "Link",
		options: "Area",
		get_query: () => ({ filters: { level: "Town" } }),
	},
	village: {
		fieldname: "village",
		label: __("Village"),
		fieldtype: "Link",
		options: "Area",
		get_query: () => {
			const town = frappe.query_report.get_filter_value("town");
			return { filters: town ? { level: "Village", parent_area: town } : { level: "Village" } };
		},
	},
	category: {
		fieldname: "classification",
		label: __("Category"),
		fieldtype: "Select",
		options: fanpin.select_options([
			"",
			"Unstable lifted household",
			"Marginal household",
			"Sudden severe difficulty household",
		]),
	},
	// labels arrive translated: translating at the call site keeps them visible to the translation check
	from_date: (label) => ({ fieldname: "from_date", label, fieldtype: "Date" }),
	to_date: (label) => ({ fieldname: "to_date", label, fieldtype: "Date" }),
};

fanpin.government_report = (settings) =>
	Object.assign(
		{
			onload(report) {
				report.page.add_inner_button(__("Government Format Excel"), () =>
					fanpin.export_government_format(report)
				);
			},
			formatter(value, row, column, data, default_formatter) {
				// The totals row names itself (合计) in its first column, in bold.
				if (data && data.is_total_row) {
					const label = data[`${column.fieldname}_name`];
					if (!value && label) return `<b>${frappe.utils.escape_html(label)}</b>`;
					return `<b>${default_formatter(value, row, column, data)}</b>`;
				}
				// Areas are named by code; the row carries their names, shown instead of the code.
				if (data && value && column.fieldtype === "Link" && column.options === "Area") {
					const title = data[`${column.fieldname}_name`];
					if (title) frappe.utils.add_link_title("Area", value, title);
				}
				return default_formatter(value, row, column, data);
			},
		},
		settings
	);

fanpin.export_government_format = (report) => {
	frappe
		.call({
			method: "fanpin.api.exports.export_report",
			args: { report_name: report.report_name, filters: report.get_filter_values(true) },
			freeze: true,
			freeze_message: __("Preparing the spreadsheet…"),
		})
		.then(({ message }) => {
			if (message.file_url) {
				fanpin.download(message.file_url);
			} else {
				frappe.show_alert({
					message: __(
						"{0} rows are being written in the background; the download link appears here when done",
						[message.rows]
					),
					indicator: "blue",
				});
			}
		});
};

// A link click, not window.open: a window opened after the server answers counts as a pop-up.
fanpin.download = (url) => {
	const link = document.createElement("a");
	link.href = url;
	link.download = "";
	document.body.appendChild(link);
	link.click();
	link.remove();
};

if (!fanpin.export_listener) {
	fanpin.export_listener = true;
	frappe.realtime.on("fanpin_export_ready", ({ file_url, title, rows }) => {
		frappe.hide_progress();
		frappe.msgprint({
			title: __("Spreadsheet Ready"),
			indicator: "green",
			message: __("{0}: {1} rows. {2}", [
				frappe.utils.escape_html(title),
				rows,
				`<a href="${encodeURI(file_url)}" target="_blank">${__("Download")}</a>`,
			]),
		});
	});
}
