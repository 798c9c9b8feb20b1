#!/usr/bin/env bash
# Set up, then run every check and test: the same command CI runs.
#   bash scripts/test.sh [PYTEST ARGUMENTS]   everything
#   bash scripts/test.sh --after-ci-steps     all but what .github/workflows/check.yml runs as steps of its own
#                                             before it: the records, the words, and the accessibility and link
#                                             checks of the whole site (tests marked whole_site)
#   bash scripts/test.sh --python-tests       only the tests that need no browser, for the job on the oldest
#                                             Python (the other job runs the code checks and the rest)
set -euo pipefail
part="${1:-all}"
case "$part" in
  --after-ci-steps | --python-tests) shift ;;
  *) part=all ;;
esac
if [ "$part" = --python-tests ]; then
  export HUB_SETUP=no-browser
fi
source "$(dirname "$0")/setup.sh"
if [ "$part" = --python-tests ]; then
  exec python -m pytest -m "not browser and not whole_site" "$@"
fi
# The code's own checks first: they take seconds and say exactly which file is wrong.
lint-imports --no-cache   # the layers' import contract in pyproject.toml
ruff check hooks scripts tests
ruff format --check hooks scripts tests
mypy
if [ "$part" = --after-ci-steps ]; then
  exec python -m pytest -m "not whole_site" "$@"
fi
python scripts/validate.py
python scripts/plain_english.py
python -m pytest "$@"
