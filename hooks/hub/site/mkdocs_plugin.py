"""The hub's side of MkDocs: one object whose methods answer MkDocs's events, holding one build's state.

This is the only module that imports MkDocs: records, facts, checks and outputs load and work without it.
The pages are made in on_pre_build, before MkDocs empties site/, so a wrong record stops the build while
the previous site is still whole. Each reaches MkDocs as a HubPage, whose HTML is final: MkDocs reads no
front matter and converts no Markdown for it. The pages the navigation leaves out are poured into one
drawing of the theme for each kind of page (shells.py), not drawn by the theme one by one.

`mkdocs serve` keeps what did not change between rebuilds (HubMemo): records are checked again only when
their file changed, and pages and files are made again only when their inputs changed. With `--dirty` (as
scripts/serve.sh runs it), MkDocs also skips its own work for each page and file that is as it was (Incremental).
"""

from __future__ import annotations

import copy
import datetime as dt
import inspect
import logging
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache, partial
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.commands import build as mkdocs_build
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
)
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from hub import clock
from hub.checks.gc_pause import set_aside_more
from hub.outputs.files import GeneratedFile
from hub.outputs.fingerprint import files_digest
from hub.outputs.search import index_entries
from hub.records.glossary import load_glossary
from hub.records.problems import RecordsInvalid
from hub.settings import SettingsInvalid, settings_from_mapping
from hub.wording import say_count
from hub.words import markup, say

from .atomic import abandon, building_folder, swap_in
from .build import HubMemo, build_hub
from .editor import bundle_files, find_bundle
from .file_dates import last_changed
from .render import GeneratedPage
from .security import with_content_security_policy
from .shared_work import SharedWriting
from .shells import ADDRESS, ALTERNATES, CONTENT, DESCRIPTION, EDIT, HEADED_CONTENT, TITLE, Shells, fill
from .theme_files import ThemeListing

log = logging.getLogger("mkdocs.hooks.engagement_hub")

# The hub's web address, when set, wins over site_url in mkdocs.yml: the publish workflow sets it.
ADDRESS_VARIABLE = "HUB_URL"
# Set to true by the publish workflow: a site for the public must know its own address.
PUBLISH_VARIABLE = "HUB_PUBLISH"
# Set to true where the system does not tell of saved files (a network drive, say): mkdocs serve then looks at
# every file each half second, as MkDocs does by itself.
POLLING_VARIABLE = "HUB_SERVE_POLLING"


@dataclass
class Build:
    """What one build made; `mkdocs serve` makes a new one on each rebuild, so nothing leaks between them."""

    today: dt.date
    latest_change: dt.date  # of any engagement: the date of pages made from the records that have none of their own
    pages: dict[str, GeneratedPage] = field(default_factory=dict)  # by path in the site
    files: list[GeneratedFile] = field(default_factory=list)  # feeds, calendar and open data
    written: dict[str, dt.date] = field(default_factory=dict)  # hand-written pages' last commits, by path
    shells: Shells = field(default_factory=Shells)
    env: Any = None  # the theme's templates
    checking: dict[str, tuple[tuple, str]] = field(default_factory=dict)  # by page: its kind, and its page filled in
    nav: Any = None  # MkDocs's navigation
    # Each shared with another process where it can be.
    file_writing: FileWriting | None = None
    page_writing: PageWriting | None = None

    def stop_writing(self) -> None:
        """The build failed or ended early: other processes that write its files and pages take no more."""
        for writing in (self.file_writing, self.page_writing):
            if writing is not None:
                writing.stop()


class EngagementHub:
    """MkDocs's events, in the order MkDocs calls them. hooks/engagement_hub.py hands each one here."""

    def __init__(self) -> None:
        self.build: Build | None = None
        self.atomic = False
        self.publishing = False
        self.serving = False
        self.writing: Writing | None = None
        # Kept from one rebuild of mkdocs serve to the next; a build that makes the site once keeps nothing.
        self.memo: HubMemo | None = None
        self.builds = 0
        self.incremental: Incremental | None = None
        self.compiled = _Compiled()
        self.theme_listing = ThemeListing()  # mkdocs serve lists the installed theme's files once

    @property
    def current(self) -> Build:
        if self.build is None:
            raise PluginError("The hub's pages were not made: on_pre_build did not run.")
        return self.build

    def on_startup(self, command: str, dirty: bool) -> None:
        # `mkdocs serve` builds into a folder of its own, which nobody publishes; --dirty adds to site/.
        self.atomic = command in ("build", "gh-deploy") and not dirty
        self.serving = command == "serve"  # it gives pages its own local address
        self.memo = HubMemo() if self.serving else None
        self.publishing = command == "gh-deploy" or os.environ.get(PUBLISH_VARIABLE, "").lower() == "true"
        if command == "serve" and dirty:
            self.incremental = Incremental()
            # MkDocs warns that --dirty can leave the navigation and links wrong; Incremental makes the site
            # exactly as a full build would, and the warning would stop each build under strict: true.
            logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_warning)

    def on_config(self, config):
        address = os.environ.get(ADDRESS_VARIABLE, "").strip()
        if address and not self.serving:
            config.site_url = _checked_address(address)
        if self.publishing and not config.site_url:
            raise PluginError(say("commands.build.no_address", variable=ADDRESS_VARIABLE))
        # Content pages show what each short form in the glossary means, through the abbr Markdown
        # extension (listed in mkdocs.yml). Generated pages get the same from render.py.
        try:
            config.mdx_configs.setdefault("abbr", {})["glossary"] = load_glossary().markdown_glossary()
        except RecordsInvalid as error:
            raise PluginError(str(error)) from None
        if self.serving:
            self.theme_listing.use_for(config.theme)
        _search_passes_by_unsearched_pages(config.plugins)
        site = Path(config.site_dir)
        if self.atomic and not _made_by_serve(site):
            self.writing = Writing(site, building_folder(site))
            config.site_dir = str(self.writing.folder)
        return config

    def on_pre_build(self, config) -> None:
        if self.build is not None:
            self.build.stop_writing()  # the last build ended without on_post_build or on_build_error
        root = Path(config.config_file_path).parent
        try:
            settings = settings_from_mapping(
                config.extra.get("hub") or {}, root / "mkdocs.yml", config.theme["language"] or "en"
            )
            today = clock.today(settings.timezone)
            hub = build_hub(root, settings, today, config.site_url or None, self.memo)
        except (RecordsInvalid, SettingsInvalid, ValueError) as error:
            raise PluginError(str(error)) from None
        self.build = Build(
            today,
            hub.catalogue.latest_change,
            {page.path: page for page in hub.pages},
            hub.files,
            written=last_changed(Path(config.docs_dir)),
        )
        self.builds += 1
        # Warnings are advice for staff (scripts/validate.py shows them); they must not fail --strict.
        # On a rebuild, only those in the records just saved, then how many there are in all.
        changed = {Path(path) for path in self.memo.records.changed} if self.memo is not None else set()
        shown = [w for w in hub.warnings if self.builds == 1 or root / w.path in changed]
        for warning in shown:
            log.info("%s", warning)
        if self.builds > 1 and hub.warnings:
            others = len(hub.warnings) - len(shown)
            others_said = say_count("commands.build.warnings_others", others)
            log.info("%s", say_count("commands.build.warnings_changed", len(shown), others=others_said))
        if self.incremental is not None:
            self.incremental.start(root, config)

    def on_serve(self, server, config, builder):
        # The map, the lists and the population figures are optional, so they cannot be listed under watch:.
        hub = config.extra.get("hub") or {}
        for name in ("map", "vocabulary", "population"):
            folder = Path(config.config_file_path).parent / hub.get(name, name)
            if folder.is_dir():
                server.watch(str(folder))
        if os.environ.get(POLLING_VARIABLE, "").lower() != "true":
            _told_of_changes(server)
        return server

    def on_files(self, files: Files, config) -> Files:
        build = self.current
        in_nav = _nav_titles(config.nav)
        taken = files.src_uris  # the hub's paths are posix already: get_file_from_path would convert each
        for page in build.pages.values():
            if page.path in taken:
                raise PluginError(say("commands.build.page_clash", path=page.path))
            inclusion = InclusionLevel.INCLUDED if page.path in in_nav else InclusionLevel.NOT_IN_NAV
            kept = self.incremental is not None and self.incremental.kept_page(page)
            file = (_Kept if kept else File).generated(config, page.path, content="", inclusion=inclusion)
            if page.source is not None and config.repo_url and config.edit_uri:
                # "Edit this page" opens the YAML record, not the generated Markdown.
                file.edit_uri = f"../{page.source.parent.name}/{page.source.name}"
            HubPage(in_nav.get(page.path), file, config, page)
            files.append(file)
        for made in build.files:
            if made.path in taken:
                raise PluginError(say("commands.build.file_clash", path=made.path))
            kept = self.incremental is not None and self.incremental.kept_file(made)
            files.append(_Made.of(config, made, kept))
        _add_editor_bundle(files, config)
        if self.incremental is not None:
            self.incremental.files = files
        return files

    @event_priority(-50)  # after any plugin that changes the files or the navigation
    def on_nav(self, nav, config, files):
        build = self.current
        build.nav = nav  # for the process that shares the writing of the pages (PageWriting)
        if self._may_share_writing():
            set_aside_more()  # the other process starts as a copy
            build.file_writing = FileWriting.start(files)
        return nav

    def _may_share_writing(self) -> bool:
        # Not while mkdocs serve's server runs: a process copied from one with other threads can wait forever on a
        # lock one of them held. Its first build runs before them.
        return self.memo is None or self.memo.builds == 1

    def on_env(self, env, config, files):
        # The sitemap (and its .gz) dates each page with the day what it says last changed, never the
        # clock's, so the same records on the same day give the same bytes. A page made from the records
        # takes its day from them; a hand-written page, from its last commit. Without git history a
        # hand-written page has the day the site was made for, unless SOURCE_DATE_EPOCH dates the build.
        # Here, for every page, not as each is read: a --dirty rebuild does not read those that did not change.
        build = self.current
        for file in files.documentation_pages():
            page = file.page
            if page is None:
                continue
            made = build.pages.get(file.src_uri)
            if made is not None:
                page.update_date = (made.changed or build.latest_change).isoformat()
            elif file.src_uri in build.written:
                # A build for an earlier day (HUB_TODAY) shows no change after it.
                page.update_date = min(build.written[file.src_uri], build.today).isoformat()
            elif clock.SOURCE_DATE_VARIABLE not in os.environ:
                page.update_date = build.today.isoformat()
        build.env = env
        env.globals["t"] = markup  # the theme's page around the hub's speaks the hub's language (overrides/)
        # MkDocs makes the theme's templates anew for each build; compiling them again took half a second of
        # each rebuild in mkdocs serve. Jinja checks each template's source against what it compiled.
        env.bytecode_cache = self.compiled
        # The first page of each kind is drawn by the theme; the rest from its drawing (shells.py). A rebuild of
        # mkdocs serve --dirty keeps the drawings while the theme, mkdocs.yml and the navigation are as they were.
        nav = tuple(
            (f.url, f.page.title if f.page else None) for f in files.documentation_pages() if f.inclusion.is_in_nav()
        )
        build.shells = Shells(nav) if self.incremental is None else self.incremental.shells_for(Shells(nav))
        first: set[tuple] = set()
        for file in files.documentation_pages():
            page = file.page
            if isinstance(page, HubPage) and page.content is not None and file.inclusion.is_not_in_nav():
                page.kind = build.shells.kind(page.url, page.content, page.edit_url, page.canonical_url, page.meta)
                if page.kind is None:
                    continue
                if page.kind in first or build.shells.drawn(page.kind):
                    page.meta["template"] = SHELLED
                else:
                    first.add(page.kind)
        if build.file_writing is not None:
            _log_from_others(build.file_writing.finish())
            build.file_writing = None
        if self._may_share_writing():
            set_aside_more()  # every page, read: the other process starts as a copy
            build.page_writing = PageWriting.start(files, build.nav, config, env, self.serving)
        return env

    def on_page_context(self, context, page, config, nav):
        if self.incremental is not None:
            self.incremental.searched(page, _search_index(config))
        kind = getattr(page, "kind", None)
        if kind is None:
            return context
        build = self.current
        shells = build.shells
        shelled = page.meta.get("template") == SHELLED
        if shelled and shells.drawn(kind) and shells.trusted(kind):
            context["hub_page"] = fill(shells.drawing(kind), _values(page, context, build.env))
            return context
        theme = build.env.get_template("main.html")
        if not shelled or not shells.drawn(kind):  # the first page of its kind, or the first in this process
            # Drawn by the theme as usual; its drawing with markers, filled in, must come out the same.
            shells.remember(kind, theme.render({**context, **_marked(page)}))
            build.checking[page.url] = (kind, fill(shells.drawing(kind), _values(page, context, build.env)))
            if shelled:
                context["hub_page"] = theme.render(context)
        else:
            context["hub_page"] = theme.render(context)
        return context

    def on_post_page(self, output: str, page, config) -> str:
        checking = self.current.checking.pop(page.url, None)
        if checking is not None:
            kind, filled = checking
            self.current.shells.judge(kind, filled == output)
        if isinstance(page, HubPage):
            page.written()
        return with_content_security_policy(output)

    def on_post_template(self, output_content: str, template_name: str, config) -> str:
        # 404.html is a template, not a page.
        return with_content_security_policy(output_content) if template_name.endswith(".html") else output_content

    def on_build_error(self, error) -> None:
        if self.build is not None:
            self.build.stop_writing()
        if self.writing is not None:
            self.writing.failed = True

    def on_shutdown(self) -> None:
        writing, self.writing = self.writing, None
        if writing is None:
            return
        if writing.finished and not writing.failed:
            swap_in(writing.folder, writing.site)
        else:
            abandon(writing.folder)  # site/ is as the last good build left it

    @event_priority(50)  # before the search plugin writes its index
    def on_post_build(self, config) -> None:
        build = self.current
        for writing in (build.file_writing, build.page_writing):
            if writing is not None:
                _log_from_others(writing.finish())
        build.file_writing = build.page_writing = None
        # Pages made from records are left out of the search plugin's own reading (their front matter
        # says so); they give it short entries instead (hub/outputs/search.py).
        index = _search_index(config)
        if index is not None:
            if self.incremental is not None:
                self.incremental.whole_index(index, config)
            index.entries.extend(index_entries(self.current.pages.values()))
        if self.incremental is not None:
            self.incremental.finish()
        if self.writing is not None:
            # Whatever fails from here (a plugin after this one, --strict's count of warnings) reaches
            # on_build_error before on_shutdown swaps.
            self.writing.finished = True


def _log_from_others(logged: list[tuple[int, str]]) -> None:
    for level, message in logged:
        log.log(level, "%s", message)  # counted here, as strict: true asks


@dataclass
class Writing:
    """Where this build writes the site, until it is swapped in as `site` (atomic.py)."""

    site: Path
    folder: Path
    finished: bool = False
    failed: bool = False


def _told_of_changes(server) -> None:
    """Have the system tell the server of a saved file at once (inotify on Linux), where MkDocs looks at every
    watched file each half second: that was a quarter of a second of each save's wait, on average.

    MkDocs 1.6 has no setting for this, so its observer, not started yet, is swapped for the one watchdog
    chooses for the system, and the paths watched so far are watched again. With another version of MkDocs,
    whose server differs, its own way stays.
    """
    watched, refs = getattr(server, "_watched_paths", None), getattr(server, "_watch_refs", None)
    if not isinstance(watched, dict) or not isinstance(refs, dict) or not isinstance(server.observer, PollingObserver):
        return
    paths = dict(watched)
    server.observer = _Saves()
    watched.clear()
    refs.clear()
    for path, count in paths.items():
        server.watch(path)
        watched[path] = count


# What a save, a new file, a deletion or a renaming tells. Not that a file was opened or closed without a change:
# each build reads every record, and those events would start the next build, for ever.
_SAVED = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
]


class _Saves(Observer):  # type: ignore[valid-type,misc]  # the observer watchdog chose for the system
    """Told only of changes to files (_SAVED), for every path MkDocs watches."""

    def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
        return super().schedule(
            event_handler, path, recursive=recursive, event_filter=event_filter or _SAVED, follow_symlink=follow_symlink
        )


def _checked_address(address: str) -> str:
    """HUB_URL as MkDocs keeps site_url: a full web address, ending in /."""
    parts = urlsplit(address)
    if parts.scheme not in ("https", "http") or not parts.hostname or parts.query or parts.fragment:
        raise PluginError(say("commands.build.not_an_address", variable=ADDRESS_VARIABLE, address=address))
    return address if address.endswith("/") else address + "/"


SHELLED = "hub-shelled.html"  # overrides/hub-shelled.html: prints the page the hub filled in


class HubPage(Page):
    """A page the hub made: its HTML and what the theme reads about it are ready, so MkDocs has no Markdown to
    read or convert (front matter for each page, and a Markdown converter made for each, took a tenth of a build)."""

    def __init__(self, title: str | None, file: File, config, made: GeneratedPage) -> None:
        self.made = made
        self._content: str | None = None
        self._rendered = False
        super().__init__(title, file, config)
        self.kind: tuple | None = None  # the pages that share one drawing of the theme (shells.py)

    # Its HTML is unpacked each time it is read, and not kept, unless a plugin changes it: MkDocs would keep
    # every page's HTML until the whole site is written (render.py says why the hub packs it).
    @property  # type: ignore[override]
    def content(self) -> str | None:
        if self._content is None and self._rendered:
            return self.made.body
        return self._content

    @content.setter
    def content(self, value: str | None) -> None:
        # MkDocs sets it again from what plugins return, which is most often the same text.
        same = value is not None and self._rendered and (len(value), hash(value)) == self.made.unpacked
        self._content = None if same else value

    def written(self) -> None:
        """Forget any HTML a plugin gave it: the page is in site/."""
        self._content = None

    def _set_canonical_url(self, base: str | None) -> None:
        # MkDocs joins each page's address to the site's with urljoin and splits it again: a tenth of a rebuild in
        # mkdocs serve at 1,000 records. The hub's addresses are plain relative paths, so joining is adding.
        if not base:
            return super()._set_canonical_url(base)
        base = base if base.endswith("/") else base + "/"
        self.canonical_url = base + self.url
        self.abs_url = _path_of(base) + self.url

    def read_source(self, config) -> None:
        self.markdown, self.meta = "", self.made.meta

    def render(self, config, files) -> None:
        self._rendered = True
        self.toc = get_toc([])
        # As MkDocs finds them in Markdown with no headings and no links.
        self.present_anchor_ids = set()
        self.links_to_anchors = {}


@lru_cache(maxsize=8)
def _path_of(address: str) -> str:
    return urlsplit(address).path


def _marked(page: HubPage) -> dict[str, object]:
    """The page's values as markers, for the theme's drawing of its kind."""
    marked = copy.copy(page)
    marked.meta = {**page.meta, "title": TITLE, "description": DESCRIPTION, "hub_alternates": []}
    marked.content = HEADED_CONTENT if "<h1" in (page.content or "") else CONTENT
    marked.canonical_url = ADDRESS if page.canonical_url else None
    marked.edit_url = EDIT if page.edit_url else None
    return {"page": marked, "hub_alternates": ALTERNATES}


def _values(page: HubPage, context, env) -> dict[str, str]:
    content = page.content or ""  # unpacked once
    # Most pages have no feeds of their own, and the partial then draws nothing (the first page of each kind,
    # drawn by the theme too, shows it if not).
    alternates = page.meta.get("hub_alternates")
    return {
        TITLE: page.meta["title"],
        DESCRIPTION: page.meta["description"],
        ADDRESS: page.canonical_url or "",
        EDIT: page.edit_url or "",
        ALTERNATES: env.get_template("partials/hub-alternates.html").render(page=page, base_url=context["base_url"])
        if alternates
        else "",
        CONTENT: content,
        HEADED_CONTENT: content,
    }


class _Compiled(BytecodeCache):
    """The theme's templates as Jinja compiled them, kept in memory from one build to the next."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


def _unsearched(page: HubPage) -> bool:
    """Search reads nothing of a page its front matter leaves out (hub/outputs/search.py gives those entries)."""
    return bool((page.meta.get("search") or {}).get("exclude"))


def _search_passes_by_unsearched_pages(plugins) -> None:
    """Material's search reads each page's whole HTML with a regular expression, to take out data-search
    attributes, even on a page its index leaves out: a tenth of writing a page from the records. The hub's
    pages have none (its templates write none, and record text is escaped), so search is not asked about those
    its index leaves out."""
    events = plugins.events.get("page_context", [])
    for n, method in enumerate(events):
        if getattr(method, "__name__", "") == "on_page_context" and hasattr(
            getattr(method, "__self__", None), "search_index"
        ):
            events[n] = partial(_unless_unsearched, method)
            origins = getattr(plugins, "_event_origins", {})  # the plugin's name, for MkDocs's messages
            origins[events[n]] = origins.get(method, "search")


def _unless_unsearched(on_page_context, context, *, page, config, nav):
    if isinstance(page, HubPage) and _unsearched(page):
        return context
    return on_page_context(context, page=page, config=config, nav=nav)


class FileWriting:
    """A build's writing of the hub's feeds, calendars and open data, shared with another process where it can
    be (shared_work.SharedWriting). They need nothing of the theme or the navigation, so the other process starts
    as soon as MkDocs has listed the files (on_nav) and writes them from the end while this one reads the pages
    and readies the theme, with the second processor idle before. This process then writes from the start until
    they meet (`finish`, in on_env), before another process starts to write pages: one process copied from this
    one while another still works could wait forever on a lock held by a thread of this one that talks to it.
    In mkdocs serve, the first build only."""

    def __init__(self, files: list[_Made]) -> None:
        self.files = files  # in the order MkDocs writes them
        self.sharing = SharedWriting(len(files), self._write)

    @classmethod
    def start(cls, files: Files) -> FileWriting:
        return cls([f for f in files if isinstance(f, _Made) and f._made is not None])

    def _write(self, n: int) -> None:
        self.files[n].write()

    def finish(self) -> list[tuple[int, str]]:
        """Every file written, here or there: what the other process logged, to log here."""
        for n, file in enumerate(self.files):
            if self.sharing.here(n):
                file.write()
        logged = self.sharing.finish()
        for file in self.files:
            file.written = True
        return logged

    def stop(self) -> None:
        self.sharing.stop()


class PageWriting:
    """A build's writing of the hub's pages that search leaves out, shared with another process where it can be
    (shared_work.SharedWriting): search's index is all that writing a page leaves in memory, and these add
    nothing to it. In mkdocs serve, the first build only; the theme's drawings the other process made are made
    again in the next build that needs them.

    The other process starts as a copy of this one once every page is read and the theme is ready (on_env).
    MkDocs writes each page with its build module's _build_page, with no event that skips one: so for the length
    of the build that function is wrapped, and a page another process writes is skipped here. With another
    version of MkDocs, whose function differs, every page is written here as before.
    """

    _PARAMETERS = ["page", "config", "doc_files", "nav", "env", "dirty", "excluded"]

    def __init__(self, pages: list[HubPage], config, doc_files, nav, env) -> None:
        self.pages = pages  # in the order MkDocs writes them
        self.numbers = {id(page): n for n, page in enumerate(pages)}
        self.write_page = mkdocs_build._build_page
        self.config, self.doc_files, self.nav, self.env = config, doc_files, nav, env
        mkdocs_build._build_page = self._build_page
        self.sharing = SharedWriting(len(pages), self._write)

    @classmethod
    def start(cls, files: Files, nav, config, env, serving: bool) -> PageWriting | None:
        if nav is None or list(inspect.signature(mkdocs_build._build_page).parameters) != cls._PARAMETERS:
            return None
        doc_files = files.documentation_pages(
            inclusion=InclusionLevel.is_in_serve if serving else InclusionLevel.is_included
        )
        pages = [f.page for f in doc_files if isinstance(f.page, HubPage) and _unsearched(f.page)]
        return cls(pages, config, doc_files, nav, env)

    def _write(self, n: int) -> None:
        self.write_page(self.pages[n], self.config, self.doc_files, self.nav, self.env)

    def _build_page(self, page, config, doc_files, nav, env, dirty=False, excluded=False) -> None:
        n = self.numbers.get(id(page))
        if excluded or (dirty and not page.file.is_modified()) or n is None or self.sharing.here(n):
            self.write_page(page, config, doc_files, nav, env, dirty, excluded)

    def finish(self) -> list[tuple[int, str]]:
        """Once MkDocs has written its pages: what the other process logged, to log here."""
        self._unwrap()
        return self.sharing.finish()

    def stop(self) -> None:
        self._unwrap()
        self.sharing.stop()

    def _unwrap(self) -> None:
        if mkdocs_build._build_page == self._build_page:
            mkdocs_build._build_page = self.write_page


class _Kept(File):
    """A page or file that is as the last build left it in site/, so a --dirty build skips it."""

    def is_modified(self) -> bool:
        return not os.path.isfile(self.abs_dest_path)


class _Made(File):
    """A feed, calendar or open data file the hub made, handed to MkDocs still compressed: MkDocs reads `_content`
    only to write the file (or when a plugin asks), so it is unpacked then, one file at a time."""

    _made: GeneratedFile | None = None
    _own: str | bytes | None = None  # what a plugin put in its place
    _kept = False
    written = False  # already, by FileWriting

    @classmethod
    def of(cls, config, made: GeneratedFile, kept: bool) -> _Made:
        file = cast(_Made, cls.generated(config, made.path, content=b""))
        file._made, file._kept = made, kept
        return file

    @property  # type: ignore[override]
    def _content(self) -> str | bytes | None:
        return self._made.content if self._made is not None else self._own

    @_content.setter
    def _content(self, value: str | bytes | None) -> None:
        self._made, self._own = None, value

    def is_modified(self) -> bool:
        # As _Kept when it is as the last build left it; written otherwise, as MkDocs writes any file made in memory.
        return not os.path.isfile(self.abs_dest_path) if self._kept else True

    def copy_file(self, dirty: bool = False) -> None:
        """As MkDocs writes a file made in memory, but unpacked a piece at a time (GeneratedFile.write), unless
        it is written already (FileWriting)."""
        if self._made is None or (dirty and not self.is_modified()):
            return super().copy_file(dirty)
        if not self.written:
            self.write()

    def write(self) -> None:
        assert self._made is not None  # a file a plugin changed is written by MkDocs's copy_file
        os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
        self._made.write(self.abs_dest_path)


class Incremental:
    """What `mkdocs serve --dirty` needs to skip MkDocs's work for the pages and files that did not change, and
    still leave the site exactly as a full build would (tests/test_incremental.py checks that).

    MkDocs's own --dirty compares file times, which says nothing of pages made in memory, and it leaves pages
    whose records were deleted, dates pages only as it reads them, and builds the search index from the pages
    it read. So: a page is kept when the hub used it again unchanged (fingerprint.py) and its HTML is in site/;
    a file when its bytes are the same; what was there last time and is not now is deleted; each page's search
    entries are kept from when it was read. A change to mkdocs.yml, the theme's overrides or the hub's own
    templates and words empties site/ first, so every page is written again.
    """

    def __init__(self) -> None:
        self.pages: dict[str, GeneratedPage] = {}  # the hub's pages in the last build, by path
        self.made: dict[str, bytes] = {}  # the hub's other files in the last build, by path: their packed bytes
        self.files = Files([])  # all that MkDocs was given in this build
        self.written: set[str] = set()  # every file MkDocs was given last time, by its path in site/
        self.search: dict[str, list] = {}  # each page's search entries, by its path in content/
        self.shells: Shells | None = None  # the theme's drawings for each kind of page (shells.py)
        self._searched_to = 0
        self._site = ""
        self._site_digest = ""

    def start(self, root: Path, config) -> None:
        self._site = config.site_dir
        self._searched_to = 0
        theme = [root / "mkdocs.yml", *(Path(d) for d in config.theme.dirs if Path(d).is_relative_to(root))]
        own = [
            Path(__file__).parent / "templates",
            Path(__file__).parents[1] / "words",
            Path(__file__).parents[1] / "data",
        ]
        digest = files_digest(
            p for folder in [*theme, *own] for p in ([folder] if folder.is_file() else folder.rglob("*")) if p.is_file()
        )
        if digest != self._site_digest:
            self._site_digest = digest
            self.pages, self.made, self.search, self.shells = {}, {}, {}, None
            _empty(Path(self._site))

    def shells_for(self, fresh: Shells) -> Shells:
        """The last build's drawings of the theme if its navigation is the same (start() forgets them when the
        theme or mkdocs.yml changes), or these new ones."""
        if self.shells is None or self.shells.nav != fresh.nav:
            self.shells = fresh
        return self.shells

    def kept_page(self, page: GeneratedPage) -> bool:
        kept = self.pages.get(page.path) is page
        self.pages[page.path] = page
        return kept

    def kept_file(self, made: GeneratedFile) -> bool:
        kept = self.made.get(made.path) == made.packed
        self.made[made.path] = made.packed
        return kept

    def searched(self, page, index) -> None:
        """Remember the entries the search plugin (whose on_page_context runs just before ours) gave this page."""
        if index is None:
            return
        self.search[page.file.src_uri] = index.entries[self._searched_to :]
        self._searched_to = len(index.entries)

    def whole_index(self, index, config) -> None:
        """The search index as a full build gives it: every page's entries, in the pages' order."""
        pages = [f.src_uri for f in self.files.documentation_pages()]
        self.search = {uri: self.search.get(uri, []) for uri in pages}
        index.entries[:] = [entry for uri in pages for entry in self.search[uri]]
        for plugin in config.plugins.values():
            if getattr(plugin, "search_index", None) is index and hasattr(plugin, "search_index_prev"):
                plugin.search_index_prev = None  # Material's own --dirty merging would add pages twice

    def finish(self) -> None:
        now = {f.dest_uri for f in self.files}
        for gone in sorted(self.written - now):
            _remove(Path(self._site), gone)
        self.written = now
        names = {f.src_uri for f in self.files}
        self.pages = {path: page for path, page in self.pages.items() if path in names}
        self.made = {path: content for path, content in self.made.items() if path in names}


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    return not str(record.msg).startswith("A 'dirty' build is being performed")


def _search_index(config):
    """The search plugin's index, whose entries the hub adds to."""
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if index is not None and isinstance(getattr(index, "entries", None), list):
            return index
    return None


def _empty(site: Path) -> None:
    if site.is_dir():
        for entry in site.iterdir():
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()


def _remove(site: Path, dest_uri: str) -> None:
    """Delete a file a full build would not make, and the folders it leaves empty."""
    path = site / dest_uri
    path.unlink(missing_ok=True)
    for folder in path.parents:
        if folder == site or not folder.is_relative_to(site) or any(folder.iterdir()):
            break
        folder.rmdir()


def _made_by_serve(site: Path) -> bool:
    # `mkdocs serve --clean` says its command is "build", but serves from a temporary folder it made.
    return site.name.startswith("mkdocs_") and site.parent == Path(tempfile.gettempdir())


def _add_editor_bundle(files: Files, config) -> None:
    """The staff editor's scripts (Decap CMS, from npm), served from /admin/ beside its page and settings."""
    if files.get_file_from_path("admin/index.html") is None:
        return  # a site without the editor's page needs none of its scripts
    folder = find_bundle(Path(config.config_file_path).parent)
    if folder is None:
        raise PluginError(say("commands.build.no_editor"))
    for path in bundle_files(folder):
        files.append(File.generated(config, f"admin/{path.name}", abs_src_path=str(path)))


def _nav_titles(nav) -> dict[str, str | None]:
    """The page paths named in mkdocs.yml's nav, with the title it gives each: those pages stay in the side
    navigation, under that title."""
    found: dict[str, str | None] = {}
    stack: list[tuple[str | None, object]] = [(None, nav or [])]
    while stack:
        title, item = stack.pop()
        if isinstance(item, str):
            found[item] = title
        elif isinstance(item, list):
            stack.extend((None, i) for i in item)
        elif isinstance(item, dict):
            stack.extend(item.items())
    return found
