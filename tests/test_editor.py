"""The staff editor at /admin/ (Decap CMS): its settings are made from the model and cover every field,
it stays out of the public site, and in a real browser it saves a new engagement, and an outcome for
an existing one, as git branches whose records pass the hub's check, while refusing what the model refuses."""

from __future__ import annotations

import ast
import json
import re
import time
from pathlib import Path

import pytest
import yaml

import accessibility as a11y
from conftest import DEMO_TODAY, ROOT, validate
from editor_session import Session, add_outcome, editor_session, expand, fill_new_engagement, git, save, sign_in
from hub.records.schema import SCHEMA_COMMENT, SCHEMA_PATH
from hub.site.editor import (
    CONFIG_PATH,
    PAGE_PATH,
    RULES_PATH,
    editor_config,
    editor_page,
    editor_rules,
    editor_settings,
)

# --- Made from the model ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "make"), [(CONFIG_PATH, editor_config), (PAGE_PATH, editor_page), (RULES_PATH, editor_rules)]
)
def test_the_editors_files_match_the_model(path, make):
    kept = (ROOT / path).read_text(encoding="utf-8")
    assert kept == make(editor_settings(ROOT / "mkdocs.yml")), (
        f"{path.as_posix()} is out of date with the model or mkdocs.yml. "
        "Run: bash scripts/hub editor-config, then commit what it wrote."
    )


def _config() -> dict:
    return yaml.safe_load((ROOT / CONFIG_PATH).read_text(encoding="utf-8"))


def _schema_fields(schema: dict, node: dict, path: str, found: dict[str, dict]) -> None:
    """Every field of the JSON Schema as a dotted path ("*" for a list's items), with its schema."""
    if "$ref" in node:
        node = schema["$defs"][node["$ref"].split("/")[-1]]
    for option in node.get("anyOf", []):
        if option.get("type") != "null":
            _schema_fields(schema, option, path, found)
    if "items" in node:
        _schema_fields(schema, node["items"], f"{path}.*", found)
    for name, inner in node.get("properties", {}).items():
        full = f"{path}.{name}" if path else name
        found[full] = inner
        _schema_fields(schema, inner, full, found)


def _form_fields(fields: list[dict], path: str, found: dict[str, dict]) -> None:
    for field in fields:
        full = f"{path}.{field['name']}" if path else field["name"]
        found[full] = field
        if "fields" in field:
            _form_fields(field["fields"], f"{full}.*" if field["widget"] == "list" else full, found)


def test_the_form_covers_every_field_of_the_json_schema():
    schema = json.loads((ROOT / SCHEMA_PATH).read_text(encoding="utf-8"))
    wanted: dict[str, dict] = {}
    _schema_fields(schema, schema, "", wanted)
    (engagements,) = [c for c in _config()["collections"] if c["name"] == "engagements"]
    form: dict[str, dict] = {}
    _form_fields(engagements["fields"], "", form)
    assert sorted(form) == sorted(wanted)
    for path, field in form.items():
        assert field["label"] and field.get("hint"), path  # every field says what it is and what to write
    for name in schema["required"]:  # a required field is required in the form too
        assert form[name].get("required", True) is True, name
    for path, inner in wanted.items():
        text = json.dumps(inner)
        # A day gets a date picker; a month or a day (when a promise is due) is typed.
        if all(o.get("format") == "date" for o in inner.get("anyOf", [inner]) if o.get("type") != "null"):
            assert form[path]["widget"] == "datetime" and form[path]["time_format"] is False, path
        if '"enum"' in text or '"$ref": "#/$defs/Level"' in text:
            assert form[path]["widget"] in ("select", "relation"), path


def test_names_are_chosen_from_the_hubs_own_lists():
    (engagements,) = [c for c in _config()["collections"] if c["name"] == "engagements"]
    form: dict[str, dict] = {}
    _form_fields(engagements["fields"], "", form)
    for name in ("lead", "partners", "places", "topics", "who_for", "decision.body"):
        assert form[name]["widget"] == "relation", name
    # The names come from the same files validation checks records against (vocabulary/).
    (lists,) = [c for c in _config()["collections"] if c["name"] == "lists"]
    assert {f["file"] for f in lists["files"]} == {
        f"vocabulary/{n}.yaml" for n in ("topics", "places", "organisations", "groups")
    }
    assert form["topics"]["file"] == "topics" and form["topics"]["value_field"] == "topics.*.name"


def test_every_check_across_fields_in_the_model_has_a_rule_in_the_editor():
    tree = ast.parse((ROOT / "hooks" / "hub" / "records" / "model.py").read_text(encoding="utf-8"))
    checks = set()
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef) and any(
            "model_validator" in ast.unparse(d) for d in function.decorator_list
        ):
            for call in ast.walk(function):
                if isinstance(call, ast.Call) and ast.unparse(call.func) == "PydanticCustomError":
                    checks.add(call.args[0].value)  # type: ignore[attr-defined]
    assert len(checks) >= 8
    script = (ROOT / "content" / "admin" / "editor.js").read_text(encoding="utf-8")
    rules = set(re.findall(r"^  (\w+): \(", script, re.MULTILINE))
    assert checks == rules


def test_the_editor_stays_out_of_the_public_site(demo_site):
    page = (demo_site / "admin" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert (demo_site / "admin" / "decap-cms.js").stat().st_size > 1_000_000  # served from the site, no CDN
    assert "https://" not in re.sub(r'content="[^"]*"', "", page)
    for listing in ("sitemap.xml", "feeds/engagements.xml", "feeds/outcomes.xml"):
        assert "/admin/" not in (demo_site / listing).read_text(encoding="utf-8"), listing
    search = json.loads((demo_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [d["location"] for d in search["docs"] if d["location"].startswith("admin")]
    home = (demo_site / "index.html").read_text(encoding="utf-8")
    assert "admin/" not in home  # not in the navigation
    public = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', home)[1]  # type: ignore[index]
    assert "unsafe-eval" not in public and "8081" not in public and "api.github.com" not in public


# --- In a real browser, against a temporary git repository with decap-server in git mode --------------


@pytest.fixture(scope="module")
def session(tmp_path_factory):
    with editor_session(tmp_path_factory.mktemp("editor"), {"HUB_TODAY": DEMO_TODAY}) as running:
        yield running


@pytest.fixture
def tab(browser, session):
    context, _ = a11y.new_context(browser, axe=False)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("request", lambda r: None if a11y.is_local(r.url) else problems.append(f"asked another website: {r.url}"))
    page.on("dialog", lambda dialog: dialog.accept())
    sign_in(page, session)
    yield page
    context.close()
    # The editor kept to its own policy and asked nothing of any other website.
    assert not problems, problems


def _check_branch(session: Session, branch: str, tmp_path: Path) -> str:
    """The whole hub as it is on `branch`, checked by scripts/validate.py."""
    checkout = tmp_path / "checkout"
    git(session.repo, "worktree", "add", "--detach", str(checkout), branch)
    try:
        result = validate(checkout)
    finally:
        git(session.repo, "worktree", "remove", "--force", str(checkout))
    assert result.code == 0, result.output
    return result.output


def test_a_new_engagement_saved_in_the_form_is_a_branch_whose_record_passes_the_check(tab, session, tmp_path):
    fill_new_engagement(tab, session)
    save(tab)
    branch = "cms/engagements/walking-groups-for-older-people"
    session.wait_for_branch(branch)
    text = git(session.repo, "show", f"{branch}:engagements/walking-groups-for-older-people.yaml")
    assert text.splitlines()[0] == SCHEMA_COMMENT
    record = yaml.safe_load(text)
    assert record["places"] == ["Marshbury"] and record["topics"] == ["Social care"]
    assert record["take_part"] == {"online": {"link": "https://example.org/walking"}}  # empty parts left out
    assert str(record["opens"]) == "2027-01-04" and str(record["closes"]) == "2027-02-28"
    assert "fine" in _check_branch(session, branch, tmp_path)
    # Saved for review: main is as it was.
    assert "walking-groups" not in git(session.repo, "ls-tree", "-r", "--name-only", "main")


def test_an_outcome_added_in_the_form_is_a_branch_whose_record_passes_the_check(tab, session, tmp_path):
    add_outcome(tab, session, "dental-care-access")
    save(tab)
    branch = "cms/engagements/dental-care-access"
    session.wait_for_branch(branch)
    record = yaml.safe_load(git(session.repo, "show", f"{branch}:engagements/dental-care-access.yaml"))
    outcome = record["outcome"]
    assert str(outcome["published"]) == "2026-11-20" and outcome["took_part"] == {"total": 412}
    assert outcome["themes"] == [{"theme": "Waiting lists", "detail": "People wait more than a year for a check-up."}]
    assert "fine" in _check_branch(session, branch, tmp_path)


def _refused(page, session: Session, message: str) -> None:
    before = session.branches()
    page.get_by_role("button", name="Save").click()
    page.locator(".Toastify").get_by_text(re.compile(message)).wait_for()
    time.sleep(1)  # a save would have made its branch by now
    assert session.branches() == before


def _clear(page, label: str) -> None:
    page.get_by_label(label, exact=True).click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")


@pytest.mark.parametrize("label", ["Summary", "Team"])
def test_the_form_refuses_an_empty_required_field_before_saving(tab, session, label):
    fill_new_engagement(tab, session)
    _clear(tab, label)  # Team is inside the Contact group
    _refused(tab, session, "missed a required field")
    tab.get_by_text(f"{label} is required.").wait_for()


def test_the_form_refuses_a_closing_date_before_the_opening_date(tab, session):
    fill_new_engagement(tab, session, closes="2026-12-01")
    _refused(tab, session, "Closes \\(last day\\) is 2026-12-01, before it opens on 2027-01-04")


def test_the_form_refuses_half_an_optional_part(tab, session):
    fill_new_engagement(tab, session)
    expand(tab, "phone")
    tab.locator("[id^=phone-field]").get_by_label("Description (optional)").first.fill("Call us in the morning.")
    _refused(tab, session, "Phone: fill in Number")
