"""The Jinja environment every document is rendered with.

Templates come from two folders, searched in order: the user's folder given
with ``--templates DIR`` (any template, the stylesheet or a font can be
replaced there), then ours (:func:`templates_dir`). Autoescape is on and
undefined variables are errors, so a typo in a template fails the build
instead of leaving a hole in a document sent to a provider.

Filters for templates:

- ``markdown``: Markdown from the data to safe HTML (:mod:`scorecard.documents.markdown_safe`).
- ``day``: a date as "30 September 2026".
- ``score``: a figure as a whole number, halves away from zero (72.5 -> "73").
- ``sentence``: text as a sentence, its case kept ("the SOC" -> "The SOC.").

Globals:

- ``inline_css(name)``: the text of a stylesheet found through the loader,
  for a ``<style>`` element, so that the HTML opens offline as one file.
- ``band_class(band, bands)``: the CSS class for a band's badge.

Render with :func:`render_template`; it raises :class:`TemplateRenderError`,
whose :attr:`~TemplateRenderError.problem` names the template and line.
"""

from __future__ import annotations

import functools
import traceback
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import jinja2
from markupsafe import Markup

from scorecard.data.problems import Location, Problem
from scorecard.documents.markdown_safe import render_markdown
from scorecard.figures.rounding import display
from scorecard.words.provenance_line import provenance_line
from scorecard.words.sandbox import plain, sandboxed

__all__ = [
    "DocumentMeta",
    "TemplateRenderError",
    "audience_label",
    "band_class",
    "format_day",
    "format_score",
    "make_environment",
    "render_template",
    "template_dirs",
    "templates_dir",
]

PageSize = Literal["A4", "Letter"]
Audience = Literal["provider", "team", "portfolio"]


def templates_dir() -> Path:
    """Our own templates: ``scorecard/templates`` in a wheel, ``templates/`` in a checkout."""
    try:
        packaged = resources.files("scorecard") / "templates"
        if packaged.is_dir():
            return Path(str(packaged))
    except (ModuleNotFoundError, NotADirectoryError):  # pragma: no cover - odd installs
        pass
    return Path(__file__).resolve().parents[3] / "templates"


def template_dirs(user_templates: Path | None = None) -> list[Path]:
    """The folders templates are looked up in, the user's first. Absolute paths."""
    dirs = [] if user_templates is None else [Path(user_templates).resolve()]
    dirs.append(templates_dir().resolve())
    return dirs


# --- filters ---------------------------------------------------------------


def format_day(value: date) -> str:
    """``date(2026, 9, 30)`` -> ``"30 September 2026"`` (no leading zero, English months)."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def format_score(value: float) -> str:
    """A figure as shown to people: a whole number, halves away from zero."""
    return str(display(value))


def band_class(band: str | None, bands: Sequence[tuple[str, float]]) -> str:
    """CSS class of a band's badge: ``band-top``, ``band-mid``, ``band-low`` or ``band-none``.

    ``bands`` are ``(name, min)`` pairs in any order. The band with the highest
    minimum is ``band-top``, the one with the lowest ``band-low``, any other
    ``band-mid``; ``None`` (no band: too little was scored) is ``band-none``.
    Colour is only a second signal: templates always write the band's name.
    """
    if band is None:
        return "band-none"
    order = [name for name, _ in sorted(bands, key=lambda pair: -pair[1])]
    if band not in order:
        return "band-none"
    if band == order[0]:
        return "band-top"
    if band == order[-1]:
        return "band-low"
    return "band-mid"


def audience_label(audience: Audience, provider_name: str | None = None) -> str:
    """The words on every page saying who may read it."""
    if audience == "provider":
        if not provider_name:
            raise ValueError("a provider document needs the provider's name")
        return f"Shared with {provider_name}"
    return "Internal: do not forward"


# The running header's audience label is whole up to this many characters (issue 23).
RUNNING_LABEL_MAX = 120


@dataclass(frozen=True)
class DocumentMeta:
    """What ``base.html`` needs to frame a document; pass it as ``meta``.

    ``title``: the document's title (``<title>``, PDF title, first heading).
    ``audience_label``: from :func:`audience_label`, printed on every page.
    ``as_of``: the day the figures are computed for.
    ``commit``: the data commit's full or short id (the footer shows 7 characters).
    ``dirty``: the data had uncommitted changes: every page is marked DRAFT.
    ``provider`` and ``period``: shown in the running header when given.
    ``page_size``: ``"A4"`` or ``"Letter"``. ``lang``: the ``<html lang>``.
    """

    title: str
    audience: Audience
    audience_label: str
    as_of: date
    commit: str
    dirty: bool = False
    provider: str | None = None
    period: str | None = None
    organisation: str | None = None
    page_size: PageSize = "A4"
    lang: str = "en"
    commit_day: date | None = None  # the day of ``commit`` (a provider's copy names it)

    @property
    def short_commit(self) -> str:
        return self.commit[:7] if self.commit else "uncommitted"

    @property
    def internal(self) -> bool:
        return self.audience != "provider"

    @property
    def provenance_line(self) -> str:
        """"Figures as of DAY, from ..." (words.provenance_line)."""
        return provenance_line(self.as_of, self.short_commit, self.commit_day,
                               dirty=self.dirty, internal=self.internal)

    @property
    def running_audience(self) -> str:
        """The audience label for the running header of every printed page: whole up to
        ``RUNNING_LABEL_MAX`` characters (at most three lines), else cut at a word with
        "…", so that an extreme provider name never pushes it off the page."""
        label = self.audience_label
        if len(label) <= RUNNING_LABEL_MAX:
            return label
        cut = label[: RUNNING_LABEL_MAX - 1]
        if " " in cut[len("Shared with ") :]:
            cut = cut.rsplit(" ", 1)[0]
        return cut.rstrip(" ,.;:-") + "…"


def sentence(text: str) -> str:
    """``text`` as a sentence: its first letter a capital, every other letter as written
    ("the SOC" stays "the SOC"; Jinja's ``capitalize`` lowers the rest), and a full
    stop unless it ends in one."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


# --- the environment -------------------------------------------------------


# Markdown from the data, rendered once for every document that shows it (a record's
# summary and notes are in its provider and team scorecards); pure, so safe to share.
_markdown = functools.lru_cache(maxsize=4096)(render_markdown)


def make_environment(user_templates: Path | None = None) -> jinja2.Environment:
    """A Jinja environment: the user's templates first, ours after, strict and escaped;
    sandboxed (:mod:`scorecard.words.sandbox`) when the user gave templates."""
    dirs = template_dirs(user_templates)
    # Ours are code we ship; a --templates folder is not: its environment is the
    # sandbox (which costs about 40% of the HTML rendering: bench/sandbox_speed.py).
    factory = sandboxed if user_templates is not None else plain
    env = factory(
        dirs,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["markdown"] = _markdown  # the same text in many documents: once
    env.filters["day"] = format_day
    env.filters["score"] = format_score
    env.filters["sentence"] = sentence
    env.globals["band_class"] = band_class

    def inline_css(name: str) -> Markup:
        assert env.loader is not None
        source, _, _ = env.loader.get_source(env, name)
        # Nothing in a stylesheet may close the <style> element early.
        return Markup(source.replace("</", "<\\/"))

    env.globals["inline_css"] = inline_css
    return env


class TemplateRenderError(Exception):
    """A template could not be rendered; :attr:`problem` says where and why."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(f"{problem.location}: {problem.message}")
        self.problem = problem


def render_template(env: jinja2.Environment, name: str, context: Mapping[str, Any]) -> str:
    """Render template ``name`` with ``context``.

    Raises :class:`TemplateRenderError` for a missing template, a syntax error,
    an undefined variable or an error raised inside the template, with the
    template's file and line in its :class:`~scorecard.data.problems.Problem`.
    """
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateSyntaxError as error:
        where = Location(error.filename or error.name or name, error.lineno or 0)
        raise TemplateRenderError(
            Problem(where, f"template syntax error: {error.message}", hint=_HINT)
        ) from error
    except jinja2.TemplateNotFound as error:
        raise TemplateRenderError(
            Problem(Location(name), f"template not found: {error.name}", hint=_HINT)
        ) from error
    except Exception as error:
        where = _template_frame(error, env) or Location(name)
        message = error.message if isinstance(error, jinja2.TemplateError) else str(error)
        kind = "undefined value" if isinstance(error, jinja2.UndefinedError) else "template error"
        raise TemplateRenderError(
            Problem(where, f"{kind}: {message}", hint=_HINT)
        ) from error


_HINT = "Fix the template (or the one in your --templates folder that replaces ours)."


def _template_frame(error: BaseException, env: jinja2.Environment) -> Location | None:
    """The innermost traceback frame that is a line of a template file."""
    loader = env.loader
    roots = [Path(p) for p in getattr(loader, "searchpath", [])]
    found: Location | None = None
    for frame in traceback.extract_tb(error.__traceback__):
        path = Path(frame.filename)
        if any(path.is_relative_to(root) for root in roots):
            found = Location(str(path), frame.lineno or 0)
    return found
