"""A Content-Security-Policy for every page, in a <meta> tag, since static hosts such as GitHub Pages
cannot send headers.

Scripts run only from the site's own files, plus the theme's few inline scripts, each allowed by the
hash of its exact text. The hashes come from the page's template parts outside the page's content, so
record text can never allow itself; record text is escaped anyway, so it never holds a <script> tag.
Styles may be inline: Material sets some, and a style cannot run code in today's browsers.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import lru_cache

from .render import ENVIRONMENT

_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
_WORD = re.compile(r"\w")
_AFTER = re.compile(r"<meta charset=[^>]*>|<head>", re.IGNORECASE)

POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],  # plus a hash for each of the theme's inline scripts
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}


# The staff editor at /admin/ (Decap CMS) has a policy of its own, so the public pages' stays strict:
# its bundle evaluates code it builds at run time and sets inline styles, and it talks to the local
# proxy or to GitHub's API. Its page holds no record text and runs only the site's own scripts.
EDITOR_POLICY = {
    **POLICY,
    "script-src": ["'self'", "'unsafe-eval'"],
    "img-src": ["'self'", "data:", "blob:", "https://avatars.githubusercontent.com"],
    "connect-src": ["'self'", "https://api.github.com"],  # plus the local proxy and any sign-in helper
    "worker-src": ["'self'", "blob:"],
    "frame-src": ["'self'", "blob:"],
}


def editor_policy(also_connect: list[str]) -> str:
    """The editor's policy; `also_connect` are the other addresses it may send requests to."""
    policy = {**EDITOR_POLICY, "connect-src": EDITOR_POLICY["connect-src"] + also_connect}
    return "; ".join(" ".join([name, *sources]) for name, sources in policy.items())


def content_security_policy(page_html: str) -> str:
    """The policy for this page: the theme's inline scripts outside the page's content are allowed by hash."""
    return _policy(tuple(_INLINE_SCRIPT.findall(_theme_parts(page_html))))


def _theme_parts(page_html: str) -> str:
    """The page without its content: from the first <article to the end of the last </article>, as the regular
    expression <article\b.*</article> finds it, but without trying a match at every character of the page."""
    start = page_html.find("<article")
    while start != -1 and _WORD.match(page_html, start + len("<article")):
        start = page_html.find("<article", start + 1)
    end = page_html.rfind("</article>")
    if start == -1 or end < start:
        return page_html
    return page_html[:start] + page_html[end + len("</article>") :]


@lru_cache(maxsize=64)
def _policy(scripts: tuple[str, ...]) -> str:
    # Pages of one kind share the theme's scripts: their policy is worked out once.
    hashes = sorted({_hash(script) for script in scripts})
    policy = {**POLICY, "script-src": POLICY["script-src"] + hashes}
    return "; ".join(" ".join([name, *sources]) for name, sources in policy.items())


def with_content_security_policy(page_html: str) -> str:
    """The page with its policy at the top of <head>, before any script it governs."""
    anchor = _AFTER.search(page_html)
    if anchor is None:
        return page_html
    meta = _meta(content_security_policy(page_html))
    return page_html[: anchor.end()] + meta + page_html[anchor.end() :]


@lru_cache(maxsize=64)
def _meta(policy: str) -> str:
    return ENVIRONMENT.get_template("content_security_policy.html").render(policy=policy)


def _hash(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"
