"""What ``scorecard init`` writes into a new evaluations repository.

Pure: given the day it runs, this returns the files as bytes, and decides
which of them to write given which already exist. The command in
``scorecard.cli.init`` does the writing.

The files themselves are package data in the folder ``scorecard/scaffold/``
(beside this module; it has no ``__init__.py``, so ``import scorecard.authoring.scaffold``
is this module). They are stored without leading dots so that every packaging
tool ships them; ``FILES`` maps each one to where it goes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import PurePosixPath

from scorecard.authoring.skeleton import scalar
from scorecard.data.periods import Cadence, Period, period_of, shift
from scorecard.data.schema.jsonschema import FILE_NAMES, all_schemas

DATA_DIR = "evaluations"
SCHEMA_DIR = ".schemas"
EXAMPLE_PROVIDER = "example-provider"
DEFAULT_ORGANISATION = "Our organisation"
EXAMPLE_CADENCE: Cadence = "quarterly"  # the cadence in the programme template

# package data name -> (path in the new repository, what it is)
FILES: tuple[tuple[str, str, str], ...] = (
    ("evaluations/scorecard.yaml", f"{DATA_DIR}/scorecard.yaml", "the programme"),
    (
        "evaluations/provider.yaml",
        f"{DATA_DIR}/providers/{EXAMPLE_PROVIDER}.yaml",
        "an example provider",
    ),
    ("evaluations/record.yaml", f"{DATA_DIR}/records/{EXAMPLE_PROVIDER}/@PERIOD@.yaml",
     "an example evaluation"),
    ("gitignore", ".gitignore", "keeps reports/ and outbox/ out of git"),
    ("github-workflow.yml", ".github/workflows/scorecard.yml", "GitHub Actions workflow"),
    ("dependabot.yml", ".github/dependabot.yml", "keeps the workflow's actions up to date"),
    ("gitlab-ci.yml", ".gitlab-ci.yml", "GitLab CI pipeline"),
    ("vscode/settings.json", ".vscode/settings.json", "VS Code: each YAML file's schema"),
    ("vscode/extensions.json", ".vscode/extensions.json",
     "VS Code: recommends the YAML extension"),
    ("pre-commit-config.yaml", ".pre-commit-config.yaml", "pre-commit hook that validates"),
    ("README.md", "README.md", "how to use this repository"),
)


# where scorecard lives when init cannot tell where it was installed from
HOME_REPOSITORY = "provider-scorecard/scorecard"
DISTRIBUTION = "provider-scorecard"


@dataclass(frozen=True)
class Origin:
    """Where this scorecard came from, for the CI files: the GitHub Action to
    use (``owner/repo@ref``) and what pip should install on GitLab."""

    action: str
    requirement: str

    @property
    def action_owner(self) -> str:
        return self.action.split("/", 1)[0]


def origin_of(version: str, direct_url: str | None) -> Origin:
    """Where scorecard came from, given its version and pip's ``direct_url.json``
    (None when it was installed from a package index).

    A git install (``pip install "provider-scorecard @ git+URL@REV"``) names its
    repository and revision: the CI files then use the same. Anything else (an
    index, a local folder or wheel) gets this version from PyPI and the Action
    of scorecard's home repository at the same major version.
    """
    default = Origin(f"{HOME_REPOSITORY}@v{version.split('.')[0]}",
                     f"{DISTRIBUTION}=={version}")
    if not direct_url:
        return default
    try:
        info = json.loads(direct_url)
    except ValueError:
        return default
    vcs = info.get("vcs_info") if isinstance(info, dict) else None
    url = info.get("url") if isinstance(info, dict) else None
    if not isinstance(vcs, dict) or vcs.get("vcs") != "git" or not isinstance(url, str):
        return default
    revision = vcs.get("requested_revision") or vcs.get("commit_id")
    if not isinstance(revision, str) or not re.fullmatch(r"[\w.\-/]+", revision):
        return default
    if not re.fullmatch(r"(https|ssh)://[\w.@:\-/~]+", url):
        return default
    requirement = f"{DISTRIBUTION} @ git+{url}@{revision}"
    github = re.fullmatch(r"https://github\.com/([\w.\-]+)/([\w.\-]+?)(?:\.git)?/?", url)
    action = f"{github[1]}/{github[2]}@{revision}" if github else default.action
    return Origin(action, requirement)


@dataclass(frozen=True)
class ScaffoldFile:
    """One file ``init`` may write; ``path`` is relative to the repository root."""

    path: PurePosixPath
    content: bytes
    description: str

    @property
    def is_data(self) -> bool:
        """Part of the example data (written only into an empty data folder)."""
        return self.path.parts[0] == DATA_DIR


@dataclass(frozen=True)
class Decision:
    """Whether to write a file, and if not, why."""

    file: ScaffoldFile
    skip_reason: str | None  # None: write it

    @property
    def write(self) -> bool:
        return self.skip_reason is None


def example_period(today: date) -> Period:
    """The period of the example record: the last one that has ended by ``today``."""
    return period_of(today, EXAMPLE_CADENCE).previous()


def example_evaluated(today: date) -> date:
    """The day the example evaluation says it was done.

    Two weeks after its period ended, so that the example is on time rather
    than late; ``today`` when that is still to come.
    """
    return min(today, shift(example_period(today).end, 14))


def scaffold_files(
    today: date, *, organisation: str = DEFAULT_ORGANISATION, origin: Origin | None = None,
) -> tuple[ScaffoldFile, ...]:
    """Every file of a new evaluations repository, as of ``today``.

    The YAML data files start with a schema line that points at the JSON
    Schema files under ``.schemas/`` by relative path, for editors.
    """
    period = example_period(today)
    origin = origin or origin_of("0", None)
    tokens = {
        "@ACTION@": origin.action,
        "@ACTION_OWNER@": origin.action_owner,
        "@PIP_REQUIREMENT@": origin.requirement,
        "@PERIOD@": period.label,
        "@EVALUATED@": example_evaluated(today).isoformat(),
        "@ORGANISATION@": organisation,
        **{f"@SCHEMA_{kind.upper()}@": name for kind, name in FILE_NAMES.items()},
    }
    files = []
    for name, target, description in FILES:
        text = _read(name)
        for token, value in tokens.items():
            if token == "@ORGANISATION@" and target.endswith(".yaml"):
                value = scalar(value)
            text = text.replace(token, value)
            target = target.replace(token, value)
        files.append(ScaffoldFile(PurePosixPath(target), text.encode("utf-8"), description))
    return (*files, *schema_files())


def schema_files() -> tuple[ScaffoldFile, ...]:
    """The JSON Schema of each kind of data file, under ``.schemas/``."""
    return tuple(
        ScaffoldFile(
            PurePosixPath(SCHEMA_DIR, FILE_NAMES[kind]),
            (json.dumps(schema, indent=2, ensure_ascii=False) + "\n").encode(),
            f"JSON Schema of a {kind} file, for editors",
        )
        for kind, schema in all_schemas().items()
    )


def decide(
    files: Iterable[ScaffoldFile],
    exists: Callable[[PurePosixPath], bool],
    data_present: bool,
) -> list[Decision]:
    """Which files to write: never one that exists, and no example data into a
    data folder that already has files (the example would not fit its programme)."""
    decisions = []
    for f in files:
        if exists(f.path):
            reason = "exists"
        elif f.is_data and data_present:
            reason = f"{DATA_DIR}/ has data already"
        else:
            reason = None
        decisions.append(Decision(f, reason))
    return decisions


def _read(name: str) -> str:
    folder = resources.files("scorecard") / "authoring" / "scaffold"
    return (folder / name).read_text(encoding="utf-8")
