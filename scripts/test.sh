#!/usr/bin/env bash
# Set up, then run every check and test: the same command CI runs.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
# The code's own checks first: they take seconds and say exactly which file is wrong.
lint-imports --no-cache   # the layers' import contract in pyproject.toml
ruff check hooks scripts tests
ruff format --check hooks scripts tests
mypy
python scripts/validate.py
python scripts/plain_english.py
python -m pytest "$@"
