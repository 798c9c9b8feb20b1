"""The GitHub Actions workflows: valid, and running the same commands as the README."""

from __future__ import annotations

import re

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
        "bash scripts/test.sh",
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
    assert data["permissions"]["pages"] == "write"


def test_the_pull_request_template_has_the_staff_checklist():
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] (.+)$", template, re.MULTILINE)
    assert len(boxes) >= 8
    assert any("tell us once" in box for box in boxes)
