import pytest

from fanpin.policy.messages import PolicyError
from fanpin.policy.warnings import ALREADY, INCLUDED, NO_RISK, PENDING, check_disposition, initial_status


def test_initial_status():
	assert initial_status(True) == ALREADY
	assert initial_status(False) == PENDING


@pytest.mark.parametrize(
	("old", "new", "case", "reason"),
	[
		(None, PENDING, None, None),
		(PENDING, INCLUDED, "MC-1", None),
		(PENDING, NO_RISK, None, "收入稳定"),
		(None, ALREADY, "MC-1", None),
		(INCLUDED, INCLUDED, "MC-1", None),  # saved again unchanged
	],
)
def test_allowed(old, new, case, reason):
	check_disposition(old, new, case, reason)


@pytest.mark.parametrize(
	("old", "new", "case", "reason", "message"),
	[
		(INCLUDED, NO_RISK, "MC-1", "收入稳定", "already disposed"),
		(NO_RISK, INCLUDED, "MC-1", "x", "already disposed"),
		(ALREADY, PENDING, "MC-1", None, "already disposed"),
		(PENDING, INCLUDED, None, None, "Link the monitoring case"),
		(PENDING, NO_RISK, None, "  ", "reason"),
	],
)
def test_refused(old, new, case, reason, message):
	with pytest.raises(PolicyError, match=message):
		check_disposition(old, new, case, reason)
