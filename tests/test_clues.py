import pytest

from fanpin.policy.clues import APPLICATIONS_PER_HOUR, check_public_application
from fanpin.policy.messages import PolicyError


def test_within_limits():
	check_public_application(APPLICATIONS_PER_HOUR - 1, 0)


@pytest.mark.parametrize(("from_address", "same_id"), [(APPLICATIONS_PER_HOUR, 0), (0, 1), (9, 3)])
def test_too_frequent_is_refused(from_address, same_id):
	with pytest.raises(PolicyError):
		check_public_application(from_address, same_id)
