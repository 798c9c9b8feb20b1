#!/usr/bin/env bash
# Set up, then run every check and test: the same command CI runs.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
python scripts/validate.py
python scripts/plain_english.py
python -m pytest "$@"
