"""`mkdocs serve --dirty` (as scripts/serve.sh runs it) makes again only what a change touches, and after any
series of edits, additions and deletions leaves exactly the site a full build makes from the same files."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import DEMO_TODAY, ROOT, copy_hub

DRIVER = Path(__file__).parent / "serve_like.py"
# Written on every build, changed or not, by MkDocs and the search plugin.
ALWAYS_WRITTEN = {"404.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json"}


def _run(hub: Path, site: Path, steps: list, *options: str) -> list[dict]:
    steps_file = hub.parent / f"{site.name}-steps.json"
    steps_file.write_text(json.dumps(steps))
    done = subprocess.run(
        [sys.executable, str(DRIVER), str(hub), str(site), str(steps_file), *options],
        capture_output=True,
        text=True,
        timeout=900,
        env={"HUB_TODAY": DEMO_TODAY, "NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def _full_build(tmp_path: Path, hub: Path, name: str) -> dict[str, str]:
    """A full build of the hub as it is now, in a fresh process, into a folder of its own."""
    [built] = _run(hub, tmp_path / name, [], "--full")
    assert built["failed"] is None, built["log"]
    return built["files"]


def _text(hub: Path, path: str) -> str:
    return (hub / path).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The demo hub served, then changed step by step; after each group of steps, a full build to compare."""
    tmp = tmp_path_factory.mktemp("incremental")
    (tmp / "hub").mkdir()
    hub = copy_hub(tmp / "hub")
    carers = _text(hub, "engagements/carers-breaks.yaml")
    stroke = _text(hub, "engagements/stroke-rehabilitation.yaml")
    about = _text(hub, "content/about.md")
    bodies = _text(hub, "map/bodies.yaml")
    steps = [
        [],  # nothing changed
        [
            {
                "write": "engagements/carers-breaks.yaml",
                "text": carers.replace("title: Breaks for unpaid carers", "title: Short breaks for unpaid carers"),
            }
        ],
        [
            {
                "write": "engagements/stroke-rehabilitation.yaml",
                "text": stroke.replace("summary: ", "summary: Changed. ", 1),
            }
        ],
        [
            {"write": "engagements/stroke-rehab-again.yaml", "text": stroke.replace("title: ", "title: Again ", 1)},
            {"delete": "engagements/dental-care-access.yaml"},
            {"write": "content/about.md", "text": about + "\nOne more line.\n"},
        ],
        [{"write": "engagements/carers-breaks.yaml", "text": "title: [not closed\n"}],  # a wrong record stops the build
        [{"write": "engagements/carers-breaks.yaml", "text": carers}],
        [{"write": "map/bodies.yaml", "text": bodies + "\n# A comment changes the map's bytes.\n"}],
    ]
    builds = _run(hub, tmp / "served", steps)
    return tmp, hub, builds


def test_a_rebuild_with_nothing_changed_writes_nothing_again(served):
    _, _, builds = served
    assert builds[0]["failed"] is None, builds[0]["log"]
    assert set(builds[1]["written"]) <= ALWAYS_WRITTEN
    assert builds[1]["files"] == builds[0]["files"]


def test_a_changed_record_rewrites_its_page_and_lists_not_every_page(served):
    _, _, builds = served
    written = set(builds[2]["written"])
    assert "engagements/carers-breaks/index.html" in written
    assert "engagements/index.html" in written  # the list of all engagements shows its title
    assert "engagements/stroke-rehabilitation/index.html" not in written
    pages = [path for path in builds[2]["files"] if path.endswith(".html")]
    assert len(written) < len(pages) / 2, sorted(written)


def test_a_rebuild_logs_warnings_only_for_the_changed_record_then_how_many_in_all(served):
    _, _, builds = served
    first = [line for line in builds[0]["log"] if "warning:" in line]
    assert len({line.split(":")[1].strip() for line in first}) > 1  # the first build shows every record's
    again = [line for line in builds[2]["log"] if "warning:" in line]
    assert again and all("carers-breaks.yaml" in line for line in again), again
    summary = [line for line in builds[2]["log"] if "in the records you changed" in line]
    assert len(summary) == 1 and re.search(
        r"\d+ warnings? in the records you changed; \d+ warnings? in the others", summary[0]
    )


def test_after_edits_additions_and_deletions_the_site_is_what_a_full_build_makes(served, tmp_path):
    tmp, hub, builds = served
    assert builds[5]["failed"] and "carers-breaks.yaml" in builds[5]["failed"] + " ".join(builds[5]["log"])
    for step in (4, 6, 7):
        assert builds[step]["failed"] is None, builds[step]["log"]
    # The hub as it is after the last step; the earlier steps are checked against a replay below.
    full = _full_build(tmp_path, hub, "full")
    assert builds[7]["files"] == full, _differences(builds[7]["files"], full)


def test_after_a_new_title_an_addition_and_deletions_the_site_is_what_a_full_build_makes(tmp_path):
    """Each step rebuilds from the last; the end must not keep a page, search entry or file of a deleted record."""
    (tmp_path / "hub").mkdir()
    hub = copy_hub(tmp_path / "hub")
    carers = _text(hub, "engagements/carers-breaks.yaml")
    steps = [
        [
            {
                "write": "engagements/carers-breaks.yaml",
                "text": carers.replace("title: Breaks for unpaid carers", "title: Breaks for carers"),
            }
        ],
        [{"write": "engagements/carers-again.yaml", "text": carers.replace("title: ", "title: Again ", 1)}],
        [{"delete": "engagements/carers-again.yaml"}, {"delete": "engagements/hearing-services-review.yaml"}],
    ]
    builds = _run(hub, tmp_path / "served", steps)
    assert all(b["failed"] is None for b in builds), [b["log"] for b in builds if b["failed"]]
    full = _full_build(tmp_path, hub, "full")
    assert builds[-1]["files"] == full, _differences(builds[-1]["files"], full)


def test_serves_first_build_shares_its_pages_out_and_a_rebuild_after_it_is_what_a_full_build_makes(tmp_path):
    """As a big hub's: the first build makes and writes its pages in two processes (hub/site/shared_work.py);
    the rebuild after a save, in this one, draws again the theme for the kinds of page the other drew."""
    (tmp_path / "hub").mkdir()
    hub = copy_hub(tmp_path / "hub")
    before = _full_build(tmp_path, hub, "before")
    carers = _text(hub, "engagements/carers-breaks.yaml")
    steps = [
        [
            {
                "write": "engagements/carers-breaks.yaml",
                "text": carers.replace("title: Breaks for unpaid carers", "title: Breaks for carers"),
            }
        ],
    ]
    first, rebuilt = _run(hub, tmp_path / "served", steps, "--share")
    assert first["failed"] is None and rebuilt["failed"] is None, first["log"] + rebuilt["log"]
    assert first["other_writers"] == 1
    assert first["files"] == before, _differences(first["files"], before)
    after = _full_build(tmp_path, hub, "after")
    assert rebuilt["files"] == after, _differences(rebuilt["files"], after)
    assert "engagements/carers-breaks/index.html" in rebuilt["written"]


def test_pages_the_navigation_leaves_out_are_filled_into_one_drawing_of_the_theme_per_folder(served):
    """hub/site/shells.py: the first page of each kind is drawn by the theme and compared with its drawing
    filled in; every kind on the demo must match, or each of its pages is drawn by the theme again (slowly)."""
    _, _, builds = served
    drawings = builds[0]["drawings"]
    assert any(kind.startswith("engagements/") for kind in drawings), drawings
    assert all(drawings.values()), drawings


def test_a_rebuild_fills_in_the_theme_drawings_of_the_last_build_and_draws_none_again(served):
    """While the theme, mkdocs.yml and the navigation are as they were, a saved record's pages and lists are
    filled into the drawings made before; drawing each through the theme again took a fifth of a rebuild."""
    _, _, builds = served
    assert builds[0]["theme_drawings"]  # the first page of each kind
    assert "engagements/carers-breaks/index.html" in builds[2]["written"]
    assert builds[2]["theme_drawings"] == []
    assert builds[2]["drawings"] == builds[0]["drawings"]


def test_templates_ask_the_catalogue_only_for_what_every_fingerprint_includes():
    """hub/outputs/fingerprint.py counts the catalogue as the date, the settings and the groups' addresses:
    a template that asked it for anything about other records would be shown stale by mkdocs serve."""
    allowed = {"today", "group_url", "reach", "outcome_due", "settings"}
    used = set()
    for template in (ROOT / "hooks" / "hub" / "site" / "templates").glob("*.html"):
        used |= set(re.findall(r"\bcatalogue\.(\w+)", template.read_text(encoding="utf-8")))
    assert used <= allowed, used - allowed
    # The map's view: its bodies and decisions only, not the engagements joined to them.
    allowed = {"by_id", "children", "parent", "roots", "bodies", "decisions_of"}
    used = set()
    for template in (ROOT / "hooks" / "hub" / "site" / "templates").glob("*.html"):
        used |= set(re.findall(r"\bview\.(\w+)", template.read_text(encoding="utf-8")))
    assert used <= allowed, used - allowed


def _differences(got: dict[str, str], want: dict[str, str]) -> dict[str, list[str]]:
    return {
        "missing": sorted(want.keys() - got.keys())[:20],
        "extra": sorted(got.keys() - want.keys())[:20],
        "different": sorted(p for p in want.keys() & got.keys() if want[p] != got[p])[:20],
    }


def test_serve_hears_of_a_saved_record_from_the_system_not_by_looking_every_half_second(tmp_path, monkeypatch):
    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer
    from watchdog.observers import Observer
    from watchdog.observers.polling import PollingObserver

    from hub.site.mkdocs_plugin import EngagementHub

    hub = copy_hub(tmp_path)
    config = load_config(config_file=str(hub / "mkdocs.yml"))
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    server.watch(config.docs_dir)
    server.watch(config.config_file_path)
    assert isinstance(server.observer, PollingObserver)  # MkDocs's own

    monkeypatch.setenv("HUB_SERVE_POLLING", "true")  # where the system does not tell of saves, MkDocs's own way
    assert isinstance(EngagementHub().on_serve(server, config, builder=lambda: None).observer, PollingObserver)
    monkeypatch.delenv("HUB_SERVE_POLLING")

    server = EngagementHub().on_serve(server, config, builder=lambda: None)
    server.watch(str(hub / "engagements"))  # as MkDocs does next, for mkdocs.yml's watch: list

    assert isinstance(server.observer, Observer) and not isinstance(server.observer, PollingObserver)
    watched = {Path(w.raw_path) for w in server.observer._watches}
    optional = {hub / name for name in ("map", "vocabulary", "population") if (hub / name).is_dir()}
    assert watched == {Path(config.docs_dir), hub / "mkdocs.yml", hub / "engagements", *optional}
    server.observer.start()
    try:
        # Each build reads every record: reading one must not start another build, or serve would build for ever.
        time.sleep(0.5)  # the system's watches are in place
        for record in (hub / "engagements").glob("*.yaml"):
            record.read_bytes()
        time.sleep(1)
        assert not server._want_rebuild
        (hub / "engagements" / "carers-breaks.yaml").write_text("title: Saved\n", encoding="utf-8")
        with server._rebuild_cond:
            assert server._rebuild_cond.wait_for(lambda: server._want_rebuild, timeout=30)
    finally:
        server.observer.stop()
        server.observer.join()


def test_serve_lists_the_installed_theme_once_and_copies_the_files_mkdocs_would(tmp_path, monkeypatch):
    from jinja2 import FileSystemLoader
    from mkdocs.config import load_config
    from mkdocs.structure.files import Files

    from hub.site import theme_files
    from hub.site.mkdocs_plugin import EngagementHub

    hub = copy_hub(tmp_path)
    config = load_config(config_file=str(hub / "mkdocs.yml"))
    mkdocs_own = Files([])
    mkdocs_own.add_files_from_theme(config.theme.get_env(), config)
    listed: list[str] = []

    class Listing(FileSystemLoader):
        def list_templates(self):
            listed.extend(self.searchpath)
            return super().list_templates()

    monkeypatch.setattr(theme_files, "FileSystemLoader", Listing)
    plugin = EngagementHub()
    plugin.on_startup(command="serve", dirty=True)
    for _ in range(3):
        config = load_config(config_file=str(hub / "mkdocs.yml"))  # as mkdocs serve does on each rebuild
        config = plugin.on_config(config)
        theirs = Files([])
        theirs.add_files_from_theme(config.theme.get_env(), config)
        assert [(f.src_uri, f.abs_src_path) for f in theirs] == [(f.src_uri, f.abs_src_path) for f in mkdocs_own]
    installed = [folder for folder in config.theme.dirs if Path(folder) != Path(config.theme.custom_dir)]
    assert all(listed.count(folder) == 1 for folder in installed), listed
    assert listed.count(config.theme.custom_dir) == 3
