#!/usr/bin/env bash
# Set up, then run every check and test: the same command CI runs.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
# The browser tests use Debian's Chromium; nothing downloads a browser of its own.
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests..."
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq chromium >/dev/null
fi
python scripts/validate.py
python -m pytest "$@"
