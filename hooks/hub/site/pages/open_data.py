"""The page that explains the open data files, and what each field of a record holds."""

from __future__ import annotations

from hub.facts.catalogue import Catalogue
from hub.facts.commitments import Progress
from hub.facts.status import Status
from hub.outputs.open_data import (
    ALL_CSV,
    ALL_JSON,
    COMMITMENTS_CSV,
    COMMITMENTS_JSON,
    POPULATION,
    POPULATION_SCHEMA,
    SCHEMA,
)
from hub.records.model import CommitmentStatus, Engagement
from hub.site.render import GeneratedPage, render


def open_data_page(catalogue: Catalogue) -> GeneratedPage:
    fields = [
        (name, field.description or _PARTS.get(name, ""), field.is_required())
        for name, field in Engagement.model_fields.items()
    ]
    return render(
        "open_data.html",
        "open-data/index.md",
        title="Open data",
        description="Every engagement as JSON and as a spreadsheet, with feeds and a calendar.",
        files={
            "all_json": ALL_JSON,
            "all_csv": ALL_CSV,
            "schema": SCHEMA,
            "commitments_json": COMMITMENTS_JSON,
            "commitments_csv": COMMITMENTS_CSV,
            # Only when the hub has population figures (population/places.yaml).
            "population": POPULATION if catalogue.population.file else None,
            "population_schema": POPULATION_SCHEMA,
        },
        fields=fields,
        statuses=[s.value for s in Status],
        commitment_statuses=[s.value for s in CommitmentStatus],
        progresses=[p.value for p in Progress],
        today=catalogue.today,
        licence=catalogue.settings.open_data_licence,
        licence_link=catalogue.settings.open_data_licence_link,
    )


# Fields that are parts of a record have no description of their own: say what they hold.
_PARTS = {
    "take_part": "the ways to take part: online, paper, phone, email, events and other",
    "contact": "the team to contact with questions",
    "decision": "who will decide, and when",
    "outcome": "what happened: who took part, what they said, what changed and what did not, "
    "and what we promised to do",
}
