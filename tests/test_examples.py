"""Every example the documentation shows runs and exits 0: the README's ```bash blocks, its
```sparql queries, and the ``Example:`` line of every command's ``--help``.

They run as a user types them: through bash, with the installed ``kg`` (and ``oxigraph``) first
on PATH, in a folder laid out like the checkout (links to the repository's files) whose
``output/`` holds a build of the demo corpus, as after the README's ``kg build``. Nothing in a
command is rewritten but the ports 7878 and 7879, which become free ones. A command that runs a
server (``kg serve``, ``oxigraph serve``) starts in the background, is waited for, and is stopped
after its example; a ``kg push`` example that starts no Graph Store gets an Oxigraph one.
A bash block followed by "prints" and a fenced block must print exactly that block.
"""

from __future__ import annotations

import inspect
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from kg.cli import app

README = ROOT / "README.md"
CI = ROOT / ".ci" / "run"
BIN = Path(sys.executable).parent  # the virtual environment's bin/, where `kg` is installed
FENCE = re.compile(r"^```(\w*)\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
SERVER = re.compile(r"^(kg|oxigraph) serve\b")
PORTS = ("7878", "7879")
#: What runs a Graph Store for a ``kg push`` example that starts none (as the README shows).
GRAPH_STORE = "oxigraph serve --location graph-store-{n} --bind 127.0.0.1:{port}"
#: The README's set-up blocks create .venv and install: not run here. .ci/run runs the test
#: command on a clean checkout (test_ci_runs_the_readme_test_command).
INSTALL = "python3 -m venv .venv"


@dataclass(frozen=True)
class Example:
    """Shell commands shown together, and what the last one prints where the docs show it."""

    where: str
    commands: tuple[str, ...]
    output: str | None = None


def shell_lines(block: str) -> tuple[str, ...]:
    """The commands of a bash block: continuation lines joined, comments and blanks dropped."""
    joined = block.replace("\\\n", " ")
    return tuple(line.strip() for line in joined.splitlines()
                 if line.strip() and not line.lstrip().startswith("#"))


def readme_blocks() -> list[tuple[int, str, str, str | None]]:
    """(line, language, text, the text of the block it prints) for each fenced README block."""
    text = README.read_text(encoding="utf-8")
    blocks = list(FENCE.finditer(text))
    found = []
    for i, block in enumerate(blocks):
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        prints = (following is not None and following.group(1) != "bash"
                  and text[block.end():following.start()].strip() == "prints")
        found.append((text.count("\n", 0, block.start()) + 1, block.group(1), block.group(2),
                      following.group(2) if prints else None))
    return found


def readme_examples() -> list[Example]:
    return [Example(f"README.md:{line}", shell_lines(body), output)
            for line, language, body, output in readme_blocks() if language == "bash"]


def help_examples() -> dict[str, list[str]]:
    """The ``Example:`` lines of each command's help text, by command name."""
    found = {}
    for command in app.registered_commands:
        name = command.name or command.callback.__name__.replace("_", "-")
        found[name] = re.findall(r"^Example: (.+)$", inspect.getdoc(command.callback), re.MULTILINE)
    return found


EXAMPLES = readme_examples() + [Example(f"kg {name} --help", (line,))
                                for name, lines in help_examples().items() for line in lines]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def checkout(tmp_path_factory, demo_build: Path) -> Path:
    """A folder like the repository after ``kg build``: links to its files, output/ a demo build."""
    folder = tmp_path_factory.mktemp("checkout")
    for entry in ROOT.iterdir():
        if entry.name != "output" and not entry.name.startswith(".") and entry.suffix != ".egg-info":
            (folder / entry.name).symlink_to(entry)
    shutil.copytree(demo_build, folder / "output")
    return folder


def environment() -> dict[str, str]:
    return dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")


def start_server(command: str, cwd: Path, log: Path) -> subprocess.Popen:
    """Start a server command in its own process group; return once it answers HTTP."""
    port = re.search(r"--port (\d+)|--bind [\w.]+:(\d+)", command)
    assert port, f"no port in {command!r}"
    url = f"http://127.0.0.1:{port.group(1) or port.group(2)}/"
    with log.open("wb") as sink:
        process = subprocess.Popen(["bash", "-c", f"exec {command}"], cwd=cwd, env=environment(),
                                   stdout=sink, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{command!r} exited {process.returncode}: {log.read_text(errors='replace')}")
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return process
        except urllib.error.HTTPError:  # it answers, whatever it thinks of "/"
            return process
        except (urllib.error.URLError, OSError):
            time.sleep(0.2)
    stop(process)
    pytest.fail(f"{command!r} did not answer on {url} within 120 s")


def stop(process: subprocess.Popen) -> None:
    """Stop a server started by :func:`start_server` and everything it started."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    except ProcessLookupError:
        pass


def with_graph_store(commands: tuple[str, ...]) -> tuple[str, ...]:
    """Prefix a Graph Store server to ``kg push`` commands that have none to talk to."""
    if any(SERVER.match(c) for c in commands):
        return commands
    stores = []
    for n, command in enumerate(commands):
        endpoint = re.search(r"kg push .*--endpoint http://127\.0\.0\.1:(\d+)/", command)
        if endpoint:
            stores.append(GRAPH_STORE.format(n=n, port=endpoint.group(1)))
    return (*stores, *commands)


def needs(commands: tuple[str, ...]) -> None:
    """Skip when a program the example names is not installed (both come with the dev extra)."""
    for program in ("oxigraph", "curl"):
        if any(re.search(rf"(^|\| *){program}\b", c) for c in commands) \
                and not ((BIN / program).is_file() or shutil.which(program)):
            pytest.skip(f"`{program}` is not installed")


@pytest.mark.slow
@pytest.mark.parametrize("example", EXAMPLES, ids=lambda e: e.where)
def test_example_runs(example: Example, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    if example.commands and example.commands[0].startswith(INSTALL):
        pytest.skip("set-up commands (virtual environment and install): .ci/run runs them on a "
                    "clean checkout")
    checkout: Path = request.getfixturevalue("checkout")
    assert (BIN / "kg").is_file(), f"no installed kg in {BIN}"
    commands = with_graph_store(example.commands)
    needs(commands)
    ports = {port: str(free_port()) for port in PORTS}
    commands = tuple(re.sub(r"\b(7878|7879)\b", lambda m: ports[m.group(1)], c) for c in commands)
    servers, result = [], None
    try:
        for n, command in enumerate(commands):
            if SERVER.match(command):
                servers.append(start_server(command, checkout, tmp_path / f"server-{n}.log"))
                continue
            result = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=checkout,
                                    env=environment(), capture_output=True, text=True, timeout=600)
            assert result.returncode == 0, f"{example.where}: {command!r}\n{result.stderr[-3000:]}"
        if example.output is not None:
            assert result is not None, f"{example.where}: shows output but runs no command"
            assert result.stdout.strip().splitlines() == example.output.strip().splitlines()
    finally:
        for server in servers:
            stop(server)


@pytest.mark.slow
@pytest.mark.parametrize("line, query", [pytest.param(line, body, id=f"README.md:{line}")
                                         for line, language, body, _ in readme_blocks()
                                         if language == "sparql"])
def test_readme_sparql_runs_on_the_demo_build(line: int, query: str, checkout: Path) -> None:
    result = subprocess.run([str(BIN / "kg"), "query", query, "--format", "csv"], cwd=checkout,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"README.md:{line}: {result.stderr}"
    assert len(result.stdout.splitlines()) > 1, f"README.md:{line}: no rows on the demo build"


def test_every_command_shows_one_example_in_its_help() -> None:
    runner = CliRunner()
    for name, lines in help_examples().items():
        assert len(lines) == 1, f"kg {name}: {len(lines)} Example: lines in its help"
        shown = runner.invoke(app, [name, "--help"], env={"COLUMNS": "300", "TERMINAL_WIDTH": "300"})
        assert shown.exit_code == 0
        assert " ".join(lines[0].split()) in " ".join(shown.output.split()), f"kg {name} --help"


def test_readme_examples_were_found() -> None:
    # a guard against a parser that silently finds nothing
    commands = [c for e in readme_examples() for c in e.commands]
    for name in help_examples():
        assert any(re.search(rf"(^|\| *)kg {name}\b", c) for c in commands), f"no README example of kg {name}"
    assert any(e.output for e in readme_examples())


def test_push_examples_do_not_point_at_kg_serve() -> None:
    # kg serve is read-only: an example pushing to its port could never work against it
    commands = [c for e in EXAMPLES for c in e.commands]
    served = {m.group(1) for c in commands for m in [re.match(r"kg serve .*--port (\d+)", c)] if m}
    pushed = {m.group(1) for c in commands
              for m in [re.search(r"kg push .*--endpoint http://[\w.]+:(\d+)/", c)] if m}
    assert served and pushed and not served & pushed, (served, pushed)


def test_ci_runs_the_readme_test_command() -> None:
    [command] = [body.strip() for _, language, body, _ in readme_blocks()
                 if language == "bash" and "pytest" in body]
    assert command in CI.read_text(encoding="utf-8").splitlines()
