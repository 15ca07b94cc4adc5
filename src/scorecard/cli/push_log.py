"""``scorecard push-log``: commit the sent log and push it, rebasing when the branch moved."""

from __future__ import annotations

from pathlib import Path

import click

from scorecard.cli.common import EXIT_DATA, EXIT_OK, data_option


@click.command("push-log")
@data_option
@click.option("--log", "log", default=None, metavar="FILE", type=click.Path(path_type=Path),
              help="The sent log. Default: sent.jsonl beside the data folder.")
@click.option("--remote", envvar="SCORECARD_PUSH_REMOTE", default="origin", show_default=True,
              help="The remote's name or URL (a URL may carry a token; it is never printed). "
              "Also read from SCORECARD_PUSH_REMOTE.")
@click.option("--branch", required=True, help="The branch to push the log to, e.g. main.")
@click.option("--message", default="Record what scorecard sent", show_default=True,
              help="The commit message.")
@click.option("--push-option", "push_options", multiple=True, metavar="OPTION",
              help="Passed to git push -o, e.g. ci.skip on GitLab (no pipeline for the log).")
@click.option("--tries", type=click.IntRange(1, 20), default=5, show_default=True,
              help="Pushes to try in all; between them, rebase onto the branch.")
def command(data_dir: str, log: Path | None, remote: str, branch: str, message: str,
            push_options: tuple[str, ...], tries: int) -> None:
    """Commit the sent log (only it) and push it to BRANCH.

    When the push is refused because the branch moved, fetch it, rebase the
    commit onto it (both sides' lines of the log are kept) and try again. When
    every try fails, print the lines that record what was sent and exit 1: keep
    the log file (CI keeps it as an artifact) and add the lines by hand.
    """
    from scorecard.delivery.pushlog import push_log
    from scorecard.delivery.send import default_log

    path = log if log is not None else default_log(Path(data_dir))
    repo = Path.cwd()
    result = push_log(repo, path, remote, branch, message=message, tries=tries,
                      options=push_options)
    if result.nothing:
        click.echo(f"{path.name}: nothing new to record.")
        raise SystemExit(EXIT_OK)
    if result.pushed:
        click.echo(f"recorded {len(result.lines)} line(s) of {path.name} on {branch} "
                   f"({(result.commit or '')[:12]}, {_tries(result.tries)}).")
        raise SystemExit(EXIT_OK)
    click.echo(f"error: the sent log could not be pushed to {branch} after "
               f"{_tries(result.tries)}: {result.error or 'git failed'}", err=True)
    click.echo(f"The e-mails went out. These {len(result.lines)} line(s) of {path} record "
               "what was sent and are not on the branch yet; the file is kept. Add them to "
               f"{path.name} on {branch} by hand (or run `scorecard push-log` again):", err=True)
    for line in result.lines:
        click.echo(line)
    raise SystemExit(EXIT_DATA)


def _tries(n: int) -> str:
    return f"{n} try" if n == 1 else f"{n} tries"
