#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian or Ubuntu machine
# (system packages too), then runs ruff, mypy and the tests on the latest
# allowed versions of every dependency, and the tests again on the lowest
# allowed versions (uv's --resolution lowest-direct), so that the lower bounds
# in pyproject.toml stay true; then the stages' tests on each other supported
# Python (3.11-3.13) the machine has.
# This is the README's test command, and CI runs exactly this. It works as root
# (no sudo needed) and as a user with sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

sh scripts/system-packages.sh --test

# Node tools the tests drive: yaml-language-server and gitlab-ci-local
if command -v npm >/dev/null 2>&1; then
  (cd tests/tools && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'

echo "== ruff"
.venv/bin/ruff check src tests bench
echo "== mypy"
.venv/bin/mypy
echo "== pytest (latest versions)"
.venv/bin/python -m pytest -q -p no:cacheprovider

echo "== pytest (lowest allowed versions)"
rm -rf .venv-lowest
.venv/bin/uv venv -q --seed --python "$(command -v python3)" .venv-lowest
# --compile-bytecode: the holidays library has some 280 country modules to compile otherwise
.venv/bin/uv pip install -q --compile-bytecode --python .venv-lowest/bin/python \
  --resolution lowest-direct -e '.[test]'
.venv/bin/uv pip list --python .venv-lowest/bin/python 2>/dev/null \
  | grep -iE '^(click|pyyaml|jinja2|markdown|weasyprint|nh3|polars|python-calamine|holidays) ' \
  | tr -s ' ' | paste -sd, -
# the suite less the packaging and browser tests, which check the latest tools
.venv-lowest/bin/python -m pytest -q -p no:cacheprovider \
  --ignore=tests/e2e/test_packaging.py --ignore=tests/e2e/test_documents_browser.py \
  --ignore=tests/e2e/test_browser_base.py

# The other supported Pythons this machine has: on PATH, or under pyenv (Debian 12
# packages 3.11 only, and uv downloads no Python here). Each runs the tests of
# the stages (data, figures, words, output, delivery, pipeline), not the command
# line's, the documents' or the end-to-end ones, which are slow and which the
# runs above cover: CI stays well under 30 minutes.
# (A CI matrix that runs this script once per Python sets SCORECARD_OTHER_PYTHONS=0.)
this=$(python3 -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
[ "${SCORECARD_OTHER_PYTHONS:-1}" = 0 ] && exit 0
for version in 3.11 3.12 3.13; do
  [ "$version" = "$this" ] && continue
  found=""
  for candidate in "python$version" "${PYENV_ROOT:-$HOME/.pyenv}/versions/$version".*/bin/"python$version"; do
    if "$candidate" -c 'import sys' >/dev/null 2>&1; then found="$candidate"; break; fi
  done
  if [ -z "$found" ]; then
    echo "== Python $version: not on this machine (GitHub CI tests it)"
    continue
  fi
  echo "== pytest on Python $version ($found): the stages' tests"
  rm -rf ".venv-$version"
  .venv/bin/uv venv -q --seed --python "$found" ".venv-$version"
  .venv/bin/uv pip install -q --python ".venv-$version/bin/python" -e '.[test]'
  ".venv-$version/bin/python" -m pytest -q -p no:cacheprovider \
    tests/data tests/figures tests/words tests/output tests/delivery tests/pipeline
done
