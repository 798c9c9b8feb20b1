"""Made-up records at any scale, for the benchmark: every field filled, a share with outcomes (and promises), a map to match.

    python scripts/synthetic_records.py FOLDER --records 10000

The same count and seed always give the same files, so two benchmark runs build the same hub.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

import yaml

TOWNS = [
    f"{name}{end}"
    for name in (
        "Marsh",
        "Kings",
        "North",
        "East",
        "Brook",
        "Ash",
        "Mill",
        "Oak",
        "Stone",
        "Wood",
        "Bridge",
        "Church",
        "Green",
        "Hill",
        "Lake",
    )
    for end in ("bury", "field", "ton")
]
TOPICS = [
    "Mental health",
    "GP services",
    "Maternity",
    "Community hospitals",
    "Care at home",
    "Dementia",
    "Carers",
    "Urgent care",
    "Pharmacy",
    "Dentistry",
    "Children and young people",
    "Diabetes",
    "Stroke",
    "Cancer",
    "Learning disability",
    "Autism",
    "Vaccination",
    "Sexual health",
    "End of life care",
    "Hospital discharge",
    "Transport to hospital",
    "Eye care",
    "Hearing",
    "Physiotherapy",
    "Healthy weight",
    "Smoking",
    "Drugs and alcohol",
    "Social care",
    "Housing and health",
    "Digital services",
]
GROUPS = [
    "Older people and their carers",
    "Young people aged 11 to 25",
    "Parents of young children",
    "People who use wheelchairs",
    "Deaf people who use British Sign Language",
    "People with a learning disability",
    "Polish and Romanian communities",
    "Somali communities",
    "Gypsy, Roma and Traveller communities",
    "People who are homeless",
    "Unpaid carers",
    "People on low incomes",
    "Farm workers and their families",
    "People who have had a stroke",
    "People living with diabetes",
]
BODIES = [
    ("icb-board", "NHS Example Vale Integrated Care Board", "integrated_care_board", None),
    ("primary-care-committee", "Primary Care Commissioning Committee", "committee", "icb-board"),
    ("quality-committee", "Quality and Safety Committee", "committee", "icb-board"),
    ("council-cabinet", "Example Vale Council Cabinet", "council", None),
    ("health-wellbeing-board", "Example Vale Health and Wellbeing Board", "health_and_wellbeing_board", None),
]
TYPES = ["information", "survey", "pre_consultation", "formal_consultation", "co_production", "advisory_group"]
WEEKS = {
    "information": 4,
    "survey": 6,
    "pre_consultation": 8,
    "formal_consultation": 12,
    "co_production": 10,
    "advisory_group": 26,
}


def write_area(folder: Path, count: int, today: dt.date, seed: int = 1) -> None:
    """`count` records in folder/engagements and a decisions map in folder/map."""
    rng = random.Random(seed)
    (folder / "engagements").mkdir(parents=True, exist_ok=True)
    (folder / "map").mkdir(parents=True, exist_ok=True)
    decided: list[tuple[str, str, dt.date]] = []
    for n in range(count):
        name = f"record-{n:05d}"
        record = _record(rng, n, count, today)
        if record.get("outcome", {}).get("decision"):
            decided.append((name, record["decision"]["body"], record["outcome"]["decision"]["date"]))
        text = "# MADE-UP RECORD for the benchmark.\n" + yaml.safe_dump(record, sort_keys=False, allow_unicode=True)
        (folder / "engagements" / f"{name}.yaml").write_text(text, encoding="utf-8")
    (folder / "map" / "bodies.yaml").write_text(
        yaml.safe_dump({"bodies": [_body(*b) for b in BODIES]}, sort_keys=False)
    )
    # A body usually decides on several engagements' findings at one meeting.
    decisions = []
    for body_id, *_ in BODIES:
        mine = [(name, day) for name, body, day in decided if body == body_id]
        for start in range(0, len(mine), 5):
            batch = mine[start : start + 5]
            decisions.append(
                {
                    "id": f"decision-{body_id}-{start // 5 + 1}",
                    "date": max(day for _, day in batch),
                    "body": body_id,
                    "what": f"Agree changes to services after {len(batch)} engagements",
                    "minutes": f"https://example.org/minutes/{body_id}/{start // 5 + 1}",
                    "informed_by": [name for name, _ in batch],
                }
            )
    (folder / "map" / "decisions.yaml").write_text(yaml.safe_dump({"decisions": decisions}, sort_keys=False))


def _record(rng: random.Random, n: int, count: int, today: dt.date) -> dict:
    kind = rng.choice(TYPES)
    # Spread over five years up to two months ahead, as an area's archive grows.
    opens = today - dt.timedelta(days=int(5 * 365 * (count - n) / count)) + dt.timedelta(days=rng.randint(0, 60))
    closes = opens + dt.timedelta(weeks=WEEKS[kind] + rng.randint(0, 4))
    town, topic, group = rng.choice(TOWNS), rng.choice(TOPICS), rng.choice(GROUPS)
    body = rng.choice(BODIES)
    record = {
        "title": f"{topic} in {town}: have your say ({n})",
        "summary": f"We want to hear what you think about {topic.lower()} services in {town}. "
        "Your views will help us plan what happens next.",
        "lead": "NHS Example Vale Integrated Care Board",
        "partners": ["Example Vale Council", "Healthwatch Example Vale"],
        "level": rng.choice(["system", "place", "neighbourhood"]),
        "places": sorted({town, rng.choice(TOWNS)}),
        "topics": sorted({topic, rng.choice(TOPICS)}),
        "who_for": sorted({group, rng.choice(GROUPS)}),
        "type": kind,
        "why": f"More people in {town} are asking for help with {topic.lower()}. We want to know what works for "
        "you now, and what would make it better, before we plan next year's services.",
        "can_influence": ["Where the service is based", "What times it is open", "How you can contact it"],
        "cannot_influence": [{"what": "The total budget", "why": "The budget is set for the whole country."}],
        "opens": opens,
        "closes": closes,
        "take_part": {
            "online": {"link": f"https://example.org/survey/{n}", "description": "The survey takes 10 minutes."},
            "paper": {"description": "Ask for a paper copy by phone.", "freepost": "Freepost Have Your Say"},
            "phone": {"number": "0800 000 0101", "description": "Call Monday to Friday, 9am to 5pm."},
            "email": {"address": "engage@example.org", "description": "Tell us your views in your own words."},
            "events": [
                {
                    "name": "Drop-in session",
                    "date": opens + dt.timedelta(days=10),
                    "starts": "14:00",
                    "ends": "16:00",
                    "venue": f"{town} Library",
                    "address": f"1 High Street, {town}, EV1 1AA",
                    "access": ["step_free", "hearing_loop"],
                    "access_notes": "The bus stops outside.",
                    "booking": "No need to book.",
                }
            ],
            "other": "Send a text message to our text service and we will call you back.",
        },
        "accessible_formats": [
            {"format": "easy_read", "link": f"https://example.org/easy-read/{n}"},
            {"format": "other_language", "language": "Polish", "how_to_ask": "Call us to ask for it."},
        ],
        "contact": {
            "team": "Example Vale engagement team",
            "email": "engage@example.org",
            "phone": "0800 000 0101",
            "address": "Freepost Have Your Say",
            "textphone": "18001 0800 000 0101",
        },
        "decision": {
            "who": body[1],
            "body": body[0],
            "when": "Next year",
            "date": closes + dt.timedelta(weeks=8),
            "how": "At a board meeting in public.",
        },
        "documents": [
            {
                "title": "Engagement document",
                "link": f"https://example.org/docs/{n}.pdf",
                "kind": "consultation_document",
                "format": "PDF, 1 MB",
            },
            {
                "title": "Equality impact assessment",
                "link": f"https://example.org/docs/{n}-equality.pdf",
                "kind": "equality_impact_assessment",
                "format": "PDF, 200 KB",
            },
        ],
        "outcome_due": closes + dt.timedelta(weeks=12),
    }
    # Updates and promises draw on their own numbers, so the rest of each record is as it was before them.
    own = random.Random(n)
    heard = opens + dt.timedelta(days=14)
    if heard <= today:
        record["updates"] = [{"date": heard, "what": f"More than {own.randint(50, 900)} people have told us so far."}]
    published = closes + dt.timedelta(weeks=rng.randint(4, 14))
    if published < today and rng.random() < 0.7:
        record["outcome"] = _outcome(rng, topic, town, published, body[1])
        record["outcome"]["commitments"] = _commitments(own, n, published, today)
    return record


def _commitments(rng: random.Random, n: int, published: dt.date, today: dt.date) -> list[dict]:
    """Two promises: one kept (once its day has come), one at any other point, some of them overdue."""
    done = published + dt.timedelta(weeks=3)
    saturdays: dict = {
        "what": "Open on Saturday mornings",
        "theme": "Waiting times",
        "who": "NHS Example Vale Integrated Care Board",
        "due": f"{published + dt.timedelta(weeks=12):%Y-%m}",
        "status": "planned",
    }
    if done <= today:
        saturdays["status"] = "done"
        saturdays["updates"] = [
            {
                "date": done,
                "what": "We now open on Saturday mornings.",
                "status": "done",
                "evidence": [{"title": "Opening times", "link": f"https://example.org/opening-times/{n}"}],
            }
        ]
    status = rng.choice(["planned", "in_progress", "late", "dropped"])
    bus_stop: dict = {
        "what": "Ask the bus company for a stop outside",
        "theme": "Travel",
        "who": "Example Vale Council",
        "due": published + dt.timedelta(weeks=26),
        "status": status,
    }
    if status == "dropped":
        bus_stop["why_dropped"] = "The road is too narrow for a bus stop."
    written = published + dt.timedelta(weeks=1)
    if status != "planned" and written <= today:
        bus_stop["updates"] = [{"date": written, "what": "We have written to the bus company.", "status": status}]
    return [saturdays, bus_stop]


def _outcome(rng: random.Random, topic: str, town: str, published: dt.date, body: str) -> dict:
    total = rng.randint(20, 2000)
    online = rng.randint(0, total)
    return {
        "published": published,
        "summary": f"People told us what matters to them about {topic.lower()} in {town}. We have changed our plans.",
        "took_part": {
            "total": total,
            "by_method": [
                {"method": "Online survey", "count": online},
                {"method": "Paper and phone", "count": total - online},
            ],
        },
        "who_took_part": "Most people who took part were over 50. We heard from fewer young people.",
        "themes": [
            {"theme": "Travel", "detail": "People said the service is hard to reach by bus."},
            {"theme": "Waiting times", "detail": "People said they wait too long for a first appointment."},
        ],
        "changed": ["We will open on Saturday mornings.", "We will add a bus stop outside."],
        "not_changed": [{"what": "A new building", "why": "There is no money for a new building this year."}],
        "next_steps": ["We will check how the changes work after six months."],
        "lessons": ["We should have started the events earlier."],
        "lessons_shared": "At the area's engagement network meeting.",
        "decision": {
            "date": published + dt.timedelta(weeks=2),
            "what": "Agree the changes.",
            "by": body,
            "link": "https://example.org/minutes/decision",
        },
        "report": "https://example.org/report",
    }


def _body(id_: str, name: str, kind: str, reports_to: str | None) -> dict:
    body = {"id": id_, "name": name, "kind": kind, "decides": ["How the money for services is spent"]}
    if reports_to:
        body["reports_to"] = reports_to
    body["meets_in_public"] = {
        "how_often": "Every two months",
        "where": "The civic centre, or watch online",
        "questions": "Email your question a week before.",
    }
    return body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date(2026, 11, 23))
    args = parser.parse_args()
    write_area(args.folder, args.records, args.today)


if __name__ == "__main__":
    main()
