"""The command line: the only package that knows about Click.

Each command lives in its own module and is imported only when it runs, so
that ``scorecard validate`` starts without loading WeasyPrint.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Mapping

import click

from scorecard import __version__

# command name -> (module inside scorecard.cli, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("validate", "Check all evaluation data and list every problem."),
    "build": ("build", "Validate, score and render every document into reports/."),
    "due": ("due", "What is overdue or coming up: evaluations, actions, contracts."),
    "new": ("new", "Write a record skeleton for a provider's next period."),
    "init": ("init", "Start a new evaluations repository."),
    "schema": ("schema", "Print the JSON Schema of each file kind, for editors."),
    "split": ("split", "Copy a finished build into one folder per audience, each indexed."),
    "send": ("send", "E-mail each party its documents from a finished build."),
    "push-log": ("push_log", "Commit the sent log and push it, rebasing if the branch moved."),
    "reply": ("reply", "Write a provider's reply into its record's provider_response."),
    "form": ("form", "Write a fillable PDF form for an evaluator or the provider."),
    "take": ("take", "Read filled PDF forms back into their records."),
}


class LazyGroup(click.Group):
    """A group that imports a command's module only when that command is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module = importlib.import_module(f"scorecard.cli.{entry[0]}")
        command = module.command
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, help_text) for name, (_, help_text) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="scorecard")
@click.option("--color", "color", type=click.Choice(["auto", "always", "never"]),
              default="auto", show_default=True,
              help="Colour and bold in the output: auto uses them on a terminal unless "
              "NO_COLOR is set.")
@click.pass_context
def cli(ctx: click.Context, color: str) -> None:
    """Plain-language scorecards for outsourced IT providers.

    Reads YAML evaluation records kept in git and renders scorecards for the
    provider, our team and executives, in HTML and PDF.

    Shell completion (commands, options, provider ids and periods): add
    eval "$(_SCORECARD_COMPLETE=bash_source scorecard)" to ~/.bashrc
    (zsh: zsh_source in ~/.zshrc; fish: fish_source).
    """
    ctx.color = color_choice(color, os.environ)


def color_choice(color: str, environ: Mapping[str, str]) -> bool | None:
    """``--color`` and NO_COLOR (https://no-color.org): True (always), False
    (never) or None (on a terminal only, Click's own rule)."""
    if color == "always":
        return True
    if color == "never" or environ.get("NO_COLOR"):
        return False
    return None


def main() -> None:
    try:
        cli(prog_name="scorecard")
    except BrokenPipeError:  # e.g. `scorecard due | head -1`: the reader had enough
        # send what is left to nowhere, so that Python's exit does not fail too
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
