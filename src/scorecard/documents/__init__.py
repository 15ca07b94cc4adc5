"""Documents: what is made for each party and how it is drawn.

The plan of documents (``plan``), the view model of each document (``views``),
templating, charts, safe Markdown and PDF rendering.

May import: ``scorecard.data``, ``scorecard.figures``, ``scorecard.words``.
"""
