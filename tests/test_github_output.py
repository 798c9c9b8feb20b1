"""In GitHub Actions the checks show each problem on its line of the pull request, and write a summary."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import DEMO_TODAY, ROOT


def run_in_github(tmp_path, script: str, *args: str) -> tuple[str, str]:
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary), "HUB_TODAY": DEMO_TODAY}
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done.stdout, summary.read_text(encoding="utf-8") if summary.exists() else ""


def test_validate_annotates_problems_as_errors_on_their_lines(tmp_path):
    record = tmp_path / "broken-record.yaml"
    record.write_text("title: Beds\nopens: next week\n", encoding="utf-8")
    out, summary = run_in_github(tmp_path, "validate.py", str(record))
    assert f"::error file={record},line=2,title=Record%3A opens::" in out
    assert "problems to fix" in summary


def test_validate_annotates_warnings_as_warnings(tmp_path):
    out, summary = run_in_github(tmp_path, "validate.py")
    assert "::warning file=engagements/hearing-services-review.yaml,line=" in out
    assert "::error" not in out
    assert summary.startswith("**Records:** All 17 records are fine")


def test_plain_english_writes_its_result_to_the_summary(tmp_path):
    _, summary = run_in_github(tmp_path, "plain_english.py", "engagements/carers-breaks.yaml")
    assert summary.startswith("**Plain English:** Checked 1 file")
