"""Who took part, set beside who lives in the places an engagement covers: the share of each group among
the people who answered, the share among the people who live there, and the biggest gaps.

Shares are of the people who answered a question: "Not asked" and "Preferred not to say" are counted,
but left out of the shares. Small numbers are hidden first (small_numbers.py), and a hidden count has
no share. Exact fractions are kept until a share is shown, so rounding happens once, half up.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from hub.records.model import FEWER_THAN_5, Engagement
from hub.records.population import GroupDefinition, Population, Question
from hub.words import say

from .small_numbers import SMALLEST_SHOWN, Shown, hide_small

# A gap of this many percentage points or more is worth a sentence; the page gives the biggest few each way.
GAP_POINTS = Fraction(5, 100)
GAPS_SHOWN = 3
# Staff are warned about a group whose share of the people who took part is less than half its share of
# the people who live there, if the group is at least this big a share of them.
UNDER_REPRESENTED = Fraction(1, 2)
BIG_ENOUGH_TO_WARN = Fraction(5, 100)


def percent(share: Fraction) -> str:
    """14%, rounded half up; "less than 1%" rather than 0% for a share that is not nothing."""
    whole = int(share * 100 + Fraction(1, 2))
    return say("percent.less_than_1") if whole == 0 and share > 0 else say("percent.whole", n=whole)


@dataclass(frozen=True)
class GroupRow:
    group: GroupDefinition
    count: Shown
    answered: int  # the people who answered the question, whom `share` is of
    lives_here: Fraction | None  # the group's share of the people who live in the places, if known

    @property
    def share(self) -> Fraction | None:
        """Of the people who answered; None where the count is hidden, so the share cannot reveal it."""
        if not self.count.is_shown or not self.answered:
            return None
        return Fraction(self.count.value or 0, self.answered)

    @property
    def exact_share(self) -> Fraction:
        """For staff only (warnings), who wrote the numbers themselves."""
        return Fraction(self.count.value or 0, self.answered) if self.answered else Fraction(0)


@dataclass(frozen=True)
class NotKnownRow:
    name: str
    count: Shown


@dataclass(frozen=True)
class QuestionReach:
    question: Question
    answered: Shown  # how many answered: when it is from 1 to 4, no group is shown
    rows: list[GroupRow]
    not_known: list[NotKnownRow]

    @property
    def compared(self) -> bool:
        return any(row.lives_here is not None for row in self.rows)

    @property
    def largest_share(self) -> Fraction:
        """The longest bar a chart of it needs to draw (at least 1%, so every bar has a length)."""
        shares = [s for row in self.rows for s in (row.share, row.lives_here) if s is not None]
        return max([*shares, Fraction(1, 100)])


@dataclass(frozen=True)
class Gap:
    question: Question
    row: GroupRow
    fewer: bool
    took_part: str  # "4%", or "fewer than 5" for a hidden count
    lives_here: str
    size: Fraction  # how big, worked out only from what is shown


@dataclass(frozen=True)
class Reach:
    questions: list[QuestionReach]
    gaps: list[Gap]
    places: list[str]  # the engagement's places
    missing_places: list[str]  # those with no population figures, so nothing is compared
    population: Population


def engagement_reach(e: Engagement, population: Population) -> Reach | None:
    """Who took part in one engagement, by group, beside who lives in its places; None with no breakdown."""
    outcome = e.outcome
    groups = population.groups
    if outcome is None or not outcome.by_group or groups is None:
        return None
    base, missing = population.base_places(list(e.places))
    if not population.figures:
        missing = []  # no figures at all: nothing to say is missing
    questions = []
    for question in groups.questions:
        counts = outcome.by_group.get(question.name)
        if counts is None:
            continue
        compared = [g for g in question.groups if g.name in counts or not g.optional]
        lives_here = _lives_here(population, question, compared, base) if base and not missing else None
        questions.append(
            _question_reach(
                question,
                compared,
                [counts.get(g.name, 0) for g in compared],
                [(name, counts.get(name, 0)) for name in groups.not_known],
                outcome.took_part.total,
                lives_here,
            )
        )
    return Reach(questions, biggest_gaps(questions), list(e.places), missing, population)


def _question_reach(
    question: Question,
    compared: list[GroupDefinition],
    group_counts: list[int],
    not_known: list[tuple[str, int]],
    total: int | None,
    lives_here: dict[str, Fraction] | None,
) -> QuestionReach:
    answered = sum(group_counts)
    unknown_counts = [n for _, n in not_known]
    # The answers that are not a group add up to the rest of the total, which anyone can work out.
    unknown_shown = hide_small(unknown_counts, None if total is None else total - answered)
    not_known_rows = [NotKnownRow(name, shown) for (name, _), shown in zip(not_known, unknown_shown)]
    if 0 < answered < SMALLEST_SHOWN:
        # So few answered that any share would point at someone: say only that few did.
        return QuestionReach(question, Shown(answered, FEWER_THAN_5), [], not_known_rows)
    shown = hide_small(group_counts, answered)
    rows = [
        GroupRow(group, count, answered, None if lives_here is None else lives_here[group.name])
        for group, count in zip(compared, shown)
    ]
    return QuestionReach(question, Shown(answered), rows, not_known_rows)


def _lives_here(
    population: Population, question: Question, compared: list[GroupDefinition], places: list[str]
) -> dict[str, Fraction] | None:
    """Each compared group's share of the people who live in `places`; None if a place has no figures for it."""
    people = dict.fromkeys((g.name for g in compared), 0)
    for place in places:
        figures = population.figures[place].get(question.name)
        if figures is None:
            return None
        for name in people:
            people[name] += figures.get(name, 0)
    everyone = sum(people.values())
    if not everyone:
        return None
    return {name: Fraction(n, everyone) for name, n in people.items()}


def biggest_gaps(questions: Iterable[QuestionReach]) -> list[Gap]:
    """The biggest differences between who took part and who lives there, from the numbers shown only.

    A hidden count of "fewer than 5" still tells of a gap when even 4 people would have been too few.
    """
    found: list[tuple[Fraction, int, Gap]] = []
    # With two groups, one's gap is the other's turned round: say it once, for the group listed first
    # (disabled people, unpaid carers, the most deprived areas).
    rows = [(q.question, r) for q in questions for r in (q.rows[:1] if len(q.rows) == 2 else q.rows)]
    for order, (question, row) in enumerate(rows):
        if row.lives_here is None:
            continue
        share = row.share
        if share is not None:
            size = abs(share - row.lives_here)
            if size >= GAP_POINTS:
                gap = Gap(question, row, share < row.lives_here, percent(share), percent(row.lives_here), size)
                found.append((size, order, gap))
        elif row.count.hidden == FEWER_THAN_5 and row.answered:
            size = row.lives_here - Fraction(SMALLEST_SHOWN - 1, row.answered)
            if size >= GAP_POINTS:
                few = say("small_numbers.fewer_than_5")
                found.append((size, order, Gap(question, row, True, few, percent(row.lives_here), size)))
    found.sort(key=lambda item: (-item[0], item[1]))
    # Who we did not hear from comes first: it is what the next engagement can do something about.
    fewer = [gap for _, _, gap in found if gap.fewer][:GAPS_SHOWN]
    more = [gap for _, _, gap in found if not gap.fewer][:GAPS_SHOWN]
    return fewer + more


def far_under_represented(reach: Reach) -> list[tuple[QuestionReach, GroupRow]]:
    """Groups far fewer of whom took part than live there: for staff, from the exact numbers."""
    found = []
    for question in reach.questions:
        for row in question.rows:
            if (
                row.lives_here is not None
                and row.answered >= SMALLEST_SHOWN
                and row.lives_here >= BIG_ENOUGH_TO_WARN
                and row.exact_share < UNDER_REPRESENTED * row.lives_here
            ):
                found.append((question, row))
    return found


# --- Across many engagements, for the annual report -----------------------------------------------


def area_reach(engagements: Iterable[Engagement], population: Population) -> list[QuestionReach]:
    """Who took part across engagements, by group, beside everyone who lives in the area.

    Only counts shown on the engagements' own pages are added up, so no hidden count can be worked
    out by taking one page's numbers from the sum.
    """
    groups = population.groups
    if groups is None:
        return []
    reaches = [r for r in (engagement_reach(e, population) for e in engagements) if r is not None]
    everywhere = list(population.figures)
    questions = []
    for question in groups.questions:
        parts = [q for r in reaches for q in r.questions if q.question.name == question.name]
        if not parts:
            continue
        used = {row.group.name for q in parts for row in q.rows}
        compared = [g for g in question.groups if g.name in used or not g.optional]
        sums = dict.fromkeys((g.name for g in compared), 0)
        for q in parts:
            for row in q.rows:
                sums[row.group.name] += row.count.public or 0
        unknown = dict.fromkeys(groups.not_known, 0)
        for q in parts:
            for nk in q.not_known:
                unknown[nk.name] += nk.count.public or 0
        lives_here = _lives_here(population, question, compared, everywhere) if everywhere else None
        answered = sum(sums.values())
        rows = [
            GroupRow(g, Shown(sums[g.name]), answered, None if lives_here is None else lives_here[g.name])
            for g in compared
        ]
        questions.append(
            QuestionReach(question, Shown(answered), rows, [NotKnownRow(n, Shown(c)) for n, c in unknown.items()])
        )
    return questions


def people_living_in(population: Population, place: str) -> int | None:
    """Everyone who lives in a place, from the first question's figures (age, which covers every age)."""
    groups = population.groups
    if groups is None:
        return None
    base, missing = population.base_places([place])
    if missing or not base:
        return None
    first = groups.questions[0].name
    totals = [sum(population.figures[p].get(first, {}).values()) for p in base]
    return sum(totals) or None
