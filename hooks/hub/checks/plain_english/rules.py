"""The plain-English rules. Each has an id, a severity, and a message that says how to fix what it finds.

Errors stop the site being published; warnings are advice, because the rule can be wrong
(passive voice, reading level) or because the word is fine in some uses.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from enum import Enum
from functools import cache

from hub.words import say

from .language import Language, is_shouted
from .text import Passage, Sentence, Source, Word


class Severity(str, Enum):
    error = "error"
    warning = "warning"


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity

    @property
    def checks(self) -> str:
        """What it checks, for --rules and the README."""
        return say(f"plain_english.rules.{self.id.replace('-', '_')}")


RULES: dict[str, Rule] = {
    rule.id: rule
    for rule in (
        Rule("sentence-too-long", Severity.error),
        Rule("sentence-long", Severity.warning),
        Rule("reading-level", Severity.warning),
        Rule("word-to-avoid", Severity.error),
        Rule("acronym-unexplained", Severity.error),
        Rule("group-acronym", Severity.error),
        Rule("link-text", Severity.error),
        Rule("capitals", Severity.error),
        Rule("passive-voice", Severity.warning),
        Rule("unreadable", Severity.error),
        Rule("allowed-unused", Severity.warning),
    )
}


@dataclass(frozen=True)
class Limits:
    """The thresholds, with where each comes from."""

    # GOV.UK style guide: "sentences of 25 words or fewer". Longer is an error.
    sentence_words: int = 25
    # NHS digital service manual, "How we write": "20 words or fewer". Longer is a warning.
    sentence_words_warning: int = 20
    # Reading age 9 to 11 (NHS), "a 10-year-old's literacy" (our staff guide, reference 004).
    # Reading age is about the US school grade plus 5, so grade 6 is a reading age of 11.
    reading_grade: float = 6.0
    # Reading formulas are not reliable on a few sentences: Flesch scored 100-word samples.
    reading_min_words: int = 100


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    column: int
    rule: str
    message: str
    fix: str
    severity: Severity
    flagged: str  # the exact words flagged: what an allowed exception is matched against

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.error


def finding(
    source: Source, offset: int, rule: str, message: str, fix: str, flagged: str, severity: Severity | None = None
) -> Finding:
    line, column = source.position(offset)
    return Finding(source.path, line, column, rule, message, fix, severity or RULES[rule].severity, flagged)


def check_source(source: Source, language: Language, limits: Limits = Limits()) -> list[Finding]:
    """Every finding in one file. Short forms are followed through the file, in order."""
    found: list[Finding] = []
    if source.unreadable:
        line, why = source.unreadable
        return [
            Finding(source.path, line, 1, "unreadable", why, say("plain_english.unreadable.fix"), Severity.error, "")
        ]
    acronyms = _AcronymState()
    scored: list[Sentence] = []
    for passage in sorted(source.passages, key=lambda p: (p.start, -p.end)):
        if passage.link:
            found += link_text(source, passage)
        if not passage.prose:
            continue
        words = source.words(passage.start, passage.end)
        sentences = source.sentences(passage, words)
        for sentence in sentences:
            found += sentence_length(source, sentence, limits)
            found += passive_voice(source, sentence)
        found += words_to_avoid(source, words, language)
        found += short_forms(source, words, language, acronyms)
        if source.kind in ("record", "map"):
            found += reading_level(
                source, sentences, say("plain_english.reading_level.field", field=passage.label), limits
            )
        if passage.scored:
            scored += sentences
    # A page and a record are each read as one page. The hub's own words are parts of pages (a template,
    # a message), and a map file is many pages (one a body), so they are not scored as a whole.
    if source.kind in ("page", "record"):
        where = (
            say("plain_english.reading_level.page")
            if source.kind == "page"
            else say("plain_english.reading_level.record")
        )
        found += reading_level(source, scored, where, limits)
    return found


# --- Sentences ------------------------------------------------------------------------


def sentence_length(source: Source, sentence: Sentence, limits: Limits) -> list[Finding]:
    count = len(sentence.words)
    if count <= limits.sentence_words_warning:
        return []
    quoted = source.quote(sentence.start, sentence.end)
    flagged = " ".join(source.masked[sentence.start : sentence.end].split())
    if count > limits.sentence_words:
        return [
            finding(
                source,
                sentence.start,
                "sentence-too-long",
                say("plain_english.sentence_too_long.message", count=count, quoted=quoted, most=limits.sentence_words),
                say("plain_english.sentence_too_long.fix"),
                flagged,
            )
        ]
    if count > limits.sentence_words_warning:
        return [
            finding(
                source,
                sentence.start,
                "sentence-long",
                say(
                    "plain_english.sentence_long.message",
                    count=count,
                    quoted=quoted,
                    most=limits.sentence_words_warning,
                ),
                say("plain_english.sentence_long.fix"),
                flagged,
            )
        ]
    return []


# Forms of "to be" that make a passive with a past participle: "is set", "were told", "has been closed".
_BE = {"am", "is", "are", "was", "were", "be", "been", "being", "isn't", "aren't", "wasn't", "weren't"}
_BETWEEN = {
    "not",
    "also",
    "always",
    "never",
    "often",
    "still",
    "already",
    "now",
    "then",
    "all",
    "both",
    "usually",
    "sometimes",
    "just",
    "being",
    "been",
    "only",
    "mostly",
    "mainly",
    "partly",
    "fully",
}
_IRREGULAR = frozenset(
    {
        "arisen",
        "awoken",
        "beaten",
        "begun",
        "bent",
        "bet",
        "bid",
        "bitten",
        "blown",
        "broken",
        "brought",
        "built",
        "burnt",
        "bought",
        "caught",
        "chosen",
        "cut",
        "dealt",
        "done",
        "drawn",
        "dreamt",
        "driven",
        "drunk",
        "eaten",
        "fallen",
        "fed",
        "felt",
        "fought",
        "found",
        "fled",
        "flown",
        "forbidden",
        "forgotten",
        "forgiven",
        "frozen",
        "given",
        "ground",
        "grown",
        "hung",
        "heard",
        "hidden",
        "hit",
        "held",
        "hurt",
        "kept",
        "knelt",
        "known",
        "laid",
        "led",
        "left",
        "lent",
        "let",
        "lit",
        "lost",
        "made",
        "meant",
        "met",
        "mistaken",
        "paid",
        "proven",
        "put",
        "read",
        "rewritten",
        "ridden",
        "rung",
        "risen",
        "run",
        "said",
        "seen",
        "sought",
        "sold",
        "sent",
        "set",
        "sewn",
        "shaken",
        "shed",
        "shown",
        "shut",
        "sung",
        "sunk",
        "slept",
        "slid",
        "spoken",
        "spent",
        "spilt",
        "split",
        "spread",
        "sprung",
        "stolen",
        "stuck",
        "stung",
        "struck",
        "sworn",
        "swept",
        "swum",
        "swung",
        "taken",
        "taught",
        "torn",
        "told",
        "thought",
        "thrown",
        "understood",
        "undertaken",
        "upset",
        "woken",
        "worn",
        "won",
        "withdrawn",
        "written",
    }
)
# Words ending in -ed that are usually adjectives or not verbs at all: passive only when "by" follows.
_ADJECTIVES = frozenset(
    {
        "advanced",
        "aged",
        "based",
        "beloved",
        "bored",
        "closed",
        "complicated",
        "concerned",
        "crowded",
        "dedicated",
        "detailed",
        "disabled",
        "divorced",
        "excited",
        "experienced",
        "interested",
        "involved",
        "limited",
        "married",
        "naked",
        "needed",
        "pleased",
        "qualified",
        "related",
        "retired",
        "scared",
        "skilled",
        "sophisticated",
        "supposed",
        "surprised",
        "talented",
        "tired",
        "used",
        "wicked",
        "worried",
    }
)
_NOT_VERBS = {
    "bed",
    "red",
    "need",
    "feed",
    "seed",
    "speed",
    "breed",
    "greed",
    "indeed",
    "hundred",
    "shed",
    "weed",
    "sacred",
    "rugged",
    "ragged",
    "wed",
    "led",
    "fled",
    "bled",
}


def passive_voice(source: Source, sentence: Sentence) -> list[Finding]:
    found = []
    words = sentence.words
    for i, word in enumerate(words):
        if word.text.lower() not in _BE:
            continue
        j = i + 1
        while (
            j < len(words)
            and j - i <= 3
            and (words[j].text.lower() in _BETWEEN or words[j].text.lower().endswith("ly"))
        ):
            j += 1
        if j >= len(words):
            continue
        candidate = words[j].text.lower()
        by_follows = j + 1 < len(words) and words[j + 1].text.lower() == "by"
        if not (_is_participle(candidate) or (candidate in _ADJECTIVES and by_follows)):
            continue
        end = words[j + 1].end if by_follows else words[j].end
        phrase = " ".join(source.masked[word.start : end].split())
        found.append(
            finding(
                source,
                word.start,
                "passive-voice",
                say("plain_english.passive_voice.message", phrase=phrase),
                say("plain_english.passive_voice.fix"),
                phrase,
            )
        )
    return found


def _is_participle(word: str) -> bool:
    if word in _IRREGULAR:
        return True
    return word.endswith("ed") and len(word) >= 5 and word not in _NOT_VERBS and word not in _ADJECTIVES


# --- Reading level -------------------------------------------------------------------------
#
# The formula is Flesch-Kincaid grade level: 0.39 x (words per sentence) + 11.8 x (syllables per word) - 15.59.
# Why this one:
# - it measures the two things readers of plain English struggle with, long sentences and long words;
# - it gives a US school grade, and a reading age is about the grade plus 5, so it says "reading age"
#   in terms staff and the NHS guidance use (a reading age of 9 to 11);
# - Microsoft Word and most readability tools show it, so staff can check a draft before they publish.
# Sentences and words are counted as the other rules count them, so "25 words" means the same in both.
# Syllables come from textstat (the CMU pronouncing dictionary, then hyphenation). textstat counts a short
# form such as "NHS" as one syllable, so short forms in capitals count one syllable a letter, as read aloud.


def reading_level(source: Source, sentences: list[Sentence], where: str, limits: Limits) -> list[Finding]:
    words = [w for s in sentences for w in s.words]
    if len(words) < limits.reading_min_words or not sentences:
        return []
    grade = flesch_kincaid_grade(sentences)
    if grade <= limits.reading_grade:
        return []
    flagged = " ".join(source.masked[sentences[0].start : sentences[-1].end].split())
    return [
        finding(
            source,
            sentences[0].start,
            "reading-level",
            say(
                "plain_english.reading_level.message",
                where=where,
                age=f"{grade + 5:.1f}",
                grade=f"{grade:.1f}",
                most_age=f"{limits.reading_grade + 5:g}",
                most_grade=f"{limits.reading_grade:g}",
            ),
            say("plain_english.reading_level.fix"),
            flagged,
        )
    ]


def flesch_kincaid_grade(sentences: list[Sentence]) -> float:
    words = [w for s in sentences for w in s.words]
    syllables = sum(_syllables(w.text) for w in words)
    return 0.39 * len(words) / len(sentences) + 11.8 * syllables / len(words) - 15.59


@cache
def _syllables(word: str) -> int:
    if _is_capitals(word) and len(word) <= 6:
        return sum(3 if c == "W" else 1 for c in word if c.isalpha())
    if any(c.isdigit() for c in word):
        return 1
    import textstat  # only when a passage is long enough to score

    return max(1, textstat.syllable_count(word))


# --- Words to avoid --------------------------------------------------------------------------


def words_to_avoid(source: Source, words: list[Word], language: Language) -> list[Finding]:
    found = []
    text = source.masked
    lower = [w.text.lower() for w in words]
    # (where it starts, the words flagged, the entry, the index of the first word and of the word after it)
    matches = [(w.start, w.text, language.avoided_word(w.text), i, i + 1) for i, w in enumerate(words)]
    if words:
        starts = [w.start for w in words]
        matches += [
            (m.start(), m.group(), entry, bisect_left(starts, m.start()), bisect_left(starts, m.end()))
            for m, entry in language.avoided_phrases(text, words[0].start, words[-1].end, set(lower))
        ]
    for start, matched, entry, first, after in matches:
        if entry is None:
            continue
        if entry.only_before and not {w.lower() for w in entry.only_before} & set(lower[after : after + 3]):
            continue  # its everyday sense: "drive to the hospital"
        if first > 0 and lower[first - 1] in {w.lower() for w in entry.not_after}:
            continue  # "carbon footprint"
        if _named_in_brackets(text, words, first, after):
            continue
        said = " ".join(matched.split())
        where = language.words.sources[entry.source]
        if " " in said:
            message = say("plain_english.word_to_avoid.phrase", said=said, where=where)
        else:
            message = say("plain_english.word_to_avoid.word", said=said, where=where)
        if entry.unless:
            message += " " + say("plain_english.word_to_avoid.unless", unless=entry.unless)
        found.append(
            finding(
                source,
                start,
                "word-to-avoid",
                message,
                say("plain_english.word_to_avoid.fix", use=entry.use),
                said,
                Severity(entry.severity),
            )
        )
    return found


def _named_in_brackets(text: str, words: list[Word], first: int, after: int) -> bool:
    """ "Designing together (co-production)": plain words, then the name people may hear, alone in brackets."""
    if first == 0 or after > len(words):
        return False
    before = text[words[first - 1].end : words[first].start]
    closing = text[words[after - 1].end : words[after].start if after < len(words) else len(text)]
    return before.strip() == "(" and closing.lstrip().startswith(")")


# --- Short forms, groups of people and capitals --------------------------------------------------


class _AcronymState:
    """What a reader of this file has already been told, in the order they read it."""

    def __init__(self) -> None:
        self.explained: set[str] = set()
        self.reported: set[str] = set()


def short_forms(source: Source, words: list[Word], language: Language, state: _AcronymState) -> list[Finding]:
    found: list[Finding] = []
    text = source.masked
    run: list[Word] = []
    freepost = False  # in a Freepost address, such as "FREEPOST EXAMPLE VALE ICB": a code, not words
    for i, word in enumerate([*words, None]):
        if word is not None and not word.text[0].isupper():
            # Most words: not in capitals, so neither a short form nor shouting (quick, for 1,000 records).
            freepost = word.text.lower() == "freepost"
            word = None
        if word is not None:
            base = _singular(word.text)
            group = language.groups.get(base) or language.groups.get(word.text)
            if group is not None:
                found.append(_group_acronym(source, word, group.instead))
                continue
            joined = i > 0 and text[words[i - 1].end : word.start].strip() == ""
            freepost = word.text.lower() == "freepost" or (freepost and joined and _is_capitals(base))
            if (
                _is_capitals(base)
                and not any(c.isdigit() for c in base)
                and base not in language.short_forms
                and not freepost
                and not _is_code(text, words, i)
            ):
                if _explained_here(text, word):
                    state.explained.add(base)
                elif base not in state.explained:
                    if run and text[run[-1].end : word.start].strip() == "":
                        run.append(word)
                    else:
                        found += _capitals_or_acronyms(source, run, state)
                        run = [word]
                continue
        found += _capitals_or_acronyms(source, run, state)
        run = []
    return found


# A keyword in capitals after these is one to send by text message: "text JOIN to 60777", "reply STOP".
_TEXT_VERBS = {"text", "texting", "reply", "send"}


def _is_code(text: str, words: list[Word], i: int) -> bool:
    """A code, not a word: a Freepost code such as RTKH-XYZA-ABCD, or a keyword to send by text message."""
    if words[i].text.count("-") >= 2:
        return True
    before = [w.text.lower() for w in words[max(0, i - 3) : i]]
    if before[-2:] == ["the", "word"]:
        before = before[:-2]
    return (
        bool(before) and before[-1] in _TEXT_VERBS and text[words[i - 1].end : words[i].start].strip(" \n\"'“”‘’") == ""
    )


def _group_acronym(source: Source, word: Word, instead: str) -> Finding:
    return finding(
        source,
        word.start,
        "group-acronym",
        say("plain_english.group_acronym.message", word=word.text),
        instead,
        word.text,
    )


def _capitals_or_acronyms(source: Source, run: list[Word], state: _AcronymState) -> list[Finding]:
    if not run:
        return []
    bases = [_singular(w.text) for w in run]
    # Words in capitals are shouting when one is an ordinary English word ("PLEASE NOTE", "FREE"); other
    # words in capitals are short forms, to explain the first time ("HSE").
    if any(is_shouted(b) for b in bases):
        phrase = " ".join(source.masked[run[0].start : run[-1].end].split())
        if phrase in state.reported:
            return []
        state.reported.add(phrase)
        return [
            finding(
                source,
                run[0].start,
                "capitals",
                say("plain_english.capitals.message", phrase=phrase),
                say("plain_english.capitals.fix"),
                phrase,
            )
        ]
    found = []
    for word, base in zip(run, bases):
        if base in state.reported:
            continue
        state.reported.add(base)
        found.append(
            finding(
                source,
                word.start,
                "acronym-unexplained",
                say("plain_english.acronym_unexplained.message", short=base),
                say("plain_english.acronym_unexplained.fix"),
                base,
            )
        )
    return found


def _singular(token: str) -> str:
    """GPs -> GP: a plural 's' after a short form."""
    return token[:-1] if len(token) > 2 and token.endswith("s") and _is_capitals(token[:-1]) else token


def _is_capitals(token: str) -> bool:
    """Two letters or more, all capitals: NHS, A&E, GOV.UK."""
    return token.isupper() and sum(c.isalpha() for c in token) >= 2


_BEFORE = re.compile(r"\(\s*$")
_AFTER = re.compile(r"^\s*\)")
# Two words or more in the brackets: "(x)" in a message is a value filled in later, not a meaning.
_MEANING_AFTER = re.compile(r"^\s*\(\s*[^\W\d_]{2,}[^()]*?\s[^()]*?[^\W\d_]{2,}[^()]*\)")


def _explained_here(text: str, word: Word) -> bool:
    """Care Quality Commission (CQC), or CQC (Care Quality Commission)."""
    before, after = text[max(0, word.start - 3) : word.start], text[word.end : word.end + 200]
    return bool(_BEFORE.search(before) and _AFTER.match(after)) or bool(_MEANING_AFTER.match(after))


# --- Link text --------------------------------------------------------------------------------

_VAGUE = {
    "click here",
    "here",
    "click",
    "click this link",
    "this link",
    "link",
    "read more",
    "more",
    "find out more",
    "learn more",
    "more information",
    "more info",
    "further information",
    "see more",
    "this page",
    "this",
    "go",
    "details",
    "view",
    "info",
    "page",
    "website",
    "web page",
    "download",
    "open",
}


def link_text(source: Source, passage: Passage) -> list[Finding]:
    raw = " ".join(source.text[passage.start : passage.end].split())
    said = re.sub(r"[^\w\s]", "", raw.lower()).strip()
    said = " ".join(said.split())
    if said in _VAGUE or said.startswith("click "):
        return [
            finding(
                source,
                passage.start,
                "link-text",
                say("plain_english.link_text.vague", text=raw),
                say("plain_english.link_text.fix"),
                raw,
            )
        ]
    if re.fullmatch(r"(https?://|www\.)\S+", raw):
        return [
            finding(
                source,
                passage.start,
                "link-text",
                say("plain_english.link_text.address", text=raw),
                say("plain_english.link_text.fix"),
                raw,
            )
        ]
    return []
