"""The functions-and-decisions map: references are checked, and the site links both ways."""

from __future__ import annotations

import pytest

from conftest import ROOT, copy_hub, mkdocs_build, validate
from hub.records.map_loading import load_map
from pages import content, links, page, text


def _hub(tmp_path):
    return copy_hub(tmp_path)


def _edit(path, old, new):
    source = path.read_text()
    assert old in source, old
    path.write_text(source.replace(old, new, 1))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = _hub(tmp_path_factory.mktemp("map"))
    built = mkdocs_build(root)
    assert built.code == 0, built.output
    return root / "site"


BROKEN_REFERENCES = [
    pytest.param(
        "map/bodies.yaml",
        "reports_to: icb-board",
        "reports_to: icb-bord",
        "map/bodies.yaml:23: bodies[2].reports_to: there is no body called 'icb-bord'. Did you mean 'icb-board'?",
        id="a body reports to a body that does not exist",
    ),
    pytest.param(
        "map/decisions.yaml",
        "      - community-hospital-beds",
        "      - community-hospital-bed",
        "map/decisions.yaml:10: decisions[1].informed_by: there is no engagement called "
        "'community-hospital-bed'. Did you mean 'community-hospital-beds'?",
        id="a decision names an engagement that does not exist",
    ),
    pytest.param(
        "engagements/community-hospital-beds.yaml",
        "body: icb-board",
        "body: the-board",
        "engagements/community-hospital-beds.yaml:82: decision.body: there is no body called 'the-board'.",
        id="an engagement names a body that does not exist",
    ),
    pytest.param(
        "map/bodies.yaml",
        "    kind: integrated_care_board\n",
        "    kind: integrated_care_board\n    reports_to: marshbury-place\n",
        "map/bodies.yaml:8: bodies[1].reports_to: the bodies report to each other in a circle",
        id="bodies report to each other in a circle",
    ),
    pytest.param(
        "map/bodies.yaml",
        "    decides:",
        "    decide:",
        "map/bodies.yaml:8: bodies[1].decide: is not a field we know, so it would not be shown. Did you mean 'decides'?",
        id="an unknown field in the map",
    ),
]


@pytest.mark.parametrize("file, old, new, message", BROKEN_REFERENCES)
def test_a_broken_reference_stops_validation_and_the_build_with_a_clear_message(tmp_path, file, old, new, message):
    root = _hub(tmp_path)
    _edit(root / file, old, new)
    for result in (validate(root), mkdocs_build(root)):
        assert result.code == 1
        assert message in result.output, result.output
        assert "Traceback" not in result.output


def test_the_text_version_of_the_map_has_every_body_and_every_reporting_line(site):
    soup = content(page(site, "who-decides/"))
    diagram = soup.select_one("figure.hub-tree")
    outline = soup.select_one(".hub-outline")

    def lines(tree, selector):
        found = set()
        for item in tree.find_all("li"):
            parent = item.find_parent("li")
            name = text(item.select_one(selector))
            found.add((name, text(parent.select_one(selector)) if parent else None))
        return found

    drawn = lines(diagram, ".hub-tree__box")
    written = lines(outline, "a")
    area, _ = load_map(ROOT / "map")
    names = {b.item.id: b.item.name for b in area.bodies}
    expected = {(b.item.name, names.get(b.item.reports_to)) for b in area.bodies}
    assert drawn == written == expected
    table = {text(r.th): text(r.find_all("td")[1]) for r in soup.select("table.hub-bodies tbody tr")}
    assert set(table) == set(names.values())
    assert table["Marshbury Primary Care Network"] == "Marshbury Place Partnership"


def test_the_site_links_engagement_to_decision_and_back(site):
    engagement = content(page(site, "engagements/community-hospital-beds/"))
    assert any(h.endswith("who-decides/icb-board/") for h in links(engagement))
    assert any(h.endswith("decisions/marsh-lane-beds-2026/") for h in links(engagement))
    decision = content(page(site, "decisions/marsh-lane-beds-2026/"))
    assert any(h.endswith("engagements/community-hospital-beds/") for h in links(decision))
    assert "Care at night." in text(decision)  # a theme of what people said


def test_a_body_page_lists_its_decisions_and_how_to_take_part(site):
    body = content(page(site, "who-decides/icb-board/"))
    assert any(h.endswith("decisions/marsh-lane-beds-2026/") for h in links(body))
    assert "Send your question by email" in text(body)
    decision = content(page(site, "decisions/marsh-lane-beds-2026/"))
    assert any(h.endswith("who-decides/icb-board/") for h in links(decision))
