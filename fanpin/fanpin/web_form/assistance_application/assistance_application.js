frappe.ready(function () {
	frappe.web_form.set_query && frappe.web_form.set_query("village", () => ({ filters: { level: "Village", disabled: 0 } }));
});
