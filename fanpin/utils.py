"""Glue between the pure policy core and the desk: translated messages."""

import frappe
from frappe import _

from fanpin.policy.messages import PolicyError


def policy_message(error: PolicyError) -> str:
	"""The policy's English template, translated, with its arguments filled in."""
	return _(error.message).format(*error.args_for_message)


def throw_policy(error: PolicyError, prefix: str | None = None, title: str | None = None) -> None:
	message = policy_message(error)
	frappe.throw(f"{prefix}{message}" if prefix else message, title=title or _("Invalid Data"))
