"""MkDocs hooks: wire MkDocs's events to the `hub` package. No logic lives here.

The pages are made in on_pre_build, before MkDocs empties site/, so a wrong record stops the
build while the previous site is still whole. MkDocs gets only each page's front matter as Markdown;
the body is already final HTML, so it goes in at on_page_content instead of being parsed again
(that parsing took over half the build time: see scripts/bench.py).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from hub import clock
from hub.glossary import load_glossary
from hub.pipeline import build_hub
from hub.problems import RecordsInvalid
from hub.render import GeneratedFile, GeneratedPage
from hub.search import index_entries
from hub.security import with_content_security_policy
from hub.settings import SettingsInvalid, settings_from_mapping
from hub.shared_nav import SharedNav
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

log = logging.getLogger("mkdocs.hooks.engagement_hub")
# Whoever runs the build may date it themselves; otherwise the hub's own date does (below).
_DATED_BY_CALLER = clock.SOURCE_DATE_VARIABLE in os.environ
_pages: dict[str, GeneratedPage] = {}  # by path in the site
_files: list[GeneratedFile] = []  # feeds, calendar and open data
_nav = SharedNav()


def on_pre_build(config) -> None:
    global _pages, _files, _nav
    root = Path(config.config_file_path).parent
    try:
        settings = settings_from_mapping(config.extra.get("hub") or {}, root / "mkdocs.yml")
        today = clock.today(settings.timezone)
        hub = build_hub(root, settings, today, config.site_url or None)
    except (RecordsInvalid, SettingsInvalid, ValueError) as error:
        raise PluginError(str(error)) from None
    _pages = {page.path: page for page in hub.pages}
    _files = hub.files
    _nav = SharedNav()
    if not _DATED_BY_CALLER:
        # The sitemap then carries the date the pages were made for, so the same records on the same
        # day (HUB_TODAY in previews and tests) give the same bytes, whatever the clock says.
        os.environ[clock.SOURCE_DATE_VARIABLE] = clock.source_date_epoch(today)
    # Warnings are advice for staff (scripts/validate.py shows them); they must not fail --strict.
    for warning in hub.warnings:
        log.info("%s", warning)


def on_serve(server, config, builder):
    # The map folder is optional, so it cannot be listed under watch: in mkdocs.yml.
    folder = Path(config.config_file_path).parent / (config.extra.get("hub") or {}).get("map", "map")
    if folder.is_dir():
        server.watch(str(folder))
    return server


def on_files(files: Files, config) -> Files:
    in_nav = _nav_paths(config.nav)
    for page in _pages.values():
        if files.get_file_from_path(page.path) is not None:
            raise PluginError(
                f"content/{page.path} has the same address as a page the hub makes. Rename or remove it."
            )
        inclusion = InclusionLevel.INCLUDED if page.path in in_nav else InclusionLevel.NOT_IN_NAV
        file = File.generated(config, page.path, content=page.front_matter, inclusion=inclusion)
        if page.source is not None and config.repo_url and config.edit_uri:
            # "Edit this page" opens the YAML record, not the generated Markdown.
            file.edit_uri = f"../{page.source.parent.name}/{page.source.name}"
        files.append(file)
    for made in _files:
        if files.get_file_from_path(made.path) is not None:
            raise PluginError(f"content/{made.path} has the same address as a file the hub makes. Rename or remove it.")
        files.append(File.generated(config, made.path, content=made.content))
    return files


def on_config(config):
    # Content pages show what each short form in the glossary means, through the abbr Markdown
    # extension (listed in mkdocs.yml). Generated pages get the same from render.py.
    try:
        config.mdx_configs.setdefault("abbr", {})["glossary"] = load_glossary().markdown_glossary()
    except RecordsInvalid as error:
        raise PluginError(str(error)) from None
    return config


def _nav_paths(nav) -> set[str]:
    """The page paths named in mkdocs.yml's nav: those pages stay in the side navigation."""
    found: set[str] = set()
    stack = [nav or []]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.add(item)
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            stack.extend(item.values())
    return found


def on_page_content(html: str, page, config, files) -> str:
    made = _pages.get(page.file.src_uri)
    return html if made is None else made.body


def _shares_nav(page) -> bool:
    return page.file.src_uri in _pages and page.file.inclusion is InclusionLevel.NOT_IN_NAV


def on_page_context(context, page, config, nav):
    if _shares_nav(page):
        context.update(_nav.context(page.url))
    return context


def on_post_page(output: str, page, config) -> str:
    if _shares_nav(page):
        output = _nav.remember(page.url, output)
    return with_content_security_policy(output)


def on_post_template(output_content: str, template_name: str, config) -> str:
    # 404.html is a template, not a page.
    return with_content_security_policy(output_content) if template_name.endswith(".html") else output_content


@event_priority(50)  # before the search plugin writes its index
def on_post_build(config) -> None:
    # Pages made from records are left out of the search plugin's own reading (their front matter
    # says so); they give it short entries instead (hub/search.py).
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if index is not None and isinstance(getattr(index, "entries", None), list):
            index.entries.extend(index_entries(list(_pages.values())))
