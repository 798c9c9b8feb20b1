"""Records for tests: a minimal valid one, to change one field at a time."""

import datetime as dt


def minimal_record(**changes) -> dict:
    record = {
        "title": "Test engagement",
        "summary": "A test.",
        "lead": "Test Board",
        "level": "place",
        "places": ["Testham"],
        "topics": ["Testing"],
        "who_for": ["Everyone"],
        "type": "survey",
        "why": "To test.",
        "can_influence": ["The test"],
        "opens": dt.date(2026, 11, 1),
        "closes": dt.date(2026, 12, 31),
        "take_part": {"online": {"link": "https://example.org/survey"}},
        "contact": {"team": "Test team", "email": "test@example.org"},
        "decision": {"who": "Test Board", "when": "Spring 2027"},
    }
    record.update(changes)
    return record
