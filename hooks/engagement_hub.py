"""MkDocs hooks: hand each of MkDocs's events to the hub's plugin object (hub/site/mkdocs_plugin.py).

MkDocs loads this file once per process, so `mkdocs serve` keeps one object; it starts a fresh
build state on each rebuild.
"""

from hub.site.mkdocs_plugin import EngagementHub

_hub = EngagementHub()

on_startup = _hub.on_startup
on_config = _hub.on_config
on_pre_build = _hub.on_pre_build
on_serve = _hub.on_serve
on_files = _hub.on_files
on_nav = _hub.on_nav
on_env = _hub.on_env
on_page_context = _hub.on_page_context
on_post_page = _hub.on_post_page
on_post_template = _hub.on_post_template
on_post_build = _hub.on_post_build
on_build_error = _hub.on_build_error
on_shutdown = _hub.on_shutdown
