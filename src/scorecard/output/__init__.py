"""Output: putting rendered documents into the output folder.

The manifest of what a build made (``manifest``), publishing with it
(``publish``), reuse of unchanged PDFs (``reuse``), the worker pool (``pool``)
and the CI job summary (``summary``).

May import: ``scorecard.data``, ``scorecard.figures``, ``scorecard.words``.
Not ``scorecard.documents``: output moves files, it does not make them.
"""
