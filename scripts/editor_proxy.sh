#!/usr/bin/env bash
# Start decap-server, the staff editor's local proxy: git mode (each saved change is a branch), and
# listening on this computer only (127.0.0.1). serve.sh starts it; the tests start it on a copy.
#   bash scripts/editor_proxy.sh [REPOSITORY_FOLDER]       default: this repository; EDITOR_PROXY_PORT (8081)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export MODE=git BIND_HOST=127.0.0.1 GIT_REPO_DIRECTORY="${1:-$here}" PORT="${EDITOR_PROXY_PORT:-8081}"
export LOG_LEVEL="${LOG_LEVEL:-warn}"
exec node "$here/node_modules/decap-server/dist/index.js"
