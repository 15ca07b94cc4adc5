"""Timestamps in a source file, to Unix seconds (UTC), for a whole column at once.

Accepted: ISO 8601 (``2026-09-01T08:15:00``, with a space, without seconds, with
fractions, with ``Z`` or an offset such as ``+02:00``); with ``day_first``,
``01/09/2026 08:15`` too. A timestamp without a zone is in the source's zone.
"""

from __future__ import annotations

import polars as pl

_ISO = ("%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d")
_DAY_FIRST = ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d-%m-%Y %H:%M:%S", "%d-%m-%Y %H:%M",
              "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d/%m/%Y")
_ZONE = r"(Z|z|[+-]\d{2}:?\d{2})$"


def _local(parsed: pl.Expr, zone: str) -> pl.Expr:
    return parsed.dt.replace_time_zone(zone, ambiguous="earliest", non_existent="null") \
        .dt.epoch("s")


def to_seconds(text: pl.Series, zone: str, day_first: bool) -> pl.Series:
    """Unix seconds for each value; null where empty or not a timestamp
    (``bad`` tells them apart). The usual ``2026-09-01 08:15:00`` is tried first
    on the whole column; only what it leaves is parsed the slower, general way."""
    frame = pl.DataFrame({"t": text})
    usual = frame.select(_local(pl.col("t").str.strptime(
        pl.Datetime("us"), _ISO[1], strict=False), zone).alias("s"))["s"]
    if not ((text != "") & usual.is_null()).any():
        return usual.cast(pl.Int64)
    return usual.fill_null(_general(frame, zone, day_first)).cast(pl.Int64)


def _general(frame: pl.DataFrame, zone: str, day_first: bool) -> pl.Series:
    zoned = pl.col("t").str.extract(_ZONE, 1)
    bare = pl.col("t").str.replace(_ZONE, "").str.replace("T", " ").str.strip_chars()
    formats = _ISO + (_DAY_FIRST if day_first else ())
    parsed = pl.coalesce([bare.str.strptime(pl.Datetime("us"), f, strict=False)
                          for f in formats])
    sign = pl.when(zoned.str.starts_with("-")).then(-1).otherwise(1)
    digits = zoned.str.replace_all(r"[^0-9]", "")
    offset = (pl.when(zoned.str.to_uppercase() == "Z").then(0)
              .when(zoned.is_not_null())
              .then(sign * (digits.str.slice(0, 2).cast(pl.Int64, strict=False) * 3600
                            + digits.str.slice(2, 2).cast(pl.Int64, strict=False) * 60)))
    as_local = _local(parsed, zone)
    as_offset = parsed.dt.replace_time_zone("UTC").dt.epoch("s") - offset
    result = frame.select(
        pl.when(zoned.is_not_null()).then(as_offset).otherwise(as_local).alias("s"))
    return result["s"].cast(pl.Int64)


def bad(text: pl.Series, seconds: pl.Series) -> pl.Series:
    """Where a value was given but is not a timestamp."""
    return (text != "") & seconds.is_null()
