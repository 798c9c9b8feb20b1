# Sourced by serve.sh and test.sh: make .venv and install the pinned dependencies when needed.
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# The browser tests use Debian's Chromium: Playwright never downloads a browser here.
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing chromium (first run only)..."
  as_root=""
  [ "$(id -u)" -eq 0 ] || as_root="sudo"
  $as_root apt-get update
  $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
fi
stamp=.venv/.installed
if [ ! -x .venv/bin/python ] || [ pyproject.toml -nt "$stamp" ] || [ scripts/constraints.txt -nt "$stamp" ]; then
  echo "Setting up .venv (first run only)..."
  python3 -m venv .venv
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -c scripts/constraints.txt -e ".[test]"
  touch "$stamp"
fi
export PATH="$PWD/.venv/bin:$PATH"
export NO_MKDOCS_2_WARNING=1
