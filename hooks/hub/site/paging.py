"""Split long lists over several pages, so no page grows with the number of records."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from hub.urls import url_of

T = TypeVar("T")


@dataclass(frozen=True)
class Pageful(Generic[T]):
    """One page of a list: its items, and where it sits among its sibling pages."""

    items: list[T]
    number: int
    count: int
    folder: str
    total: int

    @property
    def path(self) -> str:
        return page_path(self.folder, self.number)

    @property
    def url(self) -> str:
        return url_of(self.path)

    def url_for(self, number: int) -> str:
        return url_of(page_path(self.folder, number))

    def window(self, around: int = 2) -> list[int | None]:
        """The page numbers the pager links to: the first, the last and those near this one; None for a gap.

        Linking every page would make each page of a list of 10,000 grow by 100 links.
        """
        shown = sorted({1, self.count, *range(max(1, self.number - around), min(self.count, self.number + around) + 1)})
        numbers: list[int | None] = []
        for number in shown:
            if numbers and number - numbers[-1] > 1:
                numbers.append(None)
            numbers.append(number)
        return numbers

    @property
    def previous_url(self) -> str | None:
        return self.url_for(self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.url_for(self.number + 1) if self.number < self.count else None


def paginate(items: list[T], size: int, folder: str) -> list[Pageful[T]]:
    """Pages for `items` under `folder`: folder/index.md, folder/page-2.md, ... (always at least one)."""
    chunks = [items[i : i + size] for i in range(0, len(items), size)] or [[]]
    return [Pageful(chunk, n, len(chunks), folder, len(items)) for n, chunk in enumerate(chunks, start=1)]


def page_path(folder: str, number: int) -> str:
    return f"{folder}/index.md" if number == 1 else f"{folder}/page-{number}.md"
