"""The Good Engagement Charter's nine principles, in the hub's own plain words.

The rules that score each engagement against them are in scorecard.py.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Principle:
    number: int
    slug: str
    title: str
    promise: str  # what the public can expect
    staff: str  # what staff must do
    how_we_check: str  # how the hub scores it; {settings} fields are filled in on the page


PRINCIPLES: tuple[Principle, ...] = (
    Principle(
        1,
        "clear-purpose",
        "We are clear about why we are asking",
        "You will know why we want your views and what decision they will help with.",
        "Say why you are asking before it opens, and name the decision it will feed.",
        "Met when the record explains why we are asking, in at least {purpose_min_words} words, and says who will decide.",
    ),
    Principle(
        2,
        "work-with-partners",
        "We work with partners",
        "You will not be asked the same thing again and again by different organisations.",
        "Plan with partners such as the council, Healthwatch and community groups, and name them.",
        "Met when at least one partner organisation is named.",
    ),
    Principle(
        3,
        "plenty-of-time",
        "We give plenty of time",
        "You will have enough time to read about it and have your say.",
        "Keep it open for at least the usual time for its type, and hold events at different times.",
        "Met when it is open for at least the shortest time for its type. The times are on the page about types of engagement.",
    ),
    Principle(
        4,
        "different-ways",
        "We offer different ways to have your say",
        "You can take part in a way that suits you, with or without the internet.",
        "Offer more than one way to take part, and at least one that does not need the internet.",
        "Met when there are two or more ways to take part, and at least one is not online.",
    ),
    Principle(
        5,
        "open-and-honest",
        "We are open and honest",
        "You will know what your views can change, what they cannot change, and why.",
        "List what people can change, and what they cannot change with the reasons.",
        "Met when the record lists what people can change and what they cannot, with reasons.",
    ),
    Principle(
        6,
        "accessible-information",
        "Our information is easy for everyone to use",
        "You can get the information in a format that works for you, such as Easy Read or large print.",
        "Offer other formats, such as Easy Read, large print, audio or other languages.",
        "Met when at least one other format is offered.",
    ),
    Principle(
        7,
        "feedback",
        "We tell you what happened",
        "You will hear what people said and what changed, by the date we promised.",
        "Publish the outcome by the promised date: what people said, what changed, and what could not change.",
        "Met when the outcome is published by its due date. Unless a record gives its own date, "
        "the outcome is due {outcome_due_weeks} weeks after it closes. Not yet due before then.",
    ),
    Principle(
        8,
        "share-good-practice",
        "We share what works",
        "Good ideas from one engagement will help the next one.",
        "Share what worked with partners, and say where you shared it.",
        "Met when the outcome says where the lessons were shared. Not yet due until the outcome is published.",
    ),
    Principle(
        9,
        "learn-and-improve",
        "We learn and get better",
        "Each engagement will be reviewed, so the next one is better.",
        "Review how the engagement went, and write down what you learned.",
        "Met when the outcome lists lessons learned. Not yet due until the outcome is published.",
    ),
)
