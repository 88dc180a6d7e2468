"""The functional core of fanpin: the policy's rules as plain functions over plain data.

Nothing in this package imports frappe, so the same rule serves the form, the reports, the
batch jobs and the tests (which run with plain pytest).
"""
