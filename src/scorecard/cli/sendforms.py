"""``send --forms``: the provider's fillable form, made for each provider scorecard sent."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import click

_UNSAFE = re.compile(r"[^\w .,()&+-]")


def provider_forms(data_dir: Path) -> Callable[[str, str], tuple[str, bytes] | None]:
    """A function giving the provider's form of a record (a file name and the PDF), or
    None, with a warning, when it cannot be made."""
    from scorecard.data.load import load
    from scorecard.documents.forms import FormRefused, make_form

    dataset = load(data_dir)[0]

    def form(provider_id: str, period: str) -> tuple[str, bytes] | None:
        if dataset is None:
            return None
        try:
            made = make_form(dataset, data_dir, provider_id, period, "provider")
        except FormRefused as exc:
            click.echo(f"Warning: no form for {provider_id} {period}: {exc}.", err=True)
            return None
        if made.pdf is None:
            click.echo(f"Warning: no form for {provider_id} {period}.", err=True)
            return None
        name = dataset.providers[provider_id].name
        title = " ".join(_UNSAFE.sub(" ", f"{name} - your view {period} (form)").split())
        return f"{title}.pdf", made.pdf

    return form
