"""Words: the plain-language sentences made from the figures, one subject a module,
and the readability measure that keeps them plain.

- ``numbers``: numbers, measured values, gaps, counts, days and lists in words
- ``voice``: who a sentence speaks to (the provider, or about it)
- ``scores``: the headline (overall score, trend, band), no evaluation yet, revisions
- ``criteria``: targets met, each criterion and category, what was not scored
- ``actions``: open, overdue and fixed problems, ideas, one action's state
- ``scope``: which contracted services we used
- ``contract``: the contract's notice deadline and the exit plan (internal)
- ``due``: the evaluation schedule and what needs attention (internal)
- ``portfolio``: a provider's rank and the portfolio's bands (internal)
- ``readability``: the Flesch-Kincaid grade of a text
- ``sandbox``: the sandboxed Jinja environment the sentences are set in, for the
  documents and the e-mails alike (here because both stages may import words)

Computed figures in plain words: short sentences, one idea each. Every
function returns plain strings (no HTML, no Markdown; templates escape
them). Scores are shown as whole numbers (``scorecard.figures.rounding.display``);
measured values as written in the data, with their unit ("42 minutes",
"99.95%"); days as "30 September 2026", whatever the locale.

Voice: a document for the provider speaks to it ("You met 7 of your 9 service
targets.") and calls the organisation "we"; an internal document names the
provider ("Acme met 7 of its 9 targets."). Functions that differ by
audience take ``internal``; provider-facing text never mentions evaluators,
other providers, ranks, the contract or the exit plan. Functions without an
``internal`` parameter whose names say so (contract, exit plan, rank,
schedule, due, attention, portfolio) are for internal documents only.

May import: ``scorecard.data`` and ``scorecard.figures``.
"""
