"""The pipeline: one build, top to bottom (``build``): load, validate, score,
plan, render, publish.

Modules:

- ``build``: ``build()`` itself, and its load, validate, score and plan stages.
- ``options``: what a build is asked to do (``BuildOptions``, ``Shard``) and
  what it reports (``BuildReport``, ``Progress``).
- ``stamps``: the data files each provider or team document is made from,
  and so its own commit and draft state (per-document provenance).
- ``render``: rendering the planned documents into a scratch folder, in worker
  processes, reusing unchanged PDFs (also from the shards given with --join).
- ``publishing``: the build's manifest and files handed to
  ``scorecard.output.publish``; the index refreshed after a narrowed build.

May import every stage below it; only ``scorecard.cli`` imports it.
"""
