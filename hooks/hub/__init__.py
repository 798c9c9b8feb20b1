"""Engagement Hub: engagement records in YAML, validated and turned into the pages of a public site.

Data flows one way, one subpackage per step (pyproject.toml's import contract keeps it so):
- records/   reading YAML with its lines; the engagement and map models; problems said plainly
- facts/     what follows from the records and today's date: status, lists, scorecard, who decides
- checks/    errors and warnings for staff: dates, overlaps, personal data, plain English
- outputs/   files other than pages: feeds, calendar, open data, search entries, GitHub annotations
- site/      the pages: site/pages/engagement.py makes the engagement page; site/templates/ holds all HTML;
             site/mkdocs_plugin.py is the only module that uses MkDocs
Beside them: settings.py, clock.py (today in the hub's time zone), wording.py (dates, counts), urls.py, and
words/ (the hub's own words by key: words/en.yaml).
"""
