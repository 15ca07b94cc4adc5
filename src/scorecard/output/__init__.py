"""Output: putting rendered documents into the output folder.

The output folder held by one build: its lock, its staging area and whose it
is (``folder``); the manifest of what a build made (``manifest``), publishing
with it (``publish``) and moving files into place without following links
(``moves``); reuse of unchanged PDFs, proved by a keyed hash (``reuse``); the
worker pool (``pool``) and the CI job summary (``summary``).

May import: ``scorecard.data``, ``scorecard.figures``, ``scorecard.words``.
Not ``scorecard.documents``: output moves files, it does not make them.
"""
