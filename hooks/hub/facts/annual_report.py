"""The numbers for each year's engagement report: what was asked, who took part, what came back.

An engagement counts in the year it opened. Outcomes count as on time when published by the day
they were due (scorecard.outcome_due), as charter principle 7 promises. A promise made in an outcome
counts in the year it was due, once it is done, dropped or past its due day (commitments.py).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from hub.words import say

from .catalogue import Catalogue
from .charter import PRINCIPLES, Principle
from .commitments import KeptShare, Tracked, kept_on_time
from .entries import Entry
from .reach import QuestionReach, area_reach, people_living_in
from .scorecard import Result
from .small_numbers import one


@dataclass(frozen=True)
class Count:
    label: str
    value: int


@dataclass(frozen=True)
class PrincipleTotals:
    principle: Principle
    met: int
    not_met: int
    not_yet_due: int


@dataclass(frozen=True)
class PlaceReach:
    place: str
    people: int  # who took part in engagements that cover the place, as their pages show it
    lives_here: int | None  # everyone who lives there, if the hub has the figures

    @property
    def per_thousand(self) -> str | None:
        """People who took part for every 1,000 who live there, to one decimal place."""
        if not self.lives_here:
            return None
        return f"{self.people * 1000 / self.lives_here:.1f}"


@dataclass(frozen=True)
class YearReport:
    year: int
    engagements: int
    by_type: list[Count]
    by_place: list[Count]
    by_way: list[Count]
    outcomes: int
    people: int  # in the outcomes that counted them
    uncounted: int  # outcomes that say nobody counted
    on_time: int
    late: int
    overdue: int
    not_yet_due: int
    principles: list[PrincipleTotals]
    commitments: list[KeptShare]  # each organisation's promises due this year, kept on time or not
    # Who took part across the year's engagements (reach.py), by group and by place. Only numbers shown
    # on the engagements' own pages are added up, so a hidden small number cannot be worked out here.
    reach: list[QuestionReach]
    by_place_reach: list[PlaceReach]
    small_left_out: int  # outcomes whose number of people was from 1 to 4, left out of `people`

    @property
    def outcomes_due(self) -> int:
        return self.on_time + self.late + self.overdue

    @property
    def commitments_kept(self) -> int:
        return sum(share.kept for share in self.commitments)

    @property
    def commitments_judged(self) -> int:
        return sum(share.judged for share in self.commitments)


def report_years(catalogue: Catalogue) -> list[tuple[int, list[Entry], list[Tracked]]]:
    """Each year in which an engagement opened or a promise was due, the newest first, with those engagements
    and the promises judged that year: all that its report (year_report) counts besides the hub's settings."""
    by_year: dict[int, list[Entry]] = {}
    for entry in catalogue.entries:
        by_year.setdefault(entry.engagement.opens.year, []).append(entry)
    promises: dict[int, list[Tracked]] = {}
    for promise in catalogue.commitments:
        if promise.judged:
            promises.setdefault(promise.commitment.due_by.year, []).append(promise)
    return [
        (year, by_year.get(year, []), promises.get(year, []))
        for year in sorted(by_year.keys() | promises.keys(), reverse=True)
    ]


def year_report(catalogue: Catalogue, year: int, entries: list[Entry], promises: list[Tracked]) -> YearReport:
    timeliness = Counter(_timeliness(catalogue, e) for e in entries)
    outcomes = [e.engagement.outcome for e in entries if e.engagement.outcome is not None]
    return YearReport(
        year=year,
        engagements=len(entries),
        by_type=_counts(e.engagement.type.label for e in entries),
        by_place=_counts(place for e in entries for place in e.engagement.places),
        by_way=_counts(say(f"report.way.{way}") for e in entries for way in e.engagement.take_part.ways),
        outcomes=len(outcomes),
        people=sum(one(o.took_part.total).public or 0 for o in outcomes),
        uncounted=sum(o.took_part.total is None for o in outcomes),
        on_time=timeliness["on_time"],
        late=timeliness["late"],
        overdue=timeliness["overdue"],
        not_yet_due=timeliness["not_yet_due"],
        principles=[
            PrincipleTotals(p, *(sum(e.verdicts[p.number - 1].result is r for e in entries) for r in Result))
            for p in PRINCIPLES
        ],
        commitments=kept_on_time(promises),
        reach=area_reach((e.engagement for e in entries), catalogue.population),
        by_place_reach=_by_place(catalogue, entries),
        small_left_out=sum(one(o.took_part.total).hidden is not None for o in outcomes),
    )


def _by_place(catalogue: Catalogue, entries: list[Entry]) -> list[PlaceReach]:
    """Each place the year's engagements covered, with how many took part in them and how many live there."""
    places = sorted({place for e in entries for place in e.engagement.places})
    found = []
    for place in places:
        covering = [e.engagement for e in entries if place in e.engagement.places]
        people = sum(one(e.outcome.took_part.total).public or 0 for e in covering if e.outcome is not None)
        found.append(PlaceReach(place, people, people_living_in(catalogue.population, place)))
    return found


def _timeliness(catalogue: Catalogue, entry: Entry) -> str:
    due, outcome = catalogue.outcome_due(entry), entry.engagement.outcome
    if outcome is not None:
        return "on_time" if due is None or outcome.published <= due else "late"
    return "overdue" if due is not None and due < catalogue.today else "not_yet_due"


def _counts(labels) -> list[Count]:
    """Most first; equal counts in alphabetical order, so every build lists them the same way."""
    counted = Counter(labels)
    return [Count(label, value) for label, value in sorted(counted.items(), key=lambda item: (-item[1], item[0]))]
