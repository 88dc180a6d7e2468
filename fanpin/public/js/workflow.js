// The Workflow form, as a county admin edits the procedure.
//
// Opening a workflow loads the meta of its DocType (for the 更新字段 choices), and that answer
// carries the workflow again: Frappe puts the new copy in `locals` while the form keeps the old one.
// The tables then edit one copy and 保存 sends the other, so a renamed state was silently lost.
// Once the meta is there, the form is pointed at the copy its tables edit.
frappe.ui.form.on("Workflow", {
	refresh(frm) {
		if (frm.is_new() || !frm.doc.document_type) return;
		frappe.model.with_doctype(frm.doc.document_type, () => {
			const current = locals[frm.doctype] && locals[frm.doctype][frm.docname];
			if (current && current !== frm.doc && !frm.is_dirty()) {
				frm.refresh(frm.docname);
			}
		});
	},
});
