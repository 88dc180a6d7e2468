"""The stable ``stage`` of a workflow-driven document.

Workflow states are the admin's to rename, add or re-role; each state sets ``stage`` through the
workflow's own "update field / update value". Server logic reads only ``stage``. Here the stage is
always re-derived from the current state, so it cannot be written directly over the API, and a
state change made by a plain save is held to the same self-approval rule as a workflow action.
"""

import frappe
from frappe import _
from frappe.model import no_value_fields
from frappe.model.workflow import get_transitions, get_workflow, get_workflow_name, has_approval_access
from frappe.utils import cint, flt, get_datetime, getdate

from fanpin.policy import procedure

# The DocTypes whose workflow states set ``stage``.
STAGED_DOCTYPES = ("Monitoring Case", "Risk Elimination")


def active_workflow(doctype: str):
	return get_workflow(doctype) if get_workflow_name(doctype) else None


def state_stages(doctype: str) -> tuple[str | None, dict[str, str]]:
	"""(state field, {state: stage}) of the doctype's active workflow."""
	workflow = active_workflow(doctype)
	return (workflow.workflow_state_field, stage_map(workflow)) if workflow else (None, {})


def stage_map(workflow) -> dict[str, str]:
	return {
		row.state: row.update_value
		for row in workflow.states
		if row.update_field == "stage" and row.update_value
	}


def follow_replaced_states(workflow, method=None) -> None:
	"""Workflow State records cannot be renamed: an admin renames a state by putting a new state in
	its row (and in its transitions). The records still in the old state then move to the new one
	that sets the same stage, so no record is left in a state the workflow no longer has."""
	before = workflow.get_doc_before_save()
	if (
		not before
		or workflow.document_type not in STAGED_DOCTYPES
		or before.document_type != workflow.document_type
		or before.workflow_state_field != workflow.workflow_state_field
	):
		return
	table = frappe.qb.DocType(workflow.document_type)
	field = table[workflow.workflow_state_field]
	actions = frappe.qb.DocType("Workflow Action")
	for old, new in procedure.replaced_states(before.states, workflow.states).items():
		# every record of the county follows (unscoped on purpose: the workflow is the county's);
		# found first, then updated by name, so the update locks those rows only, not the whole table
		names = frappe.get_all(workflow.document_type, filters={field.name: old}, pluck="name")
		if names:
			frappe.qb.update(table).set(field, new).where(table.name.isin(names) & (field == old)).run()
		frappe.qb.update(actions).set(actions.workflow_state, new).where(
			(actions.reference_doctype == workflow.document_type)
			& (actions.workflow_state == old)
			& (actions.status == "Open")
		).run()


def sync_stage(doc, initial_stage: str) -> tuple[str | None, str]:
	"""Set ``doc.stage`` from its workflow state; return (stage before this save, stage now)."""
	before = doc.get_doc_before_save()
	old_stage = before.stage if before else None
	workflow = active_workflow(doc.doctype)
	if not workflow:
		doc.stage = old_stage or initial_stage
		return old_stage, doc.stage
	field = workflow.workflow_state_field
	state = doc.get(field) or (workflow.states[0].state if workflow.states else None)
	doc.stage = stage_map(workflow).get(state) or old_stage or initial_stage
	if before and before.get(field) != doc.get(field):
		check_self_approval(before, doc.get(field))
	return old_stage, doc.stage


def check_self_approval(before, next_state: str) -> None:
	"""A direct save that changes the state obeys the transition's "allow self approval"."""
	transitions = [t for t in get_transitions(before) if t.next_state == next_state]
	user = frappe.session.user
	if transitions and not any(has_approval_access(user, before, t) for t in transitions):
		frappe.throw(_("Self approval is not allowed"), frappe.PermissionError)


def state_for_stage(doctype: str, stage: str) -> str | None:
	"""The (first) workflow state that sets the given stage."""
	_field, stages = state_stages(doctype)
	return next((state for state, value in stages.items() if value == stage), None)


def keep_procedure_dates(doc, fields: tuple[str, ...]) -> None:
	"""Dates the procedure sets (notice period, identification, elimination) are never taken from the
	request: they keep their saved values until a stage change sets them."""
	before = doc.get_doc_before_save()
	for field in fields:
		doc.set(field, before.get(field) if before else None)


def check_stage_fields(doc, stage_fields: dict[str, tuple[str, ...]], facts: tuple[str, ...] = ()) -> None:
	"""A procedure field is written only in its own stage, by a role the workflow lets edit that
	state; on a decided case (see ``procedure.frozen_fact_errors``) its facts do not change by a
	plain edit. Held on the stored record, for the desk, PUT and set_value alike."""
	before = doc.get_doc_before_save()
	if not before or doc.flags.ignore_permissions or doc.flags.via_follow_up:
		return
	owned = [field for fields in stage_fields.values() for field in fields]
	changed = [field for field in (*owned, *facts) if value_of(doc, field) != value_of(before, field)]
	if not changed:
		return
	for field, stage in procedure.stage_field_errors(stage_fields, before.stage, changed):
		frappe.throw(
			_("{0} can only be filled in at the stage {1}").format(_(doc.meta.get_label(field)), _(stage)),
			frappe.PermissionError,
		)
	if facts:
		for field in procedure.frozen_fact_errors(before.stage, changed):
			frappe.throw(
				_(
					"{0} of a decided case changes only through a follow-up visit or a new determination"
				).format(_(doc.meta.get_label(field))),
				frappe.PermissionError,
			)
	check_state_editor(before, [field for field in changed if field in owned])


def check_state_editor(before, fields: list[str]) -> None:
	"""The workflow names who edits a document in each state (an admin may change it)."""
	workflow = active_workflow(before.doctype)
	if not fields or not workflow or frappe.session.user == "Administrator":
		return
	state = before.get(workflow.workflow_state_field)
	editors = {row.allow_edit for row in workflow.states if row.state == state}
	if editors and not editors.intersection(frappe.get_roles()):
		frappe.throw(
			_("{0} can only be filled in by {1}").format(
				_(before.meta.get_label(fields[0])), "、".join(_(role) for role in sorted(editors))
			),
			frappe.PermissionError,
		)


def value_of(doc, field: str):
	value = doc.get(field)
	if isinstance(value, list):  # a child table: its rows' own values, without names and positions
		return [
			{
				df.fieldname: comparable(df.fieldtype, row.get(df.fieldname))
				for df in row.meta.fields
				if df.fieldtype not in no_value_fields
			}
			for row in value
		]
	df = doc.meta.get_field(field)
	return comparable(df.fieldtype if df else None, value)


def comparable(fieldtype: str | None, value):
	"""A value as stored, whether read from the database or sent by the desk (which sends dates as
	text and numbers as it likes): an unchanged field never reads as changed."""
	if not value:
		return None
	if fieldtype == "Date":
		return getdate(value)
	if fieldtype == "Datetime":
		return get_datetime(value)
	if fieldtype in ("Int", "Check"):
		return cint(value) or None
	if fieldtype in ("Float", "Currency", "Percent"):
		return flt(value) or None
	return value
