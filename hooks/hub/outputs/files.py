"""What every output is: a file that is not a page, with its path in the site; and the outputs' own templates."""

from __future__ import annotations

import zlib

from jinja2 import Environment, PackageLoader, StrictUndefined

from hub.words import markup

_PIECE = 1 << 16  # bytes of packed content unpacked at a time


class GeneratedFile:
    """A file that is not a page, such as a feed or open data, with its path in the site.

    Its content is kept compressed until MkDocs writes it, as a page's HTML is (site/render.py): uncompressed,
    the feeds, calendars and open data of 10,000 engagements took 150 MB while every page was being made.
    """

    __slots__ = ("path", "packed", "_text")

    def __init__(self, path: str, content: str | bytes) -> None:
        self.path = path
        self._text = isinstance(content, str)
        self.packed = zlib.compress(content.encode("utf-8") if isinstance(content, str) else content, 1)

    @classmethod
    def from_packed(cls, path: str, packed: bytes) -> GeneratedFile:
        """A text file whose UTF-8 bytes are already compressed with zlib."""
        made = cls.__new__(cls)
        made.path, made.packed, made._text = path, packed, True
        return made

    @property
    def content(self) -> str | bytes:
        unpacked = zlib.decompress(self.packed)
        return unpacked.decode("utf-8") if self._text else unpacked

    def write(self, path: str) -> None:
        """Write the file's bytes (a text file's in UTF-8) to `path`, unpacking a piece at a time: the file of
        every engagement is 60 MB at 10,000 of them, and unpacked whole it raised the build's highest memory."""
        unpack = zlib.decompressobj()
        with open(path, "wb") as out:
            for start in range(0, len(self.packed), _PIECE):
                out.write(unpack.decompress(self.packed[start : start + _PIECE]))
            out.write(unpack.flush())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, GeneratedFile):
            return NotImplemented
        return (self.path, self.packed, self._text) == (other.path, other.packed, other._text)

    def __hash__(self) -> int:
        return hash((self.path, self.packed))

    def __repr__(self) -> str:
        return f"GeneratedFile({self.path!r})"


def templates(package: str) -> Environment:
    """The Jinja templates in `package`/templates/. Every value is escaped: record text is untrusted."""
    return Environment(
        loader=PackageLoader(package, "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


TEMPLATES = templates("hub.outputs")  # the Atom feed
TEMPLATES.globals.update(t=markup)
