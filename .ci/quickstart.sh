#!/usr/bin/env bash
# Runs the README's quick start exactly as written, from a fresh clone, twice:
# as root without sudo (the script must not need it), then as a user with sudo.
# Needs root (CI runs as root); it installs sudo and adds a user for the second run.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || { echo "quickstart check: run as root" >&2; exit 1; }
src="$PWD"
git config --global --add safe.directory "$src" 2>/dev/null || true  # a clone owned by another user
quick_start() {  # the README's quick start command, as written
  sh scripts/install.sh && .venv/bin/scorecard build
}

echo "== quick start as root$(command -v sudo >/dev/null || echo ', no sudo installed')"
work=$(mktemp -d)
git clone -q "$src" "$work/scorecard"
(cd "$work/scorecard" && quick_start && test -s reports/portfolio.pdf)
rm -rf "$work"

echo "== quick start as a user with sudo"
env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends sudo >/dev/null
id scorecard-qs >/dev/null 2>&1 || useradd --create-home --shell /bin/bash scorecard-qs
echo "scorecard-qs ALL=(ALL) NOPASSWD: ALL" > /etc/sudoers.d/scorecard-qs
chmod 0440 /etc/sudoers.d/scorecard-qs
home=/home/scorecard-qs
rm -rf "$home/scorecard"
git clone -q "$src" "$home/scorecard"
chown -R scorecard-qs: "$home/scorecard"
su - scorecard-qs -c "cd scorecard && sh scripts/install.sh && .venv/bin/scorecard build && test -s reports/portfolio.pdf"
rm -rf "$home/scorecard"
echo "quick start: works as root without sudo and as a user with sudo"
