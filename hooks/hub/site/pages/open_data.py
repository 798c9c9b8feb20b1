"""The page that explains the open data files, and what each field of a record holds."""

from __future__ import annotations

from hub.facts.catalogue import Catalogue
from hub.facts.commitments import Progress
from hub.facts.status import Status
from hub.outputs.open_data import (
    ALL_CSV,
    ALL_JSON,
    ALL_SCHEMA,
    COMMITMENTS_CSV,
    COMMITMENTS_JSON,
    COMMITMENTS_SCHEMA,
    PACKAGE,
    POPULATION,
    POPULATION_SCHEMA,
    SCHEMA,
)
from hub.records.model import FEWER_THAN_5, NOT_SHOWN, CommitmentStatus, Engagement
from hub.site.render import GeneratedPage, render
from hub.words import say


def open_data_page(catalogue: Catalogue) -> GeneratedPage:
    fields = [
        (name, field.description or (say(f"open_data.part.{name}") if name in _PARTS else ""), field.is_required())
        for name, field in Engagement.model_fields.items()
    ]
    return render(
        "open_data.html",
        "open-data/index.md",
        title=say("open_data.title"),
        description=say("open_data.description"),
        files={
            "all_json": ALL_JSON,
            "all_csv": ALL_CSV,
            "schema": SCHEMA,
            "all_schema": ALL_SCHEMA,
            "commitments_schema": COMMITMENTS_SCHEMA,
            "package": PACKAGE,
            "commitments_json": COMMITMENTS_JSON,
            "commitments_csv": COMMITMENTS_CSV,
            # Only when the hub has population figures (population/places.yaml).
            "population": POPULATION if catalogue.population.file else None,
            "population_schema": POPULATION_SCHEMA,
        },
        fields=fields,
        # As the data writes a hidden count, in every language.
        hidden_counts=(FEWER_THAN_5, NOT_SHOWN),
        statuses=[s.value for s in Status],
        commitment_statuses=[s.value for s in CommitmentStatus],
        progresses=[p.value for p in Progress],
        today=catalogue.today,
        licence=catalogue.settings.open_data_licence,
        licence_link=catalogue.settings.open_data_licence_link,
    )


# Fields that are parts of a record have no description of their own: open_data.part.<name> says what they hold.
_PARTS = ("take_part", "contact", "decision", "outcome")
