"""Government-format spreadsheets (SPEC §10). Pure Python: imports no frappe."""
