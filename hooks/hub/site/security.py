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

from .render import ENVIRONMENT

_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
_CONTENT = re.compile(r"<article\b.*</article>", re.DOTALL)
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
    theme_parts = _CONTENT.sub("", page_html)
    hashes = sorted({_hash(script) for script in _INLINE_SCRIPT.findall(theme_parts)})
    policy = {**POLICY, "script-src": POLICY["script-src"] + hashes}
    return "; ".join(" ".join([name, *sources]) for name, sources in policy.items())


def with_content_security_policy(page_html: str) -> str:
    """The page with its policy at the top of <head>, before any script it governs."""
    anchor = _AFTER.search(page_html)
    if anchor is None:
        return page_html
    meta = ENVIRONMENT.get_template("content_security_policy.html").render(policy=content_security_policy(page_html))
    return page_html[: anchor.end()] + meta + page_html[anchor.end() :]


def _hash(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"
