"""The field kinds that hold other values: lists, mappings and groups of named fields."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from scorecard.data.problems import shown
from scorecard.data.schema.fields import (
    SLUG_RE,
    SLUG_WORDS,
    Checker,
    Number,
    Slug,
    Spec,
    Text,
    did_you_mean,
    found,
    slugify,
    text_fits,
)
from scorecard.data.yaml.document import INVALID
from scorecard.data.yaml.scalars import describe_scalar


@dataclass(frozen=True)
class ListOf(Spec):
    item: Spec = field(default_factory=Text)
    min_items: int = 0

    def expect(self) -> str:
        return "a list"

    def check(self, value: Any, path: tuple[Any, ...], ctx: Checker) -> Any:
        if not isinstance(value, list):
            return ctx.wrong(path, self, value)
        if len(value) < self.min_items:
            ctx.error(path, f"expected a list of at least {self.min_items}, found "
                      f"{'an empty list' if not value else len(value)}")
        # items that fail keep their place (as INVALID), so paths stay right
        return [self.item.check(v, (*path, i), ctx) if v is not INVALID else INVALID
                for i, v in enumerate(value)]

    def json(self) -> dict[str, Any]:
        result: dict[str, Any] = {"type": "array", "items": self.item.schema()}
        if self.min_items:
            result["minItems"] = self.min_items
        return result


@dataclass(frozen=True)
class OneOrList(Spec):
    """One value, or a list of them (``contact: a@b`` or ``contact: [a@b, c@d]``)."""

    item: Spec = field(default_factory=Text)

    def expect(self) -> str:
        return f"{self.item.expect()}, or a list of them"

    def check(self, value: Any, path: tuple[Any, ...], ctx: Checker) -> Any:
        if isinstance(value, list):
            return ListOf(item=self.item, min_items=1).check(value, path, ctx)
        return self.item.check(value, path, ctx)

    def json(self) -> dict[str, Any]:
        one = self.item.schema()
        return {"anyOf": [one, {"type": "array", "items": one, "minItems": 1}]}


@dataclass(frozen=True)
class MapOf(Spec):
    """A mapping whose keys are ids, names or whole numbers, all with one kind of value."""

    key: Spec = field(default_factory=Text)
    value: Spec = field(default_factory=Text)
    key_words: str = "a name"

    def expect(self) -> str:
        return f"a mapping from {self.key_words} to its value (name: value lines)"

    def check_key(self, key: Any, path: tuple[Any, ...], ctx: Checker) -> bool:
        typed = ctx.doc.key_raw.get(path)
        if isinstance(self.key, Number):
            if isinstance(key, int) and self.key.fits(key):
                return True
            text = typed[0] if typed else str(key)
            if isinstance(key, str) and key.isdigit() and self.key.fits(int(key)):
                return True
            ctx.error(path, f"expected {self.key_words}: {self.key.expect()}, found {shown(text)}",
                      key=True)
            return False
        if typed is not None:
            text, value = typed
            ctx.error(path, f"YAML read {shown(text)} as {describe_scalar(text, value)}; "
                      f"this key should be {self.key_words}.",
                      f'Write it in quotes: "{shown(text)}".', key=True)
            return False
        if isinstance(self.key, Text) and isinstance(key, str):
            return text_fits(key, path, ctx, key=True)
        if isinstance(self.key, Slug) and not SLUG_RE.match(str(key)):
            suggestion = slugify(str(key))
            ctx.error(path, f"expected {self.key_words}: {SLUG_WORDS}, found {found(key)}",
                      f"did you mean '{suggestion}'?" if SLUG_RE.match(suggestion) else None,
                      key=True)
            return False
        return True

    def check(self, value: Any, path: tuple[Any, ...], ctx: Checker) -> Any:
        if not isinstance(value, dict):
            return ctx.wrong(path, self, value)
        clean: dict[Any, Any] = {}
        for k, v in value.items():
            sub = (*path, k)
            if not self.check_key(k, sub, ctx):
                continue
            if isinstance(self.key, Number) and isinstance(k, str):
                k = int(k)
            clean[k] = self.value.check(v, sub, ctx) if v is not INVALID else INVALID
        return clean

    def json(self) -> dict[str, Any]:
        names: dict[str, Any]
        if isinstance(self.key, Number):
            names = {"pattern": r"^-?[0-9]+$"}
        elif isinstance(self.key, Slug):
            names = {"pattern": SLUG_RE.pattern}
        else:
            names = {"minLength": 1}
        return {"type": "object", "propertyNames": names,
                "additionalProperties": self.value.schema()}


@dataclass(frozen=True)
class Field:
    name: str
    spec: Spec
    required: bool = False
    description: str = ""
    example: str | None = None
    default: Any = None


@dataclass(frozen=True)
class Obj(Spec):
    """A mapping with named fields; unknown fields are errors."""

    fields: tuple[Field, ...] = ()
    title: str = ""

    def expect(self) -> str:
        return "a group of fields (name: value lines)"

    @property
    def by_name(self) -> Mapping[str, Field]:
        return {f.name: f for f in self.fields}

    def check(self, value: Any, path: tuple[Any, ...], ctx: Checker) -> Any:
        if not isinstance(value, dict):
            if value is None and not path:
                ctx.error(path, "the file holds no fields", rule="schema/no-fields")
                return INVALID
            return ctx.wrong(path, self, value)
        known = self.by_name
        clean: dict[str, Any] = {}
        for key, v in value.items():
            spec = known.get(key) if isinstance(key, str) else None
            sub = (*path, key)
            if spec is None or sub in ctx.doc.key_raw:
                hint = did_you_mean(key, known)
                if hint is None:
                    hint = f"The fields here are: {', '.join(known)}."
                ctx.error(sub, f"unknown field '{shown(key)}'", hint, key=True,
                          rule="schema/unknown-field")
                continue
            if v is INVALID:
                clean[key] = INVALID
                continue
            clean[key] = spec.spec.check(v, sub, ctx)
        for f in self.fields:
            if f.required and f.name not in value:
                hint = f"Add it, e.g. {f.name}: {f.example}" if f.example else None
                ctx.error((*path, f.name), f"the required field '{f.name}' is missing", hint,
                          rule="schema/missing-field")
        return clean

    def json(self) -> dict[str, Any]:
        props: dict[str, Any] = {}
        for f in self.fields:
            sub = f.spec.schema()
            if f.description:
                sub["description"] = f.description
            if f.default is not None:
                sub["default"] = f.default
            props[f.name] = sub
        result: dict[str, Any] = {"type": "object", "properties": props,
                                  "additionalProperties": False}
        required = [f.name for f in self.fields if f.required]
        if required:
            result["required"] = required
        if self.title:
            result["title"] = self.title
        return result
