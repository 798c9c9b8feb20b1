#!/usr/bin/env bash
# Set up, then serve the hub at http://127.0.0.1:8000 (it rebuilds when a record changes), with the
# staff editor at http://127.0.0.1:8000/admin/ saving to this copy of the repository.
#   bash scripts/serve.sh            serve
#   bash scripts/serve.sh build      build the site into site/ instead
set -euo pipefail
source "$(dirname "$0")/setup.sh"
if [ "${1:-serve}" = build ]; then
  shift || true
  exec mkdocs build --strict "$@"
fi
[ "${1:-}" = serve ] && shift
# The editor's proxy commits with git in this folder ("git add ." on its own branch), so it starts
# only in a git clone with nothing else waiting to be committed.
if ! git rev-parse --git-dir >/dev/null 2>&1; then
  echo "The staff editor at /admin/ is off: this folder is not a git clone. Clone the repository to use it."
elif [ -n "$(git status --porcelain)" ]; then
  echo "The staff editor at /admin/ is off: this folder has changes that are not committed (git status lists them)."
  echo "Commit them, or put them aside with: git stash --include-untracked. Then run bash scripts/serve.sh again."
else
  bash scripts/editor_proxy.sh &
  proxy=$!
  trap 'kill "$proxy" 2>/dev/null || true' EXIT
  sleep 1
  if kill -0 "$proxy" 2>/dev/null; then
    echo "The staff editor is at http://127.0.0.1:8000/admin/ (press Login). Each change you save there is a git branch here."
  else
    echo "The staff editor's proxy did not start: the lines above say why. Is another bash scripts/serve.sh running?"
  fi
fi
# --dirty: each rebuild makes again only what a change touches (hooks/hub/site/mkdocs_plugin.py, Incremental).
mkdocs serve --dirty "$@"
