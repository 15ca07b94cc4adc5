#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian or Ubuntu machine
# (system packages too), then runs ruff, mypy and the tests on the latest
# allowed versions of every dependency, and the tests again on the lowest
# allowed versions (uv's --resolution lowest-direct), so that the lower bounds
# in pyproject.toml stay true.
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
