"""Words: the plain-language sentences made from the figures (``narrate``) and the
readability measure that keeps them plain (``readability``).

May import: ``scorecard.data`` and ``scorecard.figures``.
"""
