"""What every output is: a file that is not a page, with its path in the site; and the outputs' own templates."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined, nodes
from jinja2.visitor import NodeTransformer

from hub.words import markup, on_use

from .packing import pack, unpack, unpacked_pieces


class GeneratedFile:
    """A file that is not a page, such as a feed or open data, with its path in the site.

    Its content is kept compressed until MkDocs writes it, as a page's HTML is (site/render.py): uncompressed,
    the feeds, calendars and open data of 10,000 engagements took 150 MB while every page was being made.
    """

    __slots__ = ("path", "packed", "_text")

    def __init__(self, path: str, content: str | bytes) -> None:
        self.path = path
        self._text = isinstance(content, str)
        self.packed = pack(content.encode("utf-8") if isinstance(content, str) else content)

    @classmethod
    def from_packed(cls, path: str, packed: bytes) -> GeneratedFile:
        """A text file whose UTF-8 bytes are already packed (packing.py)."""
        made = cls.__new__(cls)
        made.path, made.packed, made._text = path, packed, True
        return made

    @property
    def content(self) -> str | bytes:
        unpacked = unpack(self.packed)
        return unpacked.decode("utf-8") if self._text else unpacked

    def write(self, path: str) -> None:
        """Write the file's bytes (a text file's in UTF-8) to `path`, unpacking a piece at a time: the file of
        every engagement is 60 MB at 10,000 of them, and unpacked whole it raised the build's highest memory."""
        with open(path, "wb") as out:
            for piece in unpacked_pieces(self.packed):
                out.write(piece)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, GeneratedFile):
            return NotImplemented
        return (self.path, self.packed, self._text) == (other.path, other.packed, other._text)

    def __hash__(self) -> int:
        return hash((self.path, self.packed))

    def __repr__(self) -> str:
        return f"GeneratedFile({self.path!r})"


def templates(package: str) -> Environment:
    """The Jinja templates in `package`/templates/. Every value is escaped: record text is untrusted.

    Templates call t("key") for the hub's words: see _Words."""
    env = _WordsEnvironment(
        loader=PackageLoader(package, "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["t"] = markup
    # The words are in the compiled templates: when the hub speaks another language, they are compiled again.
    on_use(lambda: env.cache.clear() if env.cache is not None else None)
    return env


class _WordsEnvironment(Environment):
    def _generate(self, source: nodes.Template, *args, **kwargs) -> str:  # type: ignore[no-untyped-def]
        return super()._generate(_Words(self.filters).visit(source), *args, **kwargs)


class _Words(NodeTransformer):
    """Compiles each call of t() (and tn(), where the environment has it) as the filter of that name. Jinja
    calls a filter directly, where it calls a function through the context's checks, and works out a filter
    whose values are all constants when it compiles the template: the words that take no values are in the
    compiled template as its text. An engagement page made a sixth fewer function calls so."""

    def __init__(self, filters: dict) -> None:
        self.names = {"t", "tn"} & set(filters)

    def visit_Call(self, node: nodes.Call) -> nodes.Node:
        self.generic_visit(node)
        name = node.node
        if (
            isinstance(name, nodes.Name)
            and name.name in self.names
            and node.args
            and node.dyn_args is None
            and node.dyn_kwargs is None
        ):
            return nodes.Filter(node.args[0], name.name, node.args[1:], node.kwargs, None, None, lineno=node.lineno)
        return node


TEMPLATES = templates("hub.outputs")  # the Atom feed
