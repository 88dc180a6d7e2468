frappe.treeview_settings["Area"] = {
	breadcrumb: "Fanpin",
	title: __("Area"),
	get_tree_root: false,
	root_label: __("All Areas"),
	get_tree_nodes: "frappe.desk.treeview.get_children",
	add_tree_node: "frappe.desk.treeview.add_node",
	fields: [
		{ fieldtype: "Data", fieldname: "area_name", label: __("Area Name"), reqd: true },
		{ fieldtype: "Data", fieldname: "area_code", label: __("Area Code"), reqd: true },
		{
			fieldtype: "Select",
			fieldname: "level",
			label: __("Level"),
			options: [
				{ value: "Town", label: __("Town") },
				{ value: "Village", label: __("Village") },
			],
			reqd: true,
		},
	],
	ignore_fields: ["parent_area"],
};
