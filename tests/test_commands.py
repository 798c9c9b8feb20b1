"""Every command in the README, the staff guide and the new record's "what to do next" runs from the
repository's root as written, with nothing to activate first."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import ROOT, copy_hub

# What a command may start with: the hub's own entry points (they set up .venv and npm themselves), and git.
RUNNABLE = re.compile(r"^(bash scripts/(hub|serve\.sh|test\.sh)\b|git )")
ALIASES = {"new": "new_engagement", "schema": "make_schema", "editor-config": "make_editor_config"}


def _commands(text: str) -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", text, re.DOTALL)
    return [line.split("  #")[0].strip() for block in blocks for line in block.splitlines() if line.strip()]


def _check(command: str) -> None:
    assert RUNNABLE.match(command), f"{command!r} needs something activated first: use bash scripts/hub"
    found = re.match(r"^bash scripts/hub ([\w-]+)", command)
    if found and found[1] not in ("serve", "build", "test", "help"):
        name = ALIASES.get(found[1], found[1].replace("-", "_"))
        assert (ROOT / "scripts" / f"{name}.py").is_file(), command


def test_every_command_in_the_readme_and_the_guide_runs_as_written():
    for source in ("README.md", "content/publish-an-engagement.md"):
        commands = _commands((ROOT / source).read_text(encoding="utf-8"))
        assert len(commands) >= 5, source
        for command in commands:
            _check(command)


def test_what_to_do_next_after_a_new_record_names_commands_that_run(tmp_path):
    root = copy_hub(tmp_path, with_records=False)
    made = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "new_engagement.py"), "--config", str(root / "mkdocs.yml")]
        + ["--title", "Walking groups", "--no-questions"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert made.returncode == 0, made.stderr
    commands = [m.strip() for m in re.findall(r"(?:: |^\s+)((?:bash|git) .+)$", made.stdout, re.MULTILINE)]
    assert len(commands) == 7, made.stdout
    for command in commands:
        _check(command)


def test_the_hub_command_runs_from_the_root_with_no_python_environment_active():
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": os.environ.get("HOME", "/root"), "HUB_TODAY": "2026-11-23"}
    done = subprocess.run(
        ["bash", "scripts/hub", "validate", "engagements/stroke-rehabilitation.yaml"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "The record is fine." in done.stdout
    unknown = subprocess.run(["bash", "scripts/hub", "nonsense"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert unknown.returncode == 1 and "bash scripts/hub validate" in unknown.stdout
