"""The Jinja environment templates are rendered in, documents and e-mails alike
(here, in ``words``, because both stages may import it): sandboxed whenever a
``--templates`` folder is in use (e-mails: always), so that a template from it
can do no more than fill in text. Our own documents, rendered without one, use
:func:`plain`: the sandbox checks every attribute and call, which costs about
40% of the HTML rendering (``bench/sandbox_speed.py``).

In the sandbox (:class:`jinja2.sandbox.ImmutableSandboxedEnvironment`) a
template reads the values it is given and calls the filters and globals we
give it; it cannot reach Python's internals (``__class__``, ``__globals__``,
``__subclasses__``: the way to ``os.environ``, the SMTP password, and to
running commands), call methods that change a value, or run code. Its loader
reads only files inside its folders: a template, stylesheet or font reached
through a symbolic link that leads outside them is refused, so a link to
``/proc/self/environ`` or ``~/.ssh`` planted in a templates folder shows
nothing. Such an attempt is a template error, named with its file and line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

__all__ = ["ContainedLoader", "plain", "sandboxed"]


class ContainedLoader(jinja2.FileSystemLoader):
    """A :class:`jinja2.FileSystemLoader` that refuses a file whose real path is not
    inside the folder it was found in."""

    def __init__(self, folders: Sequence[str | Path]) -> None:
        super().__init__([str(f) for f in folders], followlinks=False)
        self._roots = [Path(f).resolve() for f in folders]

    def get_source(self, environment: jinja2.Environment, template: str
                   ) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        real = Path(filename).resolve()
        if not any(real.is_relative_to(root) for root in self._roots):
            raise jinja2.TemplateNotFound(
                template, f"{template} leads outside the templates folder (a symbolic link); "
                "it is not read")
        return source, filename, uptodate


def sandboxed(folders: Sequence[str | Path], **options: Any) -> jinja2.Environment:
    """A sandboxed environment that loads templates from ``folders``, in order."""
    return ImmutableSandboxedEnvironment(loader=ContainedLoader(folders), **options)


def plain(folders: Sequence[str | Path], **options: Any) -> jinja2.Environment:
    """The same environment without the sandbox, for our own templates only."""
    return jinja2.Environment(loader=ContainedLoader(folders), **options)
