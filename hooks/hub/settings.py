"""The hub's settings: declared here once, with their defaults; values come from mkdocs.yml.

They sit under `extra: hub:` in mkdocs.yml so the site has one configuration file, and are read
without MkDocs so that scripts can use them too.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

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


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    area: Text = Field(description="the area this hub covers, as people know it")
    language: str = Field(
        "en",
        pattern=r"^[a-z]{2,3}(-[A-Za-z]{2,4})?$",  # as the theme names languages: cy, pt-BR, zh-Hant
        description="the language of the hub's own words: hooks/hub/words/<language>.yaml. Leave it out to use "
        "theme.language, which gives the theme's own words (the search box) too",
    )
    records: str = Field("engagements", description="the folder of engagement records, from mkdocs.yml")
    map: str = Field("map", description="the folder of the functions-and-decisions map, from mkdocs.yml")
    vocabulary: str = Field(
        "vocabulary", description="the folder of the lists of topics, places and organisations, from mkdocs.yml"
    )
    population: str = Field(
        "population",
        description="the folder of who lives in each place, to compare with who took part, from mkdocs.yml",
    )
    timezone: str = "Europe/London"
    closing_soon_days: int = Field(
        14, ge=0, description="an open engagement is 'closing soon' when it closes in this many days or fewer"
    )
    recently_closed_days: int = Field(
        90, ge=0, description="how long a closed engagement stays on 'Have your say' while people wait for its outcome"
    )
    page_size: int = Field(20, ge=1, description="how many engagements one list page shows")
    index_page_size: int = Field(
        100,
        ge=1,
        description="how many engagements one page of a long index shows, one line each: "
        "all engagements, places, topics, organisations and the charter's lists",
    )
    feed_size: int = Field(50, ge=1, description="how many of the newest engagements and outcomes each feed holds")
    open_data_licence: Text = Field(
        "Open Government Licence v3.0", description="the licence under which anyone may reuse the open data"
    )
    open_data_licence_link: str | None = Field(
        "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
        description="the web address of that licence",
    )
    home_list_size: int = Field(4, ge=1, description="how many engagements each list on the home page shows")
    purpose_min_words: int = Field(
        12, ge=0, description="a reason for asking shorter than this many words does not meet charter principle 1"
    )
    outcome_due_weeks: int = Field(
        12, ge=1, description="weeks after closing by which the outcome is due, unless a record promises a date"
    )
    tell_us_once_weeks: int = Field(
        26,
        ge=0,
        description="weeks between two engagements that ask the same people about the same thing. "
        "Closer than this, staff get a warning",
    )
    what_we_know_size: int = Field(
        3, ge=0, description="how many earlier engagements an engagement page shows under 'What we already know'"
    )
    minimum_weeks: dict[EngagementType, int] = Field(
        default_factory=lambda: dict(DEFAULT_MINIMUM_WEEKS),
        description="the shortest time each type of engagement should be open, in weeks",
    )
    phone: PhoneNumber = Field(description="a phone number anyone can call about the hub")
    phone_hours: Text = Field(description="when the phone is answered")
    textphone: Text | None = Field(None, description="a textphone or Relay UK number")
    post: Text = Field(description="a postal address for letters and paper responses")
    email: EmailAddress | None = None
    editor_repo: str | None = Field(
        None,
        pattern=r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$",
        description="the hub's repository on GitHub, as owner/name, where the editor at /admin/ sends pull requests",
    )
    editor_sign_in: str | None = Field(
        None,
        description="the web address of the helper that lets staff sign in to the editor at /admin/ with GitHub "
        "(Decap's base_url)",
    )

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
