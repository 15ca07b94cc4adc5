"""What the rules look at, and the helpers they share.

``Drafts`` is the whole data set as far as it could be read, including files
with problems; a ``Rule`` gets it and yields the problems it finds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from scorecard.data.model import Criterion, Programme, Provider
from scorecard.data.periods import Cadence
from scorecard.data.problems import Location, Problem, shown
from scorecard.data.sources import SourceFile
from scorecard.data.yaml.document import YamlDoc, field_name


@dataclass(frozen=True)
class ProviderFile:
    provider: Provider
    doc: YamlDoc
    file: SourceFile


@dataclass(frozen=True)
class RecordFile:
    """A record as far as it passed the field checks (``data``: the sound fields)."""

    data: Mapping[str, Any]
    doc: YamlDoc
    file: SourceFile

    def text(self, name: str) -> str | None:
        value = self.data.get(name)
        return value if isinstance(value, str) else None

    @property
    def provider(self) -> str | None:
        return self.text("provider")

    @property
    def period(self) -> str | None:
        return self.text("period")

    @property
    def folder(self) -> str:
        return self.file.rel[1]

    @property
    def evaluators(self) -> tuple[str, ...] | None:
        """The listed evaluators, or None when the field is absent (the lead alone)."""
        value = self.data.get("evaluators")
        if isinstance(value, list):
            return tuple(v for v in value if isinstance(v, str))
        return None

    def mapping(self, name: str) -> Mapping[Any, Any]:
        value = self.data.get(name)
        return value if isinstance(value, dict) else {}


@dataclass
class Drafts:
    """Everything that could be read, including files with problems."""

    programme: Programme | None
    programme_doc: YamlDoc | None
    providers: list[ProviderFile] = field(default_factory=list)
    records: list[RecordFile] = field(default_factory=list)
    unreadable_providers: set[str] = field(default_factory=set)  # file stems
    today: date | None = None  # the day of the data: a record evaluated after it is an error
    evidence: Any = None  # evidence.apply.Evidence once worked out (v1.2)

    @cached_property
    def provider_by_id(self) -> dict[str, ProviderFile]:
        result: dict[str, ProviderFile] = {}
        for pf in self.providers:
            result.setdefault(pf.provider.id, pf)
        return result

    @cached_property
    def _provider_by_stem(self) -> dict[str, ProviderFile]:
        result: dict[str, ProviderFile] = {}
        for pf in self.providers:
            result.setdefault(pf.file.stem, pf)
        return result

    def provider_file(self, provider_id: str) -> ProviderFile | None:
        """The provider's file, found by its id or, failing that, by its file name
        (so that an id that disagrees with its file name gives one message, not many)."""
        return self.provider_by_id.get(provider_id) or self._provider_by_stem.get(provider_id)

    @cached_property
    def criteria(self) -> dict[str, Criterion]:
        if self.programme is None:
            return {}
        result: dict[str, Criterion] = {}
        for c in self.programme.criteria():
            result.setdefault(c.id, c)
        return result

    def cadence_of(self, provider_id: str) -> tuple[Cadence | None, str]:
        """The provider's cadence, and where it was set (for messages)."""
        pf = self.provider_file(provider_id)
        if pf is not None and pf.provider.cadence is not None:
            return pf.provider.cadence, f"cadence in {pf.file.display}"
        if self.programme is not None and self._programme_cadence_ok:
            return self.programme.cadence, "the programme's cadence in scorecard.yaml"
        return None, ""

    @property
    def _programme_cadence_ok(self) -> bool:
        doc = self.programme_doc
        if doc is None or not isinstance(doc.value, dict):
            return False
        return doc.value.get("cadence", "quarterly") == self.programme.cadence \
            if self.programme is not None else False


Rule = Callable[[Drafts], Iterable[Problem]]


def _error(loc: Location, path: tuple[Any, ...], message: str,
           hint: str | None = None) -> Problem:
    return Problem(loc, message, field=field_name(path), hint=hint)


def _twice(what: str, value: str, first: Location) -> str:
    return f"{what} '{shown(value)}' is used twice (first on line {first.line})"


def _repeated_ids(items: Iterable[Any], what: str, hint: str | None = None) -> Iterator[Problem]:
    """An error at each item whose ``id`` an earlier item already has."""
    seen: dict[str, Location] = {}
    for item in items:
        if item.id in seen:
            yield _error(item.where("id"), (*item.path, "id"),
                         _twice(what, item.id, seen[item.id]), hint)
        else:
            seen[item.id] = item.where("id")
