"""Status and countdowns, worked out from a pinned date in Europe/London."""

import datetime as dt

import pytest

from hub.clock import local_date, today
from hub.facts.status import Status, timing
from hub.records.model import Engagement
from records import minimal_record

D = dt.date


def engagement(**changes) -> Engagement:
    return Engagement.model_validate(minimal_record(**changes))


def test_coming_up_before_the_opening_day():
    t = timing(engagement(opens=D(2026, 12, 1), closes=D(2027, 1, 31)), D(2026, 11, 23), 14)
    assert t.status is Status.coming_up
    assert t.countdown == "Opens in 8 days"


def test_open_on_the_opening_day():
    t = timing(engagement(opens=D(2026, 11, 23), closes=D(2027, 1, 31)), D(2026, 11, 23), 14)
    assert t.status is Status.open
    assert not t.closing_soon
    assert t.countdown == "Closes in 69 days"


def test_still_open_on_the_closing_day_itself():
    t = timing(engagement(opens=D(2026, 11, 1), closes=D(2026, 11, 23)), D(2026, 11, 23), 14)
    assert t.status is Status.open
    assert t.days_left == 0
    assert t.countdown == "Closes today"
    assert t.closing_soon


def test_closes_tomorrow():
    t = timing(engagement(opens=D(2026, 11, 1), closes=D(2026, 11, 24)), D(2026, 11, 23), 14)
    assert t.countdown == "Closes tomorrow"


def test_closed_the_day_after_the_closing_day():
    t = timing(engagement(opens=D(2026, 11, 1), closes=D(2026, 11, 22)), D(2026, 11, 23), 14)
    assert t.status is Status.closed
    assert t.countdown == "Closed yesterday"


@pytest.mark.parametrize("days_left, soon", [(14, True), (15, False), (0, True)])
def test_closing_soon_counts_whole_days(days_left, soon):
    closes = D(2026, 11, 23) + dt.timedelta(days=days_left)
    t = timing(engagement(opens=D(2026, 11, 1), closes=closes), D(2026, 11, 23), 14)
    assert t.closing_soon is soon


def test_outcome_published_once_closed_with_an_outcome():
    record = minimal_record(opens=D(2026, 1, 5), closes=D(2026, 2, 27))
    record["outcome"] = minimal_outcome(D(2026, 4, 1))
    t = timing(Engagement.model_validate(record), D(2026, 11, 23), 14)
    assert t.status is Status.outcome_published


def test_days_left_are_calendar_days_across_the_clock_change():
    # The clocks go back on 25 October 2026: that day has 25 hours, but it is still one day.
    t = timing(engagement(opens=D(2026, 10, 1), closes=D(2026, 10, 27)), D(2026, 10, 24), 14)
    assert t.countdown == "Closes in 3 days"
    # And forward on 28 March 2027 (a 23-hour day).
    t = timing(engagement(opens=D(2027, 3, 1), closes=D(2027, 3, 29)), D(2027, 3, 27), 14)
    assert t.countdown == "Closes in 2 days"


def test_today_is_the_date_in_london_not_in_utc():
    # 23:30 UTC on 27 June is already 28 June in London (British Summer Time).
    assert local_date(dt.datetime(2026, 6, 27, 23, 30, tzinfo=dt.UTC), "Europe/London") == D(2026, 6, 28)
    # In winter London is on UTC, so the date is the same.
    assert local_date(dt.datetime(2026, 12, 27, 23, 30, tzinfo=dt.UTC), "Europe/London") == D(2026, 12, 27)
    # The clocks go forward at 01:00 UTC on 29 March 2026: either side of it, the date is 29 March.
    assert local_date(dt.datetime(2026, 3, 29, 0, 30, tzinfo=dt.UTC), "Europe/London") == D(2026, 3, 29)
    assert local_date(dt.datetime(2026, 3, 29, 1, 30, tzinfo=dt.UTC), "Europe/London") == D(2026, 3, 29)


def test_an_open_engagement_closes_at_midnight_london_time_after_the_clocks_change():
    record = engagement(opens=D(2026, 3, 1), closes=D(2026, 3, 29))
    evening = local_date(dt.datetime(2026, 3, 29, 22, 59, tzinfo=dt.UTC), "Europe/London")
    after_midnight = local_date(dt.datetime(2026, 3, 29, 23, 0, tzinfo=dt.UTC), "Europe/London")
    assert timing(record, evening, 14).status is Status.open
    assert timing(record, after_midnight, 14).status is Status.closed


def test_the_date_can_be_pinned_for_a_build():
    assert today("Europe/London", {"HUB_TODAY": "2026-11-23"}) == D(2026, 11, 23)
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        today("Europe/London", {"HUB_TODAY": "23/11/2026"})


def minimal_outcome(published):
    return {
        "published": published,
        "summary": "People told us what they think.",
        "took_part": {"total": 10},
        "themes": [{"theme": "Travel", "detail": "Buses are few."}],
    }
