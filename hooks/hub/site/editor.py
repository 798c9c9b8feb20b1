"""The staff editor's configuration (Decap CMS, at /admin/), made from the record model like the JSON Schema.

Every field of the model becomes a field of the form, with its label, its help (the field's description),
whether it is required, and the widget that suits its type: a date picker for a day, a time picker for a
clock time, a list to choose from for a choice, a list of items for a list, and a group for a part.
Lead organisation, partners, places, topics and groups of people are chosen from the hub's lists
(vocabulary/*.yaml), and the
deciding body from the map's bodies, so names are never typed twice in two ways.

`scripts/make_editor_config.py` writes it to content/admin/config.yml, with the editor's page
(content/admin/index.html, which has its own Content-Security-Policy); a test fails when either is out of date.
Checks that span fields (a closing date before the opening date) are in content/admin/editor.js.
Decap's own files come from npm (node_modules/decap-cms/dist, installed by scripts/setup.sh) and are
served from the site's /admin/ folder, never from another website.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
import types
import typing
from dataclasses import asdict, dataclass, field
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import annotated_types
import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from hub.records.map_model import BodiesFile, DecisionsFile
from hub.records.map_model import Body as MapBody
from hub.records.map_model import Decision as MapDecision
from hub.records.model import (
    PATTERN_MESSAGES,
    AllowsFormatting,
    ClockTime,
    Decision,
    Engagement,
    Sentences,
)
from hub.records.schema import SCHEMA_COMMENT
from hub.records.vocabulary import FILES as VOCABULARY_FILES
from hub.settings import read_mkdocs_yml, settings_from_mapping
from hub.words import has, say

from .render import ENVIRONMENT
from .security import editor_policy

ADMIN_FOLDER = Path("content") / "admin"
CONFIG_PATH = ADMIN_FOLDER / "config.yml"
RULES_PATH = ADMIN_FOLDER / "rules.json"
PAGE_PATH = ADMIN_FOLDER / "index.html"
# decap-server, started by scripts/serve.sh, listens here only: this computer, not the network.
PROXY = "http://127.0.0.1:8081"
# Where npm puts Decap's bundle: the main script loads the numbered parts and the wasm files beside it.
BUNDLE = Path("node_modules") / "decap-cms" / "dist"


@dataclass(frozen=True)
class Lookup:
    """A field whose value is chosen from names kept elsewhere in the hub, never typed."""

    collection: str
    value_field: str
    file: str | None = None
    display_fields: tuple[str, ...] = ()


_ORGANISATIONS = Lookup("lists", "organisations.*.name", "organisations")
_BODIES = Lookup("map", "bodies.*.id", "bodies", ("bodies.*.name",))
LOOKUPS: dict[tuple[type[BaseModel], str], Lookup] = {
    (Engagement, "lead"): _ORGANISATIONS,
    (Engagement, "partners"): _ORGANISATIONS,
    (Engagement, "places"): Lookup("lists", "places.*.name", "places"),
    (Engagement, "topics"): Lookup("lists", "topics.*.name", "topics"),
    (Engagement, "who_for"): Lookup("lists", "groups.*.name", "groups"),
    (Decision, "body"): _BODIES,
    (MapBody, "reports_to"): _BODIES,
    (MapDecision, "body"): _BODIES,
    (MapDecision, "informed_by"): Lookup("engagements", "{{slug}}", None, ("title",)),
}


@dataclass(frozen=True)
class EditorSettings:
    """What the editor needs from mkdocs.yml: where the records live, and the repository on GitHub."""

    records: str = "engagements"
    map: str = "map"
    vocabulary: str = "vocabulary"
    repo: str | None = None  # owner/name on GitHub
    site_url: str | None = None
    site_name: str = "Engagement hub"
    sign_in: str | None = None  # the address of the sign-in helper (Decap's base_url), if any
    branch: str = "main"


def editor_settings(mkdocs_yml: Path) -> EditorSettings:
    """The editor's settings from the site's mkdocs.yml (raises SettingsInvalid when it is wrong)."""
    config = read_mkdocs_yml(mkdocs_yml)
    hub = settings_from_mapping((config.get("extra") or {}).get("hub") or {}, mkdocs_yml)
    return EditorSettings(
        records=hub.records,
        map=hub.map,
        vocabulary=hub.vocabulary,
        repo=hub.editor_repo,
        site_url=config.get("site_url") or None,
        site_name=str(config.get("site_name") or EditorSettings.site_name),
        sign_in=hub.editor_sign_in,
    )


def editor_config(settings: EditorSettings) -> str:
    """The configuration as YAML text, the same every time for the same model and settings."""
    return say("editor.header") + yaml.safe_dump(
        _config(settings, _Form()), sort_keys=False, allow_unicode=True, width=120
    )


def editor_rules(settings: EditorSettings) -> str:
    """content/admin/rules.json: the parts of a record that are optional as a whole, and what each needs.

    Decap asks for a required field even inside an optional part that was left empty (its issues 2103
    and 7748), so such fields are optional in the form, and editor.js checks them from this file: a
    part that is used must be complete.
    """
    form = _Form()
    _config(settings, form)
    return json.dumps(form.rules, indent=1, ensure_ascii=False) + "\n"


def editor_page(settings: EditorSettings) -> str:
    """content/admin/index.html: the editor's page, with its own Content-Security-Policy."""
    also = [PROXY]
    if settings.sign_in:
        found = re.match(r"^https?://[^/]+", settings.sign_in)
        also += [found[0]] if found else []
    return ENVIRONMENT.get_template("admin.html").render(policy=editor_policy(also), site_name=settings.site_name)


def find_bundle(site_root: Path) -> Path | None:
    """Decap's npm folder: beside the site's mkdocs.yml, else in the project whose .venv runs this build
    (the tests and the bench build copies of the site in other folders)."""
    for root in (site_root, Path(__file__).resolve().parents[3], Path(sys.prefix).parent):
        if (root / BUNDLE / "decap-cms.js").is_file():
            return root / BUNDLE
    return None


def bundle_files(folder: Path) -> list[Path]:
    """Decap's files that the editor loads, from its npm folder: no source maps or other builds."""
    wanted = ("decap-cms.js", "decap-cms.js.LICENSE.txt")
    return sorted(p for p in folder.iterdir() if p.name in wanted or p.name.endswith((".decap-cms.js", ".wasm")))


def _config(settings: EditorSettings, form: _Form) -> dict[str, Any]:
    backend: dict[str, Any] = {
        "name": "github",
        "repo": settings.repo or "OWNER/REPOSITORY",
        "branch": settings.branch,
        "squash_merges": True,
    }
    if settings.sign_in:
        backend["base_url"] = settings.sign_in
    config: dict[str, Any] = {
        "backend": backend,
        # On a computer's own copy, `bash scripts/serve.sh` starts decap-server on 127.0.0.1:8081,
        # and the editor uses it in place of GitHub: each saved change is a local branch.
        "local_backend": {"url": f"{PROXY}/api/v1"},
        # Each new or changed record is a branch and a pull request; merging it publishes.
        "publish_mode": "editorial_workflow",
        "locale": "en",
        "media_folder": "content/assets/uploads",
        "public_folder": "/assets/uploads",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
    }
    if settings.site_url:
        config["site_url"] = settings.site_url
        config["display_url"] = settings.site_url
    config["collections"] = [_engagements(settings, form), _map(settings, form), _lists(settings, form)]
    return config


def _engagements(settings: EditorSettings, form: _Form) -> dict[str, Any]:
    fields = form.fields("engagements", Engagement)
    # Decap writes a field's comment above it: the first line names the schema, as in every record.
    fields[0]["comment"] = SCHEMA_COMMENT.removeprefix("# ")
    return {
        "name": "engagements",
        "label": say("editor.engagements.label"),
        "label_singular": say("editor.engagements.singular"),
        "description": say("editor.engagements.description"),
        "folder": settings.records,
        "extension": "yaml",
        "format": "yaml",
        "create": True,
        "identifier_field": "title",
        "slug": "{{title}}",
        "summary": say("editor.engagements.summary"),
        "sortable_fields": ["title", "opens", "closes"],
        "preview_path": "engagements/{{slug}}/",
        "fields": fields,
    }


def _map(settings: EditorSettings, form: _Form) -> dict[str, Any]:
    return {
        "name": "map",
        "label": say("editor.map.label"),
        "description": say("editor.map.description"),
        "files": [
            _file(form, "map", "bodies", say("editor.map.bodies"), f"{settings.map}/bodies.yaml", BodiesFile),
            _file(
                form, "map", "decisions", say("editor.map.decisions"), f"{settings.map}/decisions.yaml", DecisionsFile
            ),
        ],
    }


def _lists(settings: EditorSettings, form: _Form) -> dict[str, Any]:
    """The hub's vocabulary (records/vocabulary.py): one file for each list."""
    return {
        "name": "lists",
        "label": say("editor.lists.label"),
        "description": say("editor.lists.description"),
        "files": [
            _file(
                form,
                "lists",
                name.removesuffix(".yaml"),
                say(f"editor.lists.{name.removesuffix('.yaml')}"),
                f"{settings.vocabulary}/{name}",
                model,
            )
            for name, model in VOCABULARY_FILES.items()
        ],
    }


def _file(form: _Form, collection: str, name: str, label: str, path: str, model: type[BaseModel]) -> dict[str, Any]:
    fields = form.fields(f"{collection}/{name}", model)
    return {"name": name, "label": label, "file": path, "format": "yaml", "fields": fields}


@dataclass
class _Part:
    """An optional part of a record, such as take_part.paper: empty, or with every field it needs."""

    path: str  # dotted; "*" stands for each item of a list
    label: str
    needs: list[dict[str, str]] = field(default_factory=list)  # path inside the part, and label


class _Form:
    """Turns models into Decap fields, and collects the rules editor.js checks before saving: what each
    optional part needs when it is used."""

    def __init__(self) -> None:
        self.rules: dict[str, list[dict[str, Any]]] = {}
        self._parts: list[_Part] = []

    def fields(self, key: str, model: type[BaseModel]) -> list[dict[str, Any]]:
        self._parts = []
        made = self._fields(model, "", None, ())
        if self._parts:
            self.rules[key] = [asdict(part) for part in self._parts]
        return made

    def _fields(
        self, model: type[BaseModel], path: str, part: _Part | None, trail: tuple[str, ...]
    ) -> list[dict[str, Any]]:
        return [self._field(model, name, info, path, part, trail) for name, info in model.model_fields.items()]

    def _field(
        self, model: type[BaseModel], name: str, info: FieldInfo, path: str, part: _Part | None, trail: tuple[str, ...]
    ) -> dict[str, Any]:
        full = f"{path}.{name}" if path else name
        # A field's label is its name in words, unless the catalogue has one that reads better.
        label = say(f"editor.label.{name}") if has(f"editor.label.{name}") else name.replace("_", " ").capitalize()
        made: dict[str, Any] = {"label": label, "name": name}
        annotation, metadata = _unwrap(info.annotation, list(info.metadata))
        is_list = typing.get_origin(annotation) is list
        item, item_metadata = _unwrap(typing.get_args(annotation)[0], []) if is_list else (annotation, metadata)
        optional = not info.is_required()
        lookup = LOOKUPS.get((model, name))
        if lookup is not None:
            made.update(_lookup(lookup, is_list))
        elif is_list and isinstance(item, type) and issubclass(item, Enum):
            made.update({**_select(item), "multiple": True})
        elif is_list and _is_model(item):
            # Each item is added on purpose, and Decap checks its fields as the model says.
            fields = self._fields(item, f"{full}.*", None, ())
            made.update({"widget": "list", "collapsed": False, "summary": "{{fields." + fields[0]["name"] + "}}"})
            made["fields"] = fields
        elif is_list:
            made.update(
                {"widget": "list", "field": {"label": say("editor.item"), "name": name, **_widget(item, item_metadata)}}
            )
        elif _is_model(annotation) and optional:
            inner = _Part(full, label)
            self._parts.append(inner)
            made.update({"widget": "object", "fields": self._fields(annotation, full, inner, ())})
        elif _is_model(annotation):
            made.update({"widget": "object", "fields": self._fields(annotation, full, part, (*trail, label))})
        else:
            made.update(_widget(annotation, metadata))
        hint = (say(f"editor.hint.{name}") if has(f"editor.hint.{name}") else None) or _hint(
            info.description, annotation
        )
        if hint:
            made["hint"] = hint
        minimum = _limit(metadata, annotated_types.MinLen, "min_length") if is_list else None
        if optional:
            made["required"] = False
            if made["widget"] == "object":
                made["collapsed"] = True
            if isinstance(info.default, bool):
                made["default"] = info.default
            return made
        if part is None:
            if minimum:
                made["min"] = minimum
            return made
        # Required only when its part is used: Decap would ask for it even in an empty part.
        made["required"] = False
        if not _is_model(annotation):
            made["hint"] = (made.get("hint", "") + " " + say("editor.needed")).strip()
            part.needs.append({"path": full.removeprefix(part.path + "."), "label": ": ".join((*trail, label))})
        return made


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _lookup(lookup: Lookup, is_list: bool) -> dict[str, Any]:
    widget: dict[str, Any] = {"widget": "relation", "collection": lookup.collection}
    if lookup.file:
        widget["file"] = lookup.file
    widget["value_field"] = lookup.value_field
    widget["search_fields"] = list(lookup.display_fields or (lookup.value_field,))
    if lookup.display_fields:
        widget["display_fields"] = list(lookup.display_fields)
    widget["options_length"] = 500
    if is_list:
        widget["multiple"] = True
    return widget


def _widget(annotation: Any, metadata: list[Any]) -> dict[str, Any]:
    if annotation is bool:
        return {"widget": "boolean"}
    if annotation is int:
        widget: dict[str, Any] = {"widget": "number", "value_type": "int"}
        least = _limit(metadata, annotated_types.Ge, "ge")
        if least is not None:
            widget["min"] = least
        return widget
    if annotation is dt.date:
        # A native date picker; the value is written as YYYY-MM-DD, as the records have it.
        return {
            "widget": "datetime",
            "format": "YYYY-MM-DD",
            "date_format": "YYYY-MM-DD",
            "time_format": False,
            "picker_utc": True,
        }
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return _select(annotation)
    if _is(metadata, ClockTime):
        return {"widget": "datetime", "format": "HH:mm", "date_format": False, "time_format": "HH:mm"}
    if any(isinstance(m, AllowsFormatting) for m in metadata):
        return {
            "widget": "markdown",
            "buttons": ["bold", "italic", "link", "bulleted-list", "numbered-list"],
            "editor_components": [],
            "modes": ["rich_text", "raw"],
            "sanitize_preview": True,
        }
    widget = {"widget": "text" if any(isinstance(m, Sentences) for m in metadata) else "string"}
    pattern = next((m.pattern for m in metadata if getattr(m, "pattern", None)), None)
    longest = _limit(metadata, annotated_types.MaxLen, "max_length")
    if pattern:
        widget["pattern"] = [pattern, _capitalised(PATTERN_MESSAGES.get(pattern) or say("editor.wrong_pattern"))]
    elif longest:
        widget["pattern"] = [f"^[\\s\\S]{{1,{longest}}}$", say("editor.longest", longest=longest)]
    return widget


def _select(choices: type[Enum]) -> dict[str, Any]:
    options = [{"label": getattr(c, "label", c.value), "value": c.value} for c in choices]
    return {"widget": "select", "options": options}


def _hint(description: str | None, annotation: Any) -> str | None:
    if description is None:
        return None
    is_choice = isinstance(annotation, type) and issubclass(annotation, Enum)
    if is_choice and re.match(r"^(one of|what the venue offers):", description):
        return say("editor.choose")
    text = description.removesuffix(AllowsFormatting.note())
    if AllowsFormatting.note() in description:
        text = say("editor.can_format", help=text)
    return _capitalised(text if text.endswith((".", "?", "!")) else text + ".")


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _unwrap(annotation: Any, metadata: list[Any]) -> tuple[Any, list[Any]]:
    """The type inside `X | None` and `Annotated[X, ...]`, with the Annotated parts added to `metadata`."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
    if typing.get_origin(annotation) is Annotated:
        metadata = [*metadata, *annotation.__metadata__]
        annotation = typing.get_args(annotation)[0]
    return annotation, metadata


def _is(metadata: list[Any], alias: Any) -> bool:
    """Whether a field's parts hold every part of an Annotated type, such as ClockTime. A Field() in it is
    merged into the field's own settings by pydantic, so it is not one of the parts."""
    return all(part in metadata for part in alias.__metadata__ if not isinstance(part, FieldInfo))


def _limit(metadata: list[Any], kind: type, name: str) -> Any:
    return next((getattr(m, name) for m in metadata if isinstance(m, kind)), None)
