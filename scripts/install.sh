#!/bin/sh
# The quick start's first command: from a clone of this repository on Debian or
# Ubuntu, installs the system packages and then scorecard into .venv/.
# Works as root (no sudo needed) and as a user with sudo.
set -eu
cd "$(dirname "$0")/.."
sh scripts/system-packages.sh
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q .
echo "installed: $(.venv/bin/scorecard --version). Next: .venv/bin/scorecard build"
