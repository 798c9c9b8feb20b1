"""How two names written by different people are known to be the same."""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=8192)  # the same topics, places and groups come up in record after record
def key(text: str) -> str:
    """Names match whatever their case and spacing: "Mental health" is "mental  Health"."""
    return " ".join(text.casefold().split())
