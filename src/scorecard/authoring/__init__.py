"""Authoring: the files scorecard writes for people to fill in: the scaffold of a
new repository (``scaffold``, for ``scorecard init``) and the skeleton of the
next record (``skeleton``, for ``scorecard new``).

May import: ``scorecard.data``, ``scorecard.figures``, ``scorecard.words``.
"""
