"""Start-up: ``kg --help`` and ``kg query`` load only what they use; ``-v`` works after the
command; ``kg build`` logs one plain line per stage when not on a terminal."""

import json
import subprocess
import sys

import pytest

from kg.store import write_store

HEAVY = ("spacy", "rdflib", "networkx", "igraph", "pyshacl", "kg.extract", "kg.resolve",
         "kg.analytics", "kg.build", "kg.push", "pydantic",
         # what only building or exporting needs (the bulk loader, IRI minting, names), and
         # importlib.resources (~10 ms: the ontology folder is found through its import spec)
         "kg.rdf.bulkload", "kg.rdf.runs", "kg.iri", "kg.text", "importlib.resources")


def _loaded(code: str) -> list[str]:
    probe = f"""import sys
{code}
print(__import__('json').dumps(sorted(m for m in sys.modules if m.split('.')[0] in
      {{h.split('.')[0] for h in {HEAVY!r}}})))"""
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    mods = json.loads(done.stdout.splitlines()[-1])
    return [h for h in HEAVY if any(m == h or m.startswith(h + ".") for m in mods)]


def test_importing_the_cli_loads_no_library():
    assert _loaded("import kg.cli") == []


def test_query_and_help_load_only_the_store(tmp_path):
    store = tmp_path / "store"
    write_store(store, b'<http://e/a> <http://e/p> "x" .\n')
    run = f"""import sys
from kg.cli import run
sys.argv = ['kg', 'query', 'ASK {{ ?s ?p ?o }}', '--store', {str(store)!r}, '--format', 'json']
try:
    run()
except SystemExit:
    pass"""
    assert _loaded(run) == []
    helped = """import sys
from kg.cli import run
sys.argv = ['kg', '--help']
try:
    run()
except SystemExit:
    pass"""
    assert _loaded(helped) == []


def test_verbose_is_accepted_after_the_command(tmp_path):
    store = tmp_path / "store"
    write_store(store, b'<http://e/a> <http://e/p> "x" .\n')
    for args in (["-v", "query"], ["query", "-v"], ["query", "--verbose"]):
        done = subprocess.run([sys.executable, "-m", "kg", *args, "ASK { ?s ?p ?o }", "--store",
                               str(store), "--format", "json"], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["boolean"] is True


@pytest.mark.slow
def test_build_logs_one_line_per_stage_off_a_terminal(tmp_path):
    done = subprocess.run([sys.executable, "-m", "kg", "build", "kg/demo", "--out",
                           str(tmp_path / "out"), "--workers", "1"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    stages = [line.split(":")[0] for line in done.stderr.splitlines() if line.endswith(" s")]
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert stages == list(manifest["timings"])


def _on_a_terminal(args: list[str]) -> tuple[int, str]:
    """Run ``python -m kg ARGS`` with stdout and stderr on a pseudo-terminal; its exit code
    and everything it wrote."""
    import os
    import pty

    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "kg", *args], stdout=slave, stderr=slave,
                            stdin=subprocess.DEVNULL, env=dict(os.environ, TERM="xterm", COLUMNS="120"))
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.wait(), b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.slow
def test_build_shows_progress_on_a_terminal_and_plain_lines_when_quiet(tmp_path):
    code, shown = _on_a_terminal(["build", "kg/demo", "--out", str(tmp_path / "a"), "--workers", "1"])
    assert code == 0, shown
    assert "articles extracted" in shown and "parsed 2/2 documents" in shown
    assert "resolve: " in shown and "serialise: " in shown
    code, plain = _on_a_terminal(["build", "kg/demo", "--out", str(tmp_path / "b"), "--workers", "1",
                                  "--quiet"])
    assert code == 0, plain
    assert "articles extracted" not in plain and "\x1b[" not in plain
    assert "resolve: " in plain and "serialise: " in plain


def test_the_console_entry_point_runs_a_plain_query_without_typer(tmp_path):
    store = tmp_path / "store"
    write_store(store, b'<http://e/a> <http://e/p> "x" .\n')
    probe = f"""import sys
from kg.launch import run
sys.argv = ['kg', 'query', 'ASK {{ ?s ?p ?o }}', '--store', {str(store)!r}, '--format', 'json']
run()
print(__import__('json').dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'click'))))"""
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    lines = done.stdout.splitlines()
    assert json.loads(lines[0])["boolean"] is True
    assert json.loads(lines[-1]) == []


@pytest.mark.parametrize("args", [
    ["query", "SELECT ?o WHERE { ?s ?p ?o }", "--format", "csv"],
    ["query", "SELECT ?o WHERE { ?s ?p ?o }", "--format=tsv"],
    ["query", "ASK { ?s ?p ?o }"],
    ["query", "SELECT nonsense"],
    ["query", "ASK {}", "--format", "yaml"],
    ["query", "coauthors", "-p", "person=Nobody", "--format", "json"],
    ["query", "SELECT * { SERVICE <http://127.0.0.1:9/s> { ?s ?p ?o } }"],
    ["query", "ASK {}", "--help"],
    ["query"],
    ["query", "ASK {}", "--bogus"],
])
def test_a_plain_query_gives_what_the_typer_command_gives(tmp_path, args):
    store = tmp_path / "store"
    write_store(store, b'<http://e/a> <http://e/p> "x" .\n')
    full = [*args, "--store", str(store)] if "--help" not in args else args
    fast = subprocess.run([sys.executable, "-m", "kg", *full], capture_output=True, text=True)
    typed = subprocess.run([sys.executable, "-c", "import sys; sys.argv[0] = 'kg'; "
                            "from kg.cli import run; run()", *full], capture_output=True, text=True)
    assert (fast.returncode, fast.stdout, fast.stderr) == (typed.returncode, typed.stdout, typed.stderr)


def test_a_missing_store_is_one_line_and_exit_1(tmp_path):
    done = subprocess.run([sys.executable, "-m", "kg", "query", "ASK {}", "--store",
                           str(tmp_path / "none")], capture_output=True, text=True)
    assert done.returncode == 1 and done.stderr.startswith("error: ") and done.stderr.count("\n") == 1
