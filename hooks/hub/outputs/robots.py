"""robots.txt: search engines may read every page, and find them all through the sitemap.

The Sitemap line needs the hub's full address (site_url), so a hub without one gets the rest only. The
staff editor at /admin/ is not shut out here: its page says noindex, which a search engine must be
allowed to read to obey.
"""

from __future__ import annotations

from .files import GeneratedFile

PATH = "robots.txt"


def robots_file(site_url: str | None) -> GeneratedFile:
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {site_url.rstrip('/')}/sitemap.xml")
    return GeneratedFile(PATH, "\n".join(lines) + "\n")
