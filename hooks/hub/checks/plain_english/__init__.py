"""The plain-English check: every public word on the hub, with fixes that staff can act on.

It reads the pages in content/, the records, the map, and the hub's own words (templates, messages,
the glossary and mkdocs.yml), and reports each problem as `path:line:column: rule: message (fix)`.
It does not need MkDocs.

- text.py            a file as the checker reads it: passages of prose, words and sentences, lines and columns
- markdown_pages.py  the prose of a Markdown page
- yaml_records.py    the prose fields of a record, a map file or the glossary (from the model's types)
- hub_words.py       the words in the page templates
- language.py        the word lists in hooks/hub/data/
- rules.py           the rules, their ids, severities and thresholds
- check.py           which files to check, and the exceptions allowed on purpose
(findings are said for people and for GitHub Actions by hub/outputs/plain_english.py)

scripts/plain_english.py runs it.
"""

from .check import Report, check_files, hub_files
from .rules import RULES, Finding, Limits, Severity

__all__ = ["RULES", "Finding", "Limits", "Report", "Severity", "check_files", "hub_files"]
