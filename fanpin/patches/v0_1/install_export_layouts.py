"""Sites installed before export layouts existed get the shipped ones (only those missing)."""

from fanpin.exports.government import install_default_layouts


def execute():
	install_default_layouts()
