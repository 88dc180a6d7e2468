import click
from frappe.commands import get_site, pass_context


@click.command("fanpin-demo")
@click.option("--households", default=2000, show_default=True, help="Number of demo households")
@pass_context
def fanpin_demo(context, households):
	"""Create the fanpin demo county (idempotent)."""
	import frappe

	from fanpin.demo import create

	frappe.init(site=get_site(context))
	frappe.connect()
	try:
		create(households=households)
	finally:
		frappe.destroy()


commands = [fanpin_demo]
