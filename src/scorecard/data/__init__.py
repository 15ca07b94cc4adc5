"""Data in: reading and checking the evaluation data.

YAML with positions (``yaml``), the schema of each file kind, the validation
rules, periods, where the files come from (a folder or a git ref, ``sources``,
``gitinfo``; ``sameness`` for commits that change only comments), the typed
model they load into (``model``, ``provenance``), and problems as data
(``problems``).

May import: the standard library and PyYAML only; nothing else of scorecard.
"""
