"""The line on every document that says what its figures come from.

Internal documents name the version (commit) of our records. A provider's copy
names the day our records were saved and a reference (the same short id, which
the provider can quote back to us), not the word "version" of a tool it does not
use (README, "Where the contract was silent or ambiguous"). Both stay traceable:
the full commit is in the document's metadata and in manifest.json.
"""

from __future__ import annotations

from datetime import date

from scorecard.words.numbers import day_words

__all__ = ["provenance_line"]


def provenance_line(as_of: date, short_commit: str, commit_day: date | None, *,
                    dirty: bool, internal: bool) -> str:
    draft = ", with changes not yet recorded (draft)" if dirty else ""
    if internal or commit_day is None:
        return f"Figures as of {day_words(as_of)}. They come from version {short_commit} of " \
               f"our records{draft}."
    return (f"Figures as of {day_words(as_of)}. From our records of {day_words(commit_day)}, "
            f"reference {short_commit}{draft}.")
