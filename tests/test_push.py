"""``kg push`` against a real Graph Store Protocol server: ``oxigraph serve`` started on loopback.

The ``oxigraph`` binary comes from the PyPI package ``oxigraph`` (a dev dependency); the tests
that need it are skipped when it is absent. Basic auth and error reporting are checked against a
tiny recording server from the standard library.
"""

from __future__ import annotations

import base64
import csv
import io
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pyoxigraph as ox
import pytest

from kg.build import build
from kg.corpus import demo_corpus_path
from kg.push import GraphPush, PushError, push_build
from kg.store import open_store

COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


def oxigraph_binary() -> str | None:
    beside = Path(sys.executable).with_name("oxigraph")
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_counts(base: str) -> dict[str, int]:
    url = f"{base}/query?" + urllib.parse.urlencode({"query": COUNTS})
    request = urllib.request.Request(url, headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=30) as response:
        rows = csv.DictReader(io.StringIO(response.read().decode("utf-8"), newline=""))
        return {row["g"]: int(row["n"]) for row in rows}


@pytest.fixture(scope="module")
def build_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.getbasetemp() / "kazkg-demo-build"  # shared with test_queries.py
    if not (out / "manifest.json").is_file():
        build([demo_corpus_path()], out)
    return out


@pytest.fixture(scope="module")
def local_counts(build_dir: Path) -> dict[str, int]:
    store = open_store(build_dir / "store")
    return {g.value: sum(1 for _ in store.quads_for_pattern(None, None, None, g))
            for g in store.named_graphs()}


@pytest.fixture()
def oxigraph(tmp_path: Path):
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("no `oxigraph` binary (pip install 'oxigraph>=0.5,<0.6')")
    base = f"http://127.0.0.1:{free_port()}"
    process = subprocess.Popen([binary, "serve", "--location", str(tmp_path / "oxigraph"),
                                "--bind", base.removeprefix("http://")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                server_counts(base)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("oxigraph serve did not start")
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(10)


def test_push_sends_every_graph_and_replaces_on_repeat(oxigraph: str, build_dir: Path,
                                                     local_counts: dict[str, int]) -> None:
    seen: list[GraphPush] = []
    first = push_build(build_dir, f"{oxigraph}/store", on_graph=seen.append)
    assert len(local_counts) >= 5  # documents, entities, ontology, analytics
    assert {g.graph: g.triples for g in first.graphs} == local_counts
    assert all(200 <= g.status < 300 for g in first.graphs) and list(first.graphs) == seen
    assert first.triples == sum(local_counts.values())
    assert server_counts(oxigraph) == local_counts

    again = push_build(build_dir / "store", f"{oxigraph}/store", body_format="ttl", batch=100)
    assert [g.status for g in again.graphs] == [204] * len(local_counts)  # replaced, not created
    assert server_counts(oxigraph) == local_counts  # not doubled


def test_push_from_the_trig_file(oxigraph: str, build_dir: Path, local_counts) -> None:
    report = push_build(build_dir / "graph.trig", f"{oxigraph}/store")
    assert server_counts(oxigraph) == local_counts
    assert report.triples == sum(local_counts.values())


def test_refusal_names_the_graph_and_status(oxigraph: str, build_dir: Path) -> None:
    with pytest.raises(PushError, match=r"^https://\S+: HTTP 404 ") as caught:
        push_build(build_dir, f"{oxigraph}/no-such-service")
    assert "\n" not in str(caught.value) and caught.value.done == ()


def test_unreachable_server_is_one_line(build_dir: Path) -> None:
    with pytest.raises(PushError, match="cannot reach http://127.0.0.1:") as caught:
        push_build(build_dir, f"http://127.0.0.1:{free_port()}/store", timeout=5)
    assert "\n" not in str(caught.value)


def test_bad_arguments(build_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not an http"):
        push_build(build_dir, "ftp://127.0.0.1/store")
    with pytest.raises(ValueError, match="body format"):
        push_build(build_dir, "http://127.0.0.1:9/store", body_format="xml")
    for nowhere in (tmp_path, tmp_path / "missing"):
        with pytest.raises(FileNotFoundError, match="no build, store or .trig file here"):
            push_build(nowhere, "http://127.0.0.1:9/store")


class Recorder(BaseHTTPRequestHandler):
    """Takes PUTs with the right basic auth (alice:s3cret), records what it got, 401 otherwise."""

    got: ClassVar[list[tuple[str, dict[str, str], bytes]]] = []

    def do_PUT(self) -> None:
        body = b""
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            while size := int(self.rfile.readline().split(b";")[0], 16):
                body += self.rfile.read(size)
                self.rfile.readline()
            self.rfile.readline()
        else:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        Recorder.got.append((self.path, dict(self.headers), body))
        good = "Basic " + base64.b64encode(b"alice:s3cret").decode()
        self.send_response(201 if self.headers.get("Authorization") == good else 401)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def recorder():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    Recorder.got = []
    yield f"http://127.0.0.1:{server.server_address[1]}/gsp"
    server.shutdown()
    server.server_close()


def test_basic_auth_and_streamed_ntriples(recorder: str, build_dir: Path, local_counts) -> None:
    with pytest.raises(PushError, match=r"HTTP 401 Unauthorized"):
        push_build(build_dir, recorder, auth=("alice", "wrong"))
    report = push_build(build_dir, recorder, auth=("alice", "s3cret"), batch=500)
    assert [g.status for g in report.graphs] == [201] * len(local_counts)
    path, headers, body = Recorder.got[-1]
    graph = urllib.parse.parse_qs(urllib.parse.urlsplit(path).query)["graph"][0]
    assert headers["Transfer-Encoding"] == "chunked"  # streamed, not buffered
    assert headers["Content-Type"].startswith("application/n-triples")
    triples = list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))
    assert len(triples) == local_counts[graph]


def test_cli_push_refusal_is_one_line(build_dir: Path) -> None:
    from kg.cli import app

    if "push" not in {c.name or c.callback.__name__ for c in app.registered_commands}:
        pytest.skip("`kg push` is not wired into kg/cli.py yet")
    done = subprocess.run([sys.executable, "-m", "kg", "push", "--store", str(build_dir / "store"),
                           "--endpoint", f"http://127.0.0.1:{free_port()}/store"],
                          check=False, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert len(done.stderr.strip().splitlines()) == 1 and "cannot reach" in done.stderr
