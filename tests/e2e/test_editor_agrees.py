"""The editor and the command line agree: the real yaml-language-server (as in
VS Code's YAML extension), driven over its protocol on files that ``scorecard
init`` writes and on the demo data, accepts exactly the files that
``scorecard validate`` accepts."""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, ClassVar

import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVER = ROOT / "tests/tools/node_modules/.bin/yaml-language-server"
RECORD = "evaluations/records/example-provider/2026-Q3.yaml"

# (what the lead changed, the line as written, the line as changed)
CASES = {
    "as written": ("", ""),
    "lead: no (YAML 1.1 made it false)": ("lead: Sam Taylor", "lead: no"),
    "lead: on": ("lead: Sam Taylor", "lead: on"),
    "lead: 0755": ("lead: Sam Taylor", "lead: 0755"),
    "lead: a number": ("lead: Sam Taylor", "lead: 42"),
    "lead: true": ("lead: Sam Taylor", "lead: true"),
    "lead left empty": ("lead: Sam Taylor", "lead:"),
    "lead missing": ("lead: Sam Taylor", "# no lead"),
    "a field misspelt": ("lead: Sam Taylor", "leed: Sam Taylor"),
    "a time for a number": ("availability: 99.95", "availability: 1:30"),
    "yes for a number": ("availability: 99.95", "availability: yes"),
    "evaluated: not a day": ("evaluated: 2026-10-14", "evaluated: 14/10/2026"),
    # v1.2: the provider's own figures
    "reported: a number": ("evaluators: [Sam Taylor, Jo Rivera]",
                           "evaluators: [Sam Taylor, Jo Rivera]\nreported: {availability: 99.97}"),
    "reported: text": ("evaluators: [Sam Taylor, Jo Rivera]",
                       "evaluators: [Sam Taylor, Jo Rivera]\nreported: {availability: high}"),
}


class Client:
    """A minimal Language Server Protocol client over the server's stdio."""

    def __init__(self, root: Path) -> None:
        self.proc = subprocess.Popen(
            [str(SERVER), "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        self.request("initialize", {"processId": os.getpid(), "rootUri": root.as_uri(),
                                    "capabilities": {"workspace": {"configuration": True}}})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": {"yaml": self.settings}})

    settings: ClassVar[dict[str, Any]] = {"validate": True, "schemaStore": {"enable": False},
                                          "yamlVersion": "1.2", "schemas": {}}

    def _read(self) -> None:
        out = self.proc.stdout
        assert out is not None
        while True:
            header = b""
            while not header.endswith(b"\r\n\r\n"):
                byte = out.read(1)
                if not byte:
                    return
                header += byte
            length = int(header.split(b"Content-Length:")[1].split(b"\r\n")[0])
            self.messages.put(json.loads(out.read(length)))

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: Any) -> Any:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        while True:
            message = self.wait()
            if message.get("id") == self.next_id and "method" not in message:
                return message.get("result")

    def wait(self, timeout: float = 30) -> dict[str, Any]:
        message = self.messages.get(timeout=timeout)
        if "method" in message and "id" in message:  # the server asks us something
            items = message.get("params", {}).get("items", [])
            result: Any = [self.settings for _ in items] if message["method"] == (
                "workspace/configuration") else None
            self.send({"id": message["id"], "result": result})
        return message

    def diagnose(self, paths: list[Path], quiet: float = 3.0) -> dict[str, list[Any]]:
        """Open each file and collect the errors the server reports, until it
        has said nothing more for ``quiet`` seconds."""
        for path in paths:
            self.notify("textDocument/didOpen", {"textDocument": {
                "uri": path.as_uri(), "languageId": "yaml", "version": 1,
                "text": path.read_text()}})
        found: dict[str, list[Any]] = {}
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                message = self.wait(timeout=quiet)
            except queue.Empty:
                if len(found) == len(paths):
                    break
                continue
            if message.get("method") == "textDocument/publishDiagnostics":
                params = message["params"]
                found[params["uri"]] = [d for d in params["diagnostics"]
                                        if d.get("severity", 1) == 1]
        return found

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait()


@pytest.fixture(scope="module")
def server() -> Any:
    if not SERVER.exists() or shutil.which("node") is None:
        if os.environ.get("CI"):
            pytest.fail("yaml-language-server is not installed; scripts/test.sh installs it")
        pytest.skip("yaml-language-server is not installed (cd tests/tools && npm ci)")
    return SERVER


def validate(repo: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "scorecard", "validate"], cwd=repo,
                          capture_output=True, text=True, env=env, check=False)


def test_the_editor_accepts_exactly_what_validate_accepts(
    server: Path, tmp_path: Path
) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    written = tmp_path / "written"
    done = subprocess.run([sys.executable, "-m", "scorecard", "init", str(written),
                           "--as-of", "2026-11-26"], capture_output=True, text=True,
                          env=env, check=False)
    assert done.returncode == 0, done.stderr
    repos: dict[str, Path] = {}
    for n, (name, (before, after)) in enumerate(CASES.items()):
        repo = tmp_path / f"case{n}"
        shutil.copytree(written, repo, ignore=shutil.ignore_patterns(".git"))
        path = repo / RECORD
        text = path.read_text()
        assert before in text, name
        path.write_text(text.replace(before, after, 1))
        repos[name] = repo
    client = Client(tmp_path)
    try:
        diagnostics = client.diagnose([repo / RECORD for repo in repos.values()])
    finally:
        client.close()
    agree = {}
    for name, repo in repos.items():
        editor_ok = diagnostics[(repo / RECORD).as_uri()] == []
        cli_ok = validate(repo).returncode == 0
        agree[name] = (editor_ok, cli_ok)
    assert {name: ok for name, ok in agree.items() if ok[0] != ok[1]} == {}
    # and the cases are not all one way: each side accepts some and rejects others
    assert agree["as written"] == (True, True)
    assert agree["lead: no (YAML 1.1 made it false)"] == (True, True)
    assert agree["lead: a number"] == (False, False)
    assert agree["a time for a number"] == (False, False)
    assert agree["reported: a number"] == (True, True)
    assert agree["reported: text"] == (False, False)


def test_the_demo_files_with_a_schema_line_are_clean_in_the_editor(
    server: Path, tmp_path: Path
) -> None:
    repo = tmp_path / "demo"
    shutil.copytree(ROOT / "evaluations", repo / "evaluations")
    shutil.copytree(ROOT / ".schemas", repo / ".schemas")
    files = [repo / "evaluations/scorecard.yaml",
             *sorted((repo / "evaluations/providers").glob("*.yaml")),
             *sorted((repo / "evaluations/records").rglob("*.yaml"))]
    assert len(files) > 40  # the programme, the providers and every record
    assert all(f.read_text().startswith("# yaml-language-server: $schema=") for f in files)
    client = Client(tmp_path)
    try:
        diagnostics = client.diagnose(files)
    finally:
        client.close()
    assert {uri: d for uri, d in diagnostics.items() if d} == {}
    assert len(diagnostics) == len(files)
    assert validate(repo).returncode == 0


def test_this_repositorys_schemas_are_what_scorecard_schema_writes() -> None:
    from scorecard.authoring.scaffold import schema_files

    for f in schema_files():
        assert (ROOT / f.path).read_bytes() == f.content, (
            f"{f.path} is out of date: run `scorecard schema --out .schemas`")
