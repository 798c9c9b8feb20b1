"""Errors and warnings for staff: every check on the records (check_all.py runs them), and the plain-English check."""
