#!/bin/sh
# Installs the Debian or Ubuntu packages scorecard needs: Python's venv and git,
# and Pango for WeasyPrint's PDFs (libharfbuzz-subset0 makes it subset fonts
# with HarfBuzz: fast and deterministic). With --test, also what the test suite
# uses: Chromium (page checks in a real browser), Poppler (PDFs to text and
# images), Node.js (the real yaml-language-server and gitlab-ci-local) and
# rsync (gitlab-ci-local copies the project with it) and openssl (test
# certificates for the SMTP-over-TLS tests).
#
# Works as root (no sudo needed, none installed) and as a user with sudo.
# On a machine without apt-get it does nothing and says so.
set -eu

packages="python3-venv python3-pip git libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core"
if [ "${1:-}" = "--test" ]; then
  packages="$packages chromium chromium-driver poppler-utils rsync openssl"
  # Node.js 18.20 or later; keep one that is there already (it may come with its own npm)
  command -v npm >/dev/null 2>&1 || packages="$packages nodejs npm"
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "no apt-get here: install these (or your system's equivalents) yourself: $packages" >&2
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=""
elif command -v sudo >/dev/null 2>&1; then
  as_root="sudo"
else
  echo "installing system packages needs root: run this as root, or install sudo" >&2
  exit 1
fi

$as_root apt-get update -qq
# shellcheck disable=SC2086  # the package list is meant to split into words
$as_root env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq --no-install-recommends $packages >/dev/null
