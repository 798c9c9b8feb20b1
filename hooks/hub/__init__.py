"""Engagement Hub: engagement records in YAML, validated and turned into the pages of a public site.

Where things are:
- model.py        what a record holds (the fields staff write)
- loading.py      reading record files and turning problems into plain-English messages
- checking.py     every check and warning, each record on its own (in several processes) then across records
- status.py       open, closed, coming up: worked out from the dates
- catalogue.py    the lists and groups the pages show
- pages/          one module per kind of page; pages/engagement.py makes the engagement page
- templates/      the HTML of every page
- pipeline.py     the whole site, in order: checks, then lists, pages and files
"""
