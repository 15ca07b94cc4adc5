"""What each document template receives: plain data, built from results and narration.

One module per document's view model: :mod:`.provider` (the provider
scorecard), :mod:`.team` (the team scorecard), :mod:`.portfolio` and
:mod:`.index`; :mod:`.common` holds the pieces more than one of them uses.
Modules here may import ``scorecard.data``, ``scorecard.figures``,
``scorecard.words`` and other ``scorecard.documents`` modules (``charts``,
``templating``); nothing outside this package imports the private helpers.

A template never gets a model or results object. It gets the small frozen
dataclasses of these modules, made of strings, numbers, days and tuples of the
same, so that a template cannot reach a field it was not meant to show.

Redaction by construction: :class:`~.provider.ProviderPage` (the provider
scorecard) is built by :func:`~.provider.provider_view` from shared fields
only. It has no field for a contract, an exit plan, an internal note or
summary, an individual evaluator's rating, a disagreement, a rank, or another
provider. The internal parts live only in :class:`~.team.TeamPage` and
:class:`~.portfolio.PortfolioPage`. Each view function reads the results
objects field by field; none of them copies an object whole into a view.

Markdown fields (summaries, notes, replies) are passed as the text written in
the data; the templates put them through the ``markdown`` filter.
"""
