"""Delivery: e-mailing each party its documents from a finished build.

``recipients`` says who gets what (from the data and the build's manifest),
``sentlog`` keeps the record of what was sent (``sent.jsonl``) and decides
what is new, ``safety`` refuses what must never go out, ``messages`` writes
each e-mail from its template, ``outbox`` and ``smtp`` deliver them (a dry
run into ``.eml`` files, or through a real server), ``send`` runs a whole
send top to bottom, ``reminders`` tells each lead what is due, and ``reply``
writes a provider's answer into its record.

May import: ``scorecard.data``, ``scorecard.figures``, ``scorecard.words``,
``scorecard.output`` (the manifest). Never Click: the CLI is thin.
"""
