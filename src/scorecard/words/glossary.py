"""The words the documents use: one word for one thing, in every document.

``TERMS`` is the glossary (docs/glossary.md prints it for readers); ``AVOID``
lists the words that drifted in for the same things, with the word to use
instead; ``PROVIDER_JARGON`` the words a provider's copy never uses. Tests hold
every document to them (tests/e2e/test_document_words.py).
"""

from __future__ import annotations

import re

__all__ = ["AVOID", "PROVIDER_JARGON", "TERMS", "avoided", "jargon"]

TERMS: dict[str, str] = {
    "score": "a number from 0 to 100 for a criterion, a category or the whole "
             "(the overall score).",
    "point": "one step on the 0 to 100 score: \"down 5 points\" is a change of the score.",
    "percentage point": "the gap between two percentages: 85% is 15 percentage points short "
                        "of 100%.",
    "target": "what was agreed for a measured criterion; met or missed.",
    "criterion": "one thing we look at, measured against a target or rated on a scale.",
    "rating": "what an evaluator gives a rated criterion on the scale (for example 4 of 5).",
    "status": "where the overall score falls: Strong, Adequate or At risk (the bands of "
              "the data); no status when too little was scored.",
    "problem": "something we asked the provider to fix, with a due day (a deficiency in "
               "the data).",
    "idea": "an improvement one side proposed; proposed, adopted or declined.",
    "overdue": "open after its due day.",
    "service": "one of the services in the contract; used or not used in a period.",
    "evaluation": "our scoring of one provider for one period.",
}

# A word that drifted in for a thing the glossary names, and the word to use instead.
AVOID: dict[str, str] = {
    r"\bdeficienc(?:y|ies)\b": "problem",
    r"\bbands?\b": "status",
    r"\brated (?:Strong|Adequate|At risk)\b": "status",
    r"\b(?:lowest|highest) rating\b": "status",
    r"\bactions and ideas\b": "problems and ideas",
    r"\bfindings? of ours\b": "problem",
}

# Words of our method a provider is not trained in, and commit ids.
PROVIDER_JARGON: tuple[str, ...] = (
    r"\bfloors?\b",
    r"\bprogramme\b",
    r"\bmedian\b",
    r"\bcommit\b",
    r"\bcoverage\b",
    r"\bweighted\b",
    r"\bversion [0-9a-f]{7,40}\b",
    r"\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}\b",  # a commit id
)


def avoided(text: str) -> list[tuple[str, str]]:
    """(the word found, the word to use) for each avoided word in ``text``."""
    return [(m.group(0), use) for pattern, use in AVOID.items()
            for m in re.finditer(pattern, text, re.IGNORECASE)]


def jargon(text: str) -> list[str]:
    """Every jargon word of ``PROVIDER_JARGON`` in ``text``."""
    return [m.group(0) for pattern in PROVIDER_JARGON
            for m in re.finditer(pattern, text, re.IGNORECASE)]
