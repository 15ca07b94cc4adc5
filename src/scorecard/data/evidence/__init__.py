"""Values computed from source files (format.md v1.2 "Evidence").

A measured criterion may name a source (``measure.from``); for a record whose
period has that source file, ``sources/<provider>/<period>/<name>.csv`` (or
``.xlsx``), the value is worked out from the file's rows instead of being typed.

- ``spec``: the programme's ``calendars:``, ``sources:`` and each ``measure.from``;
- ``presets``: the column names of the usual ticket-tool exports;
- ``hours``: business-hours calendars (time zone, opening hours, holidays);
- ``table``: reading only the named columns of a CSV or XLSX file, with line numbers;
- ``stamps``: timestamps to UTC, every bad one located;
- ``compute``: the computations of scoring.md v1.2;
- ``outages``: availability from a list of outages;
- ``apply``: all of it for the records of a data set.

May import: the standard library, polars, python-calamine, holidays and other
modules of ``scorecard.data``.
"""
