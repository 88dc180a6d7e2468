from fanpin.setup.workflows import install_default_workflows


def execute():
	install_default_workflows()
