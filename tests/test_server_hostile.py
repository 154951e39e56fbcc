"""``kg serve``, ``kg query`` and ``kg validate`` under hostile use, on real servers on 127.0.0.1.

SERVICE and remote JSON-LD contexts are aimed at a *trap*: a local HTTP server that counts the
connections it gets (none may arrive unless the endpoint is allowed). Other cases: 100k nested
braces, a query that eats memory, abandoned and expensive queries, slow headers, a body declared
and never sent, and the store folder replaced or deleted under the server. Every loop is bounded.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from test_server import call, start_server, stop_server

from kg.build import build
from kg.corpus import demo_corpus_path
from kg.store import write_store

pytestmark = pytest.mark.slow
KG = [sys.executable, "-m", "kg"]
EMPTY_RESULTS = b'{"head":{"vars":["s"]},"results":{"bindings":[]}}'
MEMORY_HOG = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c LIMIT 1"
EXPENSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


class Trap:
    """A local HTTP server that counts requests and answers empty SPARQL results."""

    def __init__(self) -> None:
        trap = self
        self.hits = 0

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                trap.hits += 1
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(EMPTY_RESULTS)))
                self.end_headers()
                self.wfile.write(EMPTY_RESULTS)

            do_GET = do_POST = _answer

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/sparql"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()


@pytest.fixture()
def trap():
    t = Trap()
    yield t
    t.close()


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    out = tmp_path_factory.getbasetemp() / "kazkg-demo-build"  # shared with test_server.py
    if not (out / "manifest.json").is_file():
        build([demo_corpus_path()], out)
    return out / "store"


def sparql(url: str, query: str, timeout: float = 60):
    data = urllib.parse.urlencode({"query": query}).encode()
    return call("POST", url + "sparql", data, {"Content-Type": "application/x-www-form-urlencoded",
                                                "Accept": "text/csv"}, timeout=timeout)


def count(url: str) -> str:
    answer = sparql(url, COUNT)
    assert answer.status == 200, answer.text
    return answer.text.split()[1]


def run_kg(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, *args], capture_output=True, text=True, timeout=timeout)


# --- no network ---------------------------------------------------------------------------


def test_service_is_refused_by_the_server_and_kg_query(store: Path, tmp_path: Path, trap) -> None:
    query = f"SELECT * WHERE {{ SERVICE <{trap.url}> {{ ?s ?p ?o }} }}"
    srv = start_server(store, tmp_path / "log.txt", cache_bytes=0)
    try:
        answer = sparql(srv.url, query)
        prefixed = sparql(srv.url, f"PREFIX t: <{trap.url[:-6]}> ASK {{ SERVICE SILENT t:sparql {{ }} }}")
        variable = sparql(srv.url, "SELECT * WHERE { BIND(<http://127.0.0.1:1/> AS ?u) SERVICE ?u { } }")
    finally:
        stop_server(srv)
    assert answer.status == prefixed.status == variable.status == 403
    assert "SERVICE" in answer.text and "--allow-service" in answer.text
    done = run_kg("query", "--store", str(store), query)
    assert done.returncode == 1 and done.stderr.count("\n") == 1 and "refused" in done.stderr
    assert trap.hits == 0
    allowed = run_kg("query", "--store", str(store), "--allow-service", trap.url, query)
    assert allowed.returncode == 0, allowed.stderr
    assert trap.hits == 1  # the allow list lets exactly that endpoint through


def test_server_allow_list(store: Path, tmp_path: Path, trap) -> None:
    srv = start_server(store, tmp_path / "log.txt", cache_bytes=0, allow_service=(trap.url,))
    try:
        allowed = sparql(srv.url, f"SELECT * WHERE {{ SERVICE <{trap.url}> {{ ?s ?p ?o }} }}")
        other = sparql(srv.url, "SELECT * WHERE { SERVICE <http://127.0.0.1:1/x> { ?s ?p ?o } }")
    finally:
        stop_server(srv)
    assert allowed.status == 200, allowed.text
    assert other.status == 403
    assert trap.hits == 1


def test_validate_never_fetches_a_remote_context(tmp_path: Path, trap) -> None:
    data = tmp_path / "x.jsonld"
    data.write_text(f'{{"@context": "{trap.url}", "@id": "http://e/a", "name": "x"}}', encoding="utf-8")
    done = run_kg("validate", str(data))
    assert done.returncode == 1
    assert "not fetched" in done.stderr and str(data) in done.stderr
    assert "Traceback" not in done.stderr
    assert trap.hits == 0


# --- parser depth -------------------------------------------------------------------------


def test_deep_nesting_is_a_clear_error(store: Path, tmp_path: Path) -> None:
    deep = "SELECT * WHERE " + "{" * 100_000 + "}" * 100_000
    chain = "SELECT * WHERE { ?s ?p ?o FILTER(" + "+".join(["1"] * 20_000) + ") }"
    for name, text in (("deep.rq", deep), ("chain.rq", chain)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        done = run_kg("query", "--store", str(store), str(tmp_path / name))
        assert done.returncode == 1, done.returncode  # 139 was a segfault
        assert done.stderr.startswith("error: query") and done.stderr.count("\n") == 1
    srv = start_server(store, tmp_path / "log.txt", cache_bytes=0, workers=1)
    try:
        answers = [sparql(srv.url, deep), sparql(srv.url, chain)]
        after = sparql(srv.url, COUNT)
    finally:
        stop_server(srv)
    assert [a.status for a in answers] == [400, 400]
    assert "nested too deeply" in answers[0].text
    assert after.status == 200


# --- limits on workers --------------------------------------------------------------------


def test_memory_limit_stops_the_query_and_replaces_the_worker(store: Path, tmp_path: Path) -> None:
    srv = start_server(store, tmp_path / "log.txt", cache_bytes=0, workers=1,
                       worker_memory=300 * 2**20, timeout=120.0)
    try:
        hog = sparql(srv.url, MEMORY_HOG, timeout=120)
        after = sparql(srv.url, COUNT)
    finally:
        stop_server(srv)
    assert hog.status == 503 and "300 MB memory limit" in hog.text
    assert after.status == 200


def _abandon(url: str, query: str) -> None:
    host, port = url.split("//")[1].rstrip("/").split(":")
    body = urllib.parse.urlencode({"query": query}).encode()
    with socket.create_connection((host, int(port))) as sock:
        sock.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: "
                     b"application/x-www-form-urlencoded\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
        time.sleep(0.3)  # the query is running when the client goes away


def test_abandoned_queries_are_stopped(store: Path, tmp_path: Path) -> None:
    # One worker, one lane, a 120 s time limit: three abandoned runaway queries would hold the
    # next query for minutes if they kept running.
    srv = start_server(store, tmp_path / "log.txt", cache_bytes=0, workers=1, heavy_workers=0,
                       timeout=120.0)
    try:
        for _ in range(3):
            _abandon(srv.url, EXPENSIVE)
        after = sparql(srv.url, COUNT, timeout=20)
    finally:
        stop_server(srv)
    assert after.status == 200


def test_expensive_queries_move_to_their_own_lane(store: Path, tmp_path: Path) -> None:
    srv = start_server(store, tmp_path / "log.txt", cache_bytes=0, workers=1, heavy_workers=1,
                       cost_budget=0.5, timeout=8.0)
    try:
        with ThreadPoolExecutor(2) as pool:
            slow = [pool.submit(sparql, srv.url, EXPENSIVE, 60) for _ in range(2)]
            time.sleep(1.5)  # both have outrun the cheap lane's budget
            cheap = [sparql(srv.url, COUNT, timeout=10) for _ in range(5)]
            still_running = [not f.done() for f in slow]
            stopped = [f.result(timeout=60) for f in slow]
    finally:
        stop_server(srv)
    assert [c.status for c in cheap] == [200] * 5
    assert all(still_running)  # cheap queries were answered while the expensive ones ran
    assert [s.status for s in stopped] == [503, 503]


# --- connection timeouts ------------------------------------------------------------------


def _closed_within(sock: socket.socket, seconds: float, trickle: bytes = b"") -> bool:
    """Whether the server closes ``sock`` within ``seconds`` (sending ``trickle`` byte by byte)."""
    sock.settimeout(0.5)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if trickle:
                sock.sendall(trickle[:1])
                trickle = trickle[1:] or b"a"
            if sock.recv(1024) == b"":
                return True
        except socket.timeout:
            continue
        except OSError:
            return True
    return False


def test_slow_headers_and_unsent_bodies_are_cut(store: Path, tmp_path: Path) -> None:
    srv = start_server(store, tmp_path / "log.txt", cache_bytes=0)
    host, port = srv.url.split("//")[1].rstrip("/").split(":")
    try:
        with socket.create_connection((host, int(port))) as slow:
            slow.sendall(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nX-Slow: ")
            slow_closed = _closed_within(slow, 30, b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
        with socket.create_connection((host, int(port))) as silent:
            silent_closed = _closed_within(silent, 30)
        with socket.create_connection((host, int(port))) as huge:
            huge.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query"
                         b"\r\nContent-Length: 1000000000\r\n\r\nASK")
            huge.settimeout(10)
            huge_answer = huge.recv(200)
            huge_closed = _closed_within(huge, 10)
        with socket.create_connection((host, int(port))) as unsent:
            unsent.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query"
                           b"\r\nContent-Length: 100\r\n\r\nASK")
            unsent.settimeout(60)
            unsent_answer = unsent.recv(200)
        after = sparql(srv.url, COUNT)
    finally:
        stop_server(srv)
    assert slow_closed and silent_closed and huge_closed
    assert huge_answer.startswith(b"HTTP/1.1 413")
    assert unsent_answer.startswith(b"HTTP/1.1 408")
    assert after.status == 200


# --- the served store is a snapshot -------------------------------------------------------


@pytest.mark.parametrize("copy_limit", [128 * 2**20, 0], ids=["in-memory", "on-disk"])
def test_replacing_or_deleting_the_store_changes_nothing(store: Path, tmp_path: Path,
                                                         copy_limit: int) -> None:
    served = tmp_path / "out" / "store"
    shutil.copytree(store, served)
    srv = start_server(served, tmp_path / "log.txt", cache_bytes=0, workers=2,
                       memory_limit=copy_limit, worker_memory=300 * 2**20)
    try:
        first = count(srv.url)
        shutil.rmtree(served)  # replaced by another store
        write_store(served, b'<http://e/a> <http://e/p> "x" <http://e/g> .\n')
        replaced = {count(srv.url) for _ in range(12)}
        sparql(srv.url, MEMORY_HOG, timeout=120)  # a worker is killed and replaced
        after_kill = {count(srv.url) for _ in range(12)}
        shutil.rmtree(tmp_path / "out")  # the whole output folder deleted (a rebuild swaps it)
        deleted = {count(srv.url) for _ in range(12)}
        sparql(srv.url, MEMORY_HOG, timeout=120)
        after_kill_deleted = {count(srv.url) for _ in range(12)}
    finally:
        stop_server(srv)
    assert replaced == after_kill == deleted == after_kill_deleted == {first}
    assert not list(tmp_path.glob(".out.serve-snapshot-*"))  # removed on exit
