"""The command line. The only module that knows about Click; it stays thin."""

from __future__ import annotations

import click

from scorecard import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="scorecard")
def cli() -> None:
    """Plain-language scorecards for outsourced IT providers."""


def main() -> None:
    cli()
