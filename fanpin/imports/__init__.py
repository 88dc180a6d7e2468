"""Reading the spreadsheets government departments send. Pure Python: imports no frappe."""
