"""Figures: everything computed from the data.

Scoring, the schedule, actions, contract and exit readiness, ranking, the
computed results (``results``), ``data.json`` (``export``) and what is due.
Pure functions of a ``Dataset`` and an as-of day.

May import: ``scorecard.data``. Never Click, Jinja2 or WeasyPrint.
"""
