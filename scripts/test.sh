#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian or Ubuntu machine
# (system packages too), then runs ruff, mypy and the tests.
# This is the README's test command, and CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
if command -v apt-get >/dev/null 2>&1; then
  $sudo apt-get update -qq
  # WeasyPrint needs Pango; libharfbuzz-subset0 makes it subset fonts with
  # HarfBuzz (fast, deterministic). Chromium checks pages in a real browser;
  # poppler-utils turns PDFs into text and images in tests.
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    python3-venv git libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
    chromium chromium-driver poppler-utils fonts-dejavu-core >/dev/null
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'

echo "== ruff"
.venv/bin/ruff check src tests bench
echo "== mypy"
.venv/bin/mypy
echo "== pytest"
.venv/bin/python -m pytest -q -p no:cacheprovider
