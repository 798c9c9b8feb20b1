"""A file as the checker reads it: which parts are prose, and where each word and sentence is.

The checker never copies text out of a file. It keeps a "masked" copy of the whole file, the same
length, in which everything that is not prose (YAML keys, Markdown markup, URLs, HTML tags, code) is
a space. A passage is a range of that copy, so every word found in it has its offset in the file,
and so its exact line and column, inside YAML block scalars and Markdown lists alike.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

# A word: letters or digits, joined by an apostrophe, a dot, an ampersand or a dash, and digits joined by
# a comma, a colon or a slash (so "GOV.UK", "A&E", "1.2", "e.g", "co-production", "1,250", "10:30" and "24/7"
# are each one word).
WORD = re.compile(r"[^\W_]+(?:(?:['’.&-]|(?<=\d)[,:/](?=\d))[^\W_]+)*")

# Where a reader sees a sentence end: a full stop, question mark or exclamation mark after a word, with
# nothing between them but hidden markup (bold, a link's address), closing brackets or quotes.
_STOP = re.compile(r"[.!?]")
_GAP = re.compile(r"""[\s)"'’”\]]*""")
# A full stop after these never ends a sentence: a name or a number follows.
_TITLES = {"dr", "mr", "mrs", "ms", "mx", "prof", "cllr", "rev", "st", "sr", "jr"}
_ALWAYS_FOLLOWED = {"e.g", "i.e", "eg", "ie", "cf", "vs", "incl", "approx", "viz"}
# A full stop after these ends a sentence only when a capital letter follows ("... notes etc. Staff will").
_ABBREVIATIONS = {"etc", "a.m", "p.m", "am", "pm", "no", "nos", "tel", "ref", "min", "mins", "hr", "hrs"}
_BLANK_LINE = re.compile(r"\n[ \t]*\n")

# Not prose wherever it appears: web addresses and email addresses.
_NOT_PROSE = re.compile(
    r"""(?:https?://|www\.)[^\s<>"')\]]+[^\s<>"')\].,;:!?]"""
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)


@dataclass(frozen=True)
class Passage:
    """A run of public text in a file, from `start` to `end` (offsets in the file)."""

    start: int
    end: int
    label: str  # where it is, for people: a YAML field such as "outcome.summary", or "paragraph"
    prose: bool = True  # checked for sentences, words, short forms and passive voice
    link: bool = False  # link text: checked for saying where the link goes
    scored: bool = True  # counts towards the reading level of the whole page


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    words: tuple[Word, ...]


@dataclass
class Source:
    """One file: its text, its masked copy and its passages. `kind` says how to score it."""

    path: str  # as shown in messages, relative to the hub's folder where it can be
    text: str
    kind: str  # "page", "record" or "hub" (the hub's own words: templates, messages, settings)
    passages: list[Passage] = field(default_factory=list)
    unreadable: tuple[int, str] | None = None  # (line, why) when the file could not be read

    def __post_init__(self) -> None:
        self._chars = [c if c == "\n" else " " for c in self.text]
        self._masked: str | None = None
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]

    # --- building the masked copy (extraction only) ---

    def reveal(self, start: int, end: int) -> None:
        """Make text[start:end] visible as prose, except web and email addresses in it."""
        self._chars[start:end] = self.text[start:end]
        for match in _NOT_PROSE.finditer(self.text, start, end):
            self.hide(match.start(), match.end())
        self._masked = None

    def hide(self, start: int, end: int) -> None:
        for i in range(start, end):
            if self._chars[i] != "\n":
                self._chars[i] = " "
        self._masked = None

    def put(self, offset: int, char: str) -> None:
        """Stand one character in for something else, such as 'x' for a value filled in later."""
        self._chars[offset] = char
        self._masked = None

    def add(self, passage: Passage) -> None:
        # Link text is read as written: a web address as the text of a link is itself a finding.
        shown = self.text if passage.link and not passage.prose else self._chars
        if passage.end > passage.start and "".join(shown[passage.start : passage.end]).strip():
            self.passages.append(passage)

    # --- reading ---

    @property
    def masked(self) -> str:
        if self._masked is None:
            self._masked = "".join(self._chars)
        return self._masked

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) of an offset, both counting from 1."""
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def words(self, start: int, end: int) -> list[Word]:
        return [Word(m.start(), m.end(), m.group()) for m in WORD.finditer(self.masked, start, end)]

    def sentences(self, passage: Passage, words: list[Word] | None = None) -> list[Sentence]:
        """The passage split into sentences as a reader sees them: at . ! or ? after a word, and at blank lines."""
        text = self.masked
        found: list[Sentence] = []
        current: list[Word] = []
        words = self.words(passage.start, passage.end) if words is None else words
        for i, word in enumerate(words):
            current.append(word)
            following = words[i + 1] if i + 1 < len(words) else None
            gap_end = following.start if following else passage.end
            if following is not None and gap_end - word.end == 1 and text[word.end] == " ":
                continue  # most words: one space, then the next word of the same sentence
            stop = _sentence_stop(text, word, following, gap_end, current)
            blank = "\n" in text[word.end : gap_end] and _BLANK_LINE.search(text, word.end, gap_end)
            if stop is not None or blank or following is None:
                end = stop if stop is not None else word.end
                found.append(Sentence(current[0].start, end, tuple(current)))
                current = []
        return found

    def quote(self, start: int, end: int, most: int = 12) -> str:
        """The words from start to end on one line, cut short after `most` words.

        The hub's own words are quoted as written, with their {placeholders}, so a developer can find them.
        """
        words = (self.text if self.kind == "hub" else self.masked)[start:end].split()
        shown = " ".join(words[:most])
        return shown + (" …" if len(words) > most else "")


def _sentence_stop(text: str, word: Word, following: Word | None, gap_end: int, sentence: list[Word]) -> int | None:
    """Where the sentence ends if it ends after `word` (just after its full stop), or None."""
    gap = _GAP.match(text, word.end, gap_end)
    stop = _STOP.match(text, gap.end() if gap else word.end, gap_end)
    if stop is None:
        return None
    if following is None:
        return stop.end()
    said = word.text.lower()
    capital_next = following.text[0].isupper() or following.text[0] in "\"“‘'"
    if stop.group() != ".":
        # "?" or "!" inside a sentence: 'She asked "why?" and left.'
        return stop.end() if capital_next or following.text[0].isdigit() else None
    if said in _TITLES or said in _ALWAYS_FOLLOWED:
        return None
    if said in ("no", "nos") and following.text[0].isdigit():
        return None  # No. 4 bus
    if said in _ABBREVIATIONS:
        return stop.end() if capital_next else None
    if len(word.text) == 1 and word.text.isupper() and following.text[0].isupper():
        # An initial: "Mr A. Khan", "J. R. Smith"; but "option B. The board agreed" ends.
        before = sentence[-2].text.lower() if len(sentence) > 1 else ""
        if before in _TITLES or (len(before) == 1 and before.isalpha()):
            return None
    return stop.end()
