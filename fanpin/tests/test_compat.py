"""What fanpin/compat.py decides holds on the Frappe that runs: a count through get_list agrees with a
list, and every Frappe endpoint fanpin overrides still exists (if Frappe moved one, the override
would go quiet and the gap it closes would open again)."""

import frappe

from fanpin import hooks
from fanpin.compat import IntegrationTestCase, paging
from fanpin.permissions.channels import get_count
from fanpin.testing import DONGLAI, make_household, make_staff_user, make_village, member


class TestCompat(IntegrationTestCase):
	def test_count_and_paging_agree_with_a_plain_list(self):
		make_household(make_village(DONGLAI, 41), members=[member("兼容甲")])
		frappe.set_user(make_staff_user("compat.officer@fanpin.test", "Fanpin Town Officer", DONGLAI))
		try:
			names = frappe.get_list("Household", pluck="name", limit_page_length=0)
			self.assertEqual(get_count("Household"), len(names))
			page = frappe.get_list("Household", pluck="name", order_by="name asc", **paging(1, 2))
			self.assertEqual(page, sorted(names)[1:3])
		finally:
			frappe.set_user("Administrator")

	def test_every_overridden_endpoint_exists(self):
		self.assertGreater(len(hooks.override_whitelisted_methods), 3)
		for original, replacement in hooks.override_whitelisted_methods.items():
			self.assertTrue(callable(frappe.get_attr(original)), original)
			self.assertTrue(callable(frappe.get_attr(replacement)), replacement)
