"""Which files to check, reading each as the right kind of source, and the exceptions allowed on purpose."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from hub.records.glossary import GLOSSARY_FILE
from hub.records.loading import MAX_FILE_BYTES, record_files
from hub.records.map_loading import BODIES_FILE, DECISIONS_FILE
from hub.settings import Settings
from hub.words import say

from .hub_words import template_source
from .language import ALLOWED_FILE, GROUPS_FILE, WELL_KNOWN_FILE, WORDS_FILE, Language, load_language
from .markdown_pages import page_source
from .rules import Finding, Limits, Severity, check_source
from .text import Source
from .yaml_records import mkdocs_source, model_for, record_source

HUB_PACKAGE = Path(__file__).resolve().parents[2]  # hooks/hub
WORDS_CATALOGUE = HUB_PACKAGE / "words" / "en.yaml"  # the hub's own words in English


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)  # not allowed: to fix or to read
    allowed: list[Finding] = field(default_factory=list)  # flagged, but allowed on purpose
    files: int = 0

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.is_error]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.is_error]


def hub_files(root: Path, settings: Settings, docs_dir: str = "content") -> list[Path]:
    """Everything the public reads: pages, records, the map, and the hub's own words."""
    files = sorted((root / docs_dir).rglob("*.md")) if (root / docs_dir).is_dir() else []
    records = root / settings.records
    files += record_files(records) if records.is_dir() else []
    files += [p for p in (root / settings.map / BODIES_FILE, root / settings.map / DECISIONS_FILE) if p.is_file()]
    files += [root / "mkdocs.yml"] if (root / "mkdocs.yml").is_file() else []
    files += own_words()
    return files


def own_words() -> list[Path]:
    """The hub's templates, its words catalogue (pages' words, messages to staff, field descriptions) and its
    glossary. Its Python holds no words for people, so it is not read."""
    return [
        *sorted(HUB_PACKAGE.rglob("templates/*.html")),
        GLOSSARY_FILE,
        WORDS_CATALOGUE,
    ]


def read_source(path: Path, shown: str) -> Source:
    if path.stat().st_size > MAX_FILE_BYTES:
        # The same limit as validation: a file this big is a mistake, and reading it could take minutes.
        source = Source(shown, "", "record")
        source.unreadable = (1, say("plain_english.unreadable.too_big", most=MAX_FILE_BYTES // 1_000_000))
        return source
    try:
        text = path.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError:
        source = Source(shown, "", "record")
        source.unreadable = (1, say("plain_english.unreadable.not_utf8"))
        return source
    suffix = path.suffix.lower()
    if suffix == ".md":
        return page_source(shown, text)
    if suffix == ".html":
        return template_source(shown, text)
    if path.name == "mkdocs.yml":
        return mkdocs_source(shown, text)
    source = record_source(shown, text, None if path.resolve() == WORDS_CATALOGUE.resolve() else model_for(path.name))
    if path.resolve() == WORDS_CATALOGUE.resolve():
        _fill_places(source)
    if path.resolve() in (GLOSSARY_FILE.resolve(), WORDS_CATALOGUE.resolve()):
        source.kind = "hub"
    elif path.name in (BODIES_FILE, DECISIONS_FILE):
        source.kind = "map"
    return source


def _fill_places(source: Source) -> None:
    """A {name} in the catalogue's words is filled in later (a date, a name, a link): read it as one word,
    as a template's {{ value }} is read."""
    masked = source.masked
    for match in re.finditer(r"\{\w+\}", source.text):
        if masked[match.start()] == "{":
            source.hide(match.start(), match.end())
            source.put(match.start(), "x")


CHECKED_SUFFIXES = (".md", ".yaml", ".yml", ".html")
# The checker's own lists are not public words: they name the words to avoid.
NOT_PUBLIC = {WORDS_FILE.resolve(), GROUPS_FILE.resolve(), ALLOWED_FILE.resolve(), WELL_KNOWN_FILE.resolve()}


def expand(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """Files to check, from files and folders; and the paths that are neither."""
    files, missing = [], []
    for path in paths:
        if path.is_dir():
            files += sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in CHECKED_SUFFIXES and p.is_file() and p.resolve() not in NOT_PUBLIC
            )
        elif path.is_file():
            files.append(path)
        else:
            missing.append(path)
    return files, missing


def check_files(
    files: list[Path],
    root: Path,
    language: Language | None = None,
    limits: Limits = Limits(),  # noqa: B008 (frozen: safe to share)
    report_unused: bool = False,
    hub_warnings: bool = True,
) -> Report:
    """Check `files`; paths in findings are shown relative to `root`.

    `report_unused` warns of allowed exceptions that matched nothing: only true when every file was checked.
    `hub_warnings` false leaves out warnings about the hub's own words (code and templates): they are for
    developers, who see them when they check hooks/hub, and would bury the warnings for staff.
    """
    language = language or load_language(root=root)
    report = Report(files=len(files))
    found: list[Finding] = [
        Finding(
            str(p.path),
            p.line,
            1,
            "unreadable",
            p.message,
            say("plain_english.unreadable.fix_data"),
            Severity.error,
            "",
        )
        for p in language.problems
    ]
    for path in files:
        source = read_source(path, shown(path, root))
        findings = check_source(source, language, limits)
        if source.kind == "hub" and not hub_warnings:
            findings = [f for f in findings if f.is_error]
        found += findings
    used: set[int] = set()
    for item in found:
        index = next((i for i, a in enumerate(language.allowed) if a.covers(item.rule, item.flagged, item.path)), None)
        if index is None:
            report.findings.append(item)
        else:
            used.add(index)
            report.allowed.append(item)
    if report_unused:
        allowed_path = shown(ALLOWED_FILE, root)
        for index, allowed in enumerate(language.allowed):
            if index not in used:
                a = allowed.allowance
                report.findings.append(
                    Finding(
                        allowed_path,
                        allowed.line,
                        1,
                        "allowed-unused",
                        say("plain_english.allowed_unused.message", rule=a.rule, text=a.text),
                        say("plain_english.allowed_unused.fix"),
                        Severity.warning,
                        a.text,
                    )
                )
    report.findings.sort()
    return report


def shown(path: Path, root: Path) -> str:
    """The path from the hub's folder; the hub's own files from the project that holds the package."""
    for base in (root, HUB_PACKAGE.parent.parent):
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return path.as_posix()
