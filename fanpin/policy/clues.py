"""Clues from the public application form (SPEC §5): how much one network or one person may send."""

from fanpin.policy.messages import PolicyError, _

APPLICATIONS_PER_HOUR = 5  # from one network address
APPLICATIONS_PER_ID_PER_DAY = 1


def check_public_application(recent_from_address: int, same_id_today: int) -> None:
	"""Raise PolicyError when a public application must be refused as too frequent."""
	if recent_from_address >= APPLICATIONS_PER_HOUR:
		raise PolicyError(_("Too many applications from this network; please try again later"))
	if same_id_today >= APPLICATIONS_PER_ID_PER_DAY:
		raise PolicyError(
			_("An application for this ID number was received today; the town will contact you")
		)
