"""Messages of the policy core.

The core cannot call frappe's translator, so it marks its user-facing templates with ``_``
(an identity function that translation tooling recognises) and raises :class:`PolicyError`
carrying the English template and its arguments. The desk layer translates the template and
formats it (``fanpin.utils.policy_message``); the pure tests assert on the template and arguments.
"""


def _(message: str) -> str:
	"""Mark a message for translation without translating it here."""
	return message


class PolicyError(ValueError):
	"""A rule of the policy was not met; ``message`` is an English template with ``{0}`` slots."""

	def __init__(self, message: str, *args: object) -> None:
		super().__init__(message.format(*args))
		self.message = message
		self.args_for_message = args
