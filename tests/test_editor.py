"""The staff editor at /admin/ (Decap CMS): its settings are made from the model and cover every field,
it stays out of the public site, and in a real browser it saves a new engagement, and an outcome for
an existing one, as git branches whose records pass the hub's check, while refusing what the model refuses."""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

import accessibility as a11y
from conftest import ROOT, copy_hub, mkdocs_build, validate
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
        if '"format": "date"' in text:
            assert form[path]["widget"] == "datetime" and form[path]["time_format"] is False, path
        if '"enum"' in text or '"$ref": "#/$defs/Level"' in text:
            assert form[path]["widget"] in ("select", "relation"), path


def test_names_are_chosen_from_the_hubs_own_lists():
    (engagements,) = [c for c in _config()["collections"] if c["name"] == "engagements"]
    form: dict[str, dict] = {}
    _form_fields(engagements["fields"], "", form)
    for name in ("lead", "partners", "places", "topics", "decision.body"):
        assert form[name]["widget"] == "relation", name
    lists = yaml.safe_load((ROOT / "map" / "lists.yaml").read_text(encoding="utf-8"))
    for path in sorted((ROOT / "engagements").glob("*.yaml")):
        record = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name in [record["lead"], *record.get("partners", [])]:
            assert name in lists["organisations"], f"{path.name}: {name} is not in map/lists.yaml"
        assert set(record["places"]) <= set(lists["places"]), path.name
        assert set(record["topics"]) <= set(lists["topics"]), path.name


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
    for listing in ("sitemap.xml", "search/search_index.json", "feeds/engagements.xml", "feeds/outcomes.xml"):
        assert "admin" not in (demo_site / listing).read_text(encoding="utf-8"), listing
    home = (demo_site / "index.html").read_text(encoding="utf-8")
    assert "admin/" not in home  # not in the navigation
    public = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', home)[1]  # type: ignore[index]
    assert "unsafe-eval" not in public and "8081" not in public and "api.github.com" not in public


# --- In a real browser, against a temporary git repository with decap-server in git mode --------------


@dataclass
class Editor:
    repo: Path
    base: str

    def branches(self) -> list[str]:
        done = subprocess.run(
            ["git", "-C", str(self.repo), "branch", "--format=%(refname:short)"], capture_output=True, text=True
        )
        return done.stdout.split()

    def wait_for_branch(self, name: str) -> None:
        deadline = time.monotonic() + 20
        while name not in self.branches():
            assert time.monotonic() < deadline, f"no branch {name}; branches: {self.branches()}"
            time.sleep(0.2)

    def record_on(self, branch: str, slug: str) -> str:
        return _git(self.repo, "show", f"{branch}:engagements/{slug}.yaml")

    def check_branch(self, branch: str, tmp_path: Path) -> str:
        """The whole hub as it is on `branch`, checked by scripts/validate.py."""
        checkout = tmp_path / "checkout"
        _git(self.repo, "worktree", "add", "--detach", str(checkout), branch)
        try:
            result = validate(checkout)
        finally:
            _git(self.repo, "worktree", "remove", "--force", str(checkout))
        assert result.code == 0, result.output
        return result.output


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def editor(tmp_path_factory):
    repo = tmp_path_factory.mktemp("editor") / "hub"
    repo.mkdir()
    copy_hub(repo)
    shutil.copy(ROOT / ".gitignore", repo / ".gitignore")
    for args in (
        ["init", "-q", "-b", "main"],
        ["config", "user.name", "Test Editor"],
        ["config", "user.email", "editor@example.org"],
        ["add", "."],
        ["commit", "-q", "-m", "The hub"],
    ):
        _git(repo, *args)
    built = mkdocs_build(repo)
    assert built.code == 0, built.output
    port = _free_port()
    # The real settings and policy, with the proxy on a free port, so a hub served on this machine is left alone.
    for name in ("config.yml", "index.html"):
        made = repo / "site" / "admin" / name
        made.write_text(
            made.read_text(encoding="utf-8").replace("127.0.0.1:8081", f"127.0.0.1:{port}"), encoding="utf-8"
        )
    proxy = subprocess.Popen(
        ["bash", str(ROOT / "scripts" / "editor_proxy.sh"), str(repo)],
        env={**os.environ, "EDITOR_PROXY_PORT": str(port)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait_for_proxy(port, proxy)
        with a11y.serve(repo / "site") as base:
            yield Editor(repo, base)
    finally:
        proxy.terminate()
        proxy.wait(timeout=10)


def _wait_for_proxy(port: int, proxy: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while True:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/v1",
            data=b'{"action": "info"}',
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=2) as answer:
                info = json.load(answer)
            assert info["type"] == "local_git" and "editorial_workflow" in info["publish_modes"]
            return
        except OSError:
            assert proxy.poll() is None, proxy.stdout.read().decode()  # type: ignore[union-attr]
            assert time.monotonic() < deadline, "decap-server did not start"
            time.sleep(0.3)


@pytest.fixture
def tab(browser, editor):
    context, _ = a11y.new_context(browser, axe=False)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("request", lambda r: None if a11y.is_local(r.url) else problems.append(f"asked another website: {r.url}"))
    page.on("dialog", lambda dialog: dialog.accept())
    page.goto(editor.base + "admin/")
    page.get_by_role("button", name="Login").click()
    page.get_by_role("link", name="Engagements").first.wait_for()
    yield page
    context.close()
    # The editor kept to its own policy and asked nothing of any other website.
    assert not problems, problems


def _choose(page, label: str, value: str) -> None:
    box = page.get_by_label(label, exact=True)
    box.click()
    box.fill(value)
    page.get_by_role("option", name=value).first.click()


def _add_item(page, button: str, value: str) -> None:
    page.get_by_role("button", name=button).click()
    page.get_by_label("Item", exact=True).last.fill(value)


def _fill_a_new_engagement(page, editor: Editor, closes: str = "2027-02-28") -> None:
    page.goto(editor.base + "admin/#/collections/engagements/new")
    page.get_by_label("Title", exact=True).first.fill("Walking groups for older people")
    page.get_by_label("Summary", exact=True).fill("We want to start walking groups. Tell us where and when suits you.")
    _choose(page, "Lead organisation", "Example Vale Council")
    _choose(page, "How much of the area it covers", "One town or borough (place)")
    _choose(page, "Places", "Marshbury")
    _choose(page, "Topics", "Social care")
    _add_item(page, "Add who it is for", "Older people")
    _choose(page, "Type of engagement", "Survey or feedback")
    page.locator('[data-slate-editor="true"]').first.click()
    page.keyboard.type("More older people want to walk with others, and we want to know what would help.")
    _add_item(page, "Add what people's views can change", "Where and when the groups meet")
    page.get_by_label("Opens (first day)").fill("2027-01-04")
    page.get_by_label("Closes (last day)").fill(closes)
    page.locator("[id^=online-field]").get_by_role("button", name="Expand").click()
    page.get_by_label("Web address (optional)").first.fill("https://example.org/walking")
    page.get_by_label("Team", exact=True).fill("Active Example Vale team")
    page.get_by_label("Email (optional)", exact=True).last.fill("walking@example.org")
    page.get_by_label("Who", exact=True).fill("Example Vale Council cabinet")
    page.get_by_label("When", exact=True).fill("Spring 2027")


def _saved(page) -> None:
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Entry saved").wait_for()


def test_a_new_engagement_saved_in_the_form_is_a_branch_whose_record_passes_the_check(tab, editor, tmp_path):
    _fill_a_new_engagement(tab, editor)
    _saved(tab)
    branch = "cms/engagements/walking-groups-for-older-people"
    editor.wait_for_branch(branch)
    text = editor.record_on(branch, "walking-groups-for-older-people")
    assert text.splitlines()[0] == SCHEMA_COMMENT
    record = yaml.safe_load(text)
    assert record["places"] == ["Marshbury"] and record["topics"] == ["Social care"]
    assert record["take_part"] == {"online": {"link": "https://example.org/walking"}}  # empty parts left out
    assert str(record["opens"]) == "2027-01-04" and str(record["closes"]) == "2027-02-28"
    assert "fine" in editor.check_branch(branch, tmp_path)
    assert "main" in editor.branches()  # saved for review: main is untouched
    assert "walking-groups" not in _git(editor.repo, "ls-tree", "-r", "--name-only", "main")


def test_an_outcome_added_in_the_form_is_a_branch_whose_record_passes_the_check(tab, editor, tmp_path):
    tab.goto(editor.base + "admin/#/collections/engagements/entries/dental-care-access")
    tab.locator("[id^=outcome-field]").get_by_role("button", name="Expand").first.click()
    tab.get_by_label("Published (optional)", exact=True).fill("2026-11-20")
    tab.locator('[data-slate-editor="true"]').nth(1).click()
    tab.keyboard.type("Most people who answered could not find an NHS dentist near home.")
    tab.get_by_label("Total (optional)", exact=True).fill("412")
    tab.get_by_role("button", name="Add themes").click()
    tab.get_by_label("Theme", exact=True).fill("Waiting lists")
    tab.get_by_label("Detail", exact=True).fill("People wait more than a year for a check-up.")
    _saved(tab)
    branch = "cms/engagements/dental-care-access"
    editor.wait_for_branch(branch)
    outcome = yaml.safe_load(editor.record_on(branch, "dental-care-access"))["outcome"]
    assert str(outcome["published"]) == "2026-11-20" and outcome["took_part"] == {"total": 412}
    assert outcome["themes"] == [{"theme": "Waiting lists", "detail": "People wait more than a year for a check-up."}]
    assert "fine" in editor.check_branch(branch, tmp_path)


def _refused(page, editor: Editor, message: str) -> None:
    before = editor.branches()
    page.get_by_role("button", name="Save").click()
    page.locator(".Toastify").get_by_text(re.compile(message)).wait_for()
    time.sleep(1)  # a save would have made its branch by now
    assert editor.branches() == before


def _clear(page, label: str) -> None:
    page.get_by_label(label, exact=True).click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")


def test_the_form_refuses_an_empty_required_field_before_saving(tab, editor):
    _fill_a_new_engagement(tab, editor)
    _clear(tab, "Summary")
    _refused(tab, editor, "missed a required field")
    tab.get_by_text("Summary is required.").wait_for()


def test_the_form_refuses_an_empty_required_field_inside_a_group(tab, editor):
    _fill_a_new_engagement(tab, editor)
    _clear(tab, "Team")
    _refused(tab, editor, "missed a required field")
    tab.get_by_text("Team is required.").wait_for()


def test_the_form_refuses_a_closing_date_before_the_opening_date(tab, editor):
    _fill_a_new_engagement(tab, editor, closes="2026-12-01")
    _refused(tab, editor, "Closes \\(last day\\) is 2026-12-01, before it opens on 2027-01-04")


def test_the_form_refuses_half_an_optional_part(tab, editor):
    _fill_a_new_engagement(tab, editor)
    tab.locator("[id^=phone-field]").get_by_role("button", name="Expand").first.click()
    tab.locator("[id^=phone-field]").get_by_label("Description (optional)").first.fill("Call us in the morning.")
    _refused(tab, editor, "Phone: fill in Number")
