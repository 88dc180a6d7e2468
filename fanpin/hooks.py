app_name = "fanpin"
app_title = "Fanpin"
app_publisher = "fanpin contributors"
app_description = "防止返贫动态监测和帮扶 — monitoring and assistance to prevent return to poverty"
app_email = "dev@fanpin.invalid"
app_license = "mit"

export_python_type_annotations = True

before_install = "fanpin.setup.install.before_install"
after_install = "fanpin.setup.install.after_install"
after_migrate = "fanpin.setup.install.after_migrate"
before_uninstall = "fanpin.setup.install.before_uninstall"

# Link search boxes for households match names, pinyin and initials, within the user's scope.
standard_queries = {"Household": "fanpin.api.search.household_query"}

scheduler_events = {"daily": ["fanpin.tasks.daily"]}
