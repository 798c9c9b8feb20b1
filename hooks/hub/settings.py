"""The hub's settings: declared here once, with their defaults; values come from mkdocs.yml.

They sit under `extra: hub:` in mkdocs.yml so the site has one configuration file, and are read
without MkDocs so that scripts can use them too.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from hub.records.descriptions import described
from hub.records.messages import explain
from hub.records.model import EmailAddress, EngagementType, PhoneNumber, Text
from hub.words import say

# The staff guide's minimum durations (weeks). A formal consultation usually runs 12 weeks.
DEFAULT_MINIMUM_WEEKS = {
    EngagementType.information: 0,
    EngagementType.survey: 4,
    EngagementType.pre_consultation: 4,
    EngagementType.formal_consultation: 12,
    EngagementType.co_production: 6,
    EngagementType.advisory_group: 0,
}


@described
class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    area: Text
    language: str = Field(
        "en",
        pattern=r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$",  # as the theme names languages: cy, pt-BR, zh-Hant
    )
    records: str = "engagements"
    map: str = "map"
    vocabulary: str = "vocabulary"
    population: str = "population"
    timezone: str = "Europe/London"
    closing_soon_days: int = Field(14, ge=0)
    recently_closed_days: int = Field(90, ge=0)
    page_size: int = Field(20, ge=1)
    index_page_size: int = Field(100, ge=1)
    feed_size: int = Field(50, ge=1)
    open_data_licence: Text = "Open Government Licence v3.0"
    open_data_licence_link: str | None = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
    home_list_size: int = Field(4, ge=1)
    purpose_min_words: int = Field(12, ge=0)
    outcome_due_weeks: int = Field(12, ge=1)
    tell_us_once_weeks: int = Field(26, ge=0)
    what_we_know_size: int = Field(3, ge=0)
    minimum_weeks: dict[EngagementType, int] = Field(default_factory=lambda: dict(DEFAULT_MINIMUM_WEEKS))
    phone: PhoneNumber
    phone_hours: Text
    textphone: Text | None = None
    post: Text
    email: EmailAddress | None = None
    editor_repo: str | None = Field(None, pattern=r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")
    editor_sign_in: str | None = None

    def minimum_days(self, kind: EngagementType) -> int:
        return 7 * {**DEFAULT_MINIMUM_WEEKS, **self.minimum_weeks}[kind]


class SettingsInvalid(Exception):
    pass


def settings_from_mkdocs_yml(path: Path) -> Settings:
    """Read `extra.hub` from mkdocs.yml, ignoring MkDocs's own YAML tags (such as !ENV)."""
    config = read_mkdocs_yml(path)
    theme = config.get("theme") or {}
    return settings_from_mapping((config.get("extra") or {}).get("hub") or {}, path, theme.get("language") or "en")


def read_mkdocs_yml(path: Path) -> dict:
    """The whole of mkdocs.yml, with MkDocs's own YAML tags read as nothing."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    except (OSError, yaml.YAMLError) as error:
        raise SettingsInvalid(say("commands.settings.unreadable", path=path, error=error)) from None


def settings_from_mapping(values: dict, path: Path = Path("mkdocs.yml"), theme_language: str = "en") -> Settings:
    """The hub's settings; its language is the theme's (theme.language) unless extra.hub.language names another,
    so that one setting gives the theme's words and the hub's."""
    try:
        return Settings.model_validate({"language": theme_language, **values})
    except ValidationError as error:
        lines = [
            f"{path}: extra.hub.{'.'.join(map(str, d['loc']))}: {_explain(d)}" for d in error.errors(include_url=False)
        ]
        raise SettingsInvalid("\n".join(lines)) from None


def _explain(detail) -> str:
    """As a record's problems are said: "is missing. Add it: a phone number anyone can call about the hub."."""
    if detail["type"] == "extra_forbidden":
        return say("commands.settings.unknown")
    loc = detail["loc"]
    field = Settings.model_fields.get(str(loc[0])) if len(loc) == 1 else None
    return explain(detail, field)


class _TolerantLoader(yaml.CSafeLoader):
    pass


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)
