"""Print the CHANGELOG.md section of one version (the release notes), e.g.
``python3 scripts/release_notes.py 0.1.0``; exit 1 when there is none. The
release workflow runs it; tests/e2e/test_release.py checks it."""

from __future__ import annotations

import re
import sys
from pathlib import Path


def section(changelog: str, version: str) -> str | None:
    """The text under ``## [VERSION] - DAY`` up to the next ``## `` heading."""
    heading = re.compile(rf"^## \[{re.escape(version)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", re.M)
    found = heading.search(changelog)
    if found is None:
        return None
    rest = changelog[found.end():]
    end = re.search(r"^(## |\[[^\]]+\]: )", rest, re.M)
    return (rest[: end.start()] if end else rest).strip() + "\n"


def main(argv: list[str]) -> int:
    version = argv[1].removeprefix("v") if len(argv) == 2 else ""
    text = Path(__file__).resolve().parents[1].joinpath("CHANGELOG.md").read_text("utf-8")
    notes = section(text, version) if version else None
    if notes is None:
        print(f"CHANGELOG.md has no section '## [{version}] - YYYY-MM-DD'", file=sys.stderr)
        return 1
    sys.stdout.write(notes)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
