#!/usr/bin/env bash
# Set up, then serve the hub at http://127.0.0.1:8000 (it rebuilds when a record changes).
#   bash scripts/serve.sh            serve
#   bash scripts/serve.sh build      build the site into site/ instead
set -euo pipefail
source "$(dirname "$0")/setup.sh"
if [ "${1:-serve}" = build ]; then
  shift || true
  exec mkdocs build --strict "$@"
fi
[ "${1:-}" = serve ] && shift
exec mkdocs serve "$@"
