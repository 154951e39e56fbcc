"""``kg serve`` as a client sees it: the real server on a free loopback port, spoken to over HTTP.

Servers run for this module: one with a 1 s time limit, a 50-row cap, CORS and no response cache
(every request evaluated), one with the defaults (store in memory, response cache warmed up), one
with a small response cache, and one serving the store from disk. Every request goes to
127.0.0.1 and every loop is bounded.
"""

from __future__ import annotations

import csv
import io
import json
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html import escape
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from kg.api import query_library
from kg.build import build
from kg.corpus import demo_corpus_path
from kg.server.app import CACHE_HEADER, make_app, serve
from kg.store import open_store, run_query

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

MAX_ROWS = 50
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
ALL_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
LABELS = ("SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } "
          "ORDER BY ?s ?label LIMIT 30")
CONSTRUCT = ("CONSTRUCT { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } WHERE { "
             "?s <http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?s ?l LIMIT 40")


@dataclass(frozen=True)
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    @property
    def type(self) -> str:
        return self.headers.get("content-type", "")


@dataclass(frozen=True)
class Server:
    url: str
    process: subprocess.Popen

    def get(self, path: str = "", headers: dict[str, str] | None = None, **params: str) -> Answer:
        query = "?" + urllib.parse.urlencode(params) if params else ""
        return call("GET", self.url + path + query, headers=headers)

    def form(self, accept: str | None = None, **fields: str) -> Answer:
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if accept:
            headers["Accept"] = accept
        return call("POST", self.url + "sparql", urllib.parse.urlencode(fields).encode(), headers)

    def direct(self, query: str, accept: str | None = None) -> Answer:
        headers = {"Content-Type": "application/sparql-query", **({"Accept": accept} if accept else {})}
        return call("POST", self.url + "sparql", query.encode("utf-8"), headers)


def call(method: str, url: str, data: bytes | None = None, headers: dict[str, str] | None = None,
         timeout: float = 30) -> Answer:
    assert url.startswith("http://127.0.0.1:")  # loopback only
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return Answer(response.status, {k.lower(): v for k, v in response.headers.items()},
                          response.read())
    except urllib.error.HTTPError as err:
        return Answer(err.code, {k.lower(): v for k, v in err.headers.items()}, err.read())


def start_server(store: Path, log: Path, **options: object) -> Server:
    code = ("import sys; from kg.server.app import serve; "
            f"serve(sys.argv[1], '127.0.0.1', 0, **{options!r})")
    return start_command([sys.executable, "-c", code, str(store)], log)


def start_command(command: list[str], log: Path) -> Server:
    """Start a server process and wait until it answers on the address it prints."""
    with log.open("wb") as err:
        process = subprocess.Popen(command, stderr=err, stdout=err)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = re.search(r"http://127\.0\.0\.1:\d+/", log.read_text(encoding="utf-8"))
        if process.poll() is not None:
            pytest.fail(f"server exited: {log.read_text(encoding='utf-8')}")
        if found:
            try:
                if call("GET", found.group(0), timeout=5).status == 200:
                    return Server(found.group(0), process)
            except OSError:
                pass
        time.sleep(0.1)
    process.kill()
    pytest.fail("server did not start within 60 s")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(15)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait(5)


def fingerprint(folder: Path) -> list[tuple[str, int, int]]:
    return sorted((str(p.relative_to(folder)), p.stat().st_size, p.stat().st_mtime_ns)
                  for p in folder.rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    out = tmp_path_factory.getbasetemp() / "kazkg-demo-build"  # shared with test_queries.py
    if not (out / "manifest.json").is_file():
        build([demo_corpus_path()], out)
    return out / "store"


@pytest.fixture(scope="module")
def before(store: Path) -> list[tuple[str, int, int]]:
    return fingerprint(store)


@pytest.fixture(scope="module")
def server(store: Path, before, tmp_path_factory):
    srv = start_server(store, tmp_path_factory.mktemp("serve") / "stderr.txt",
                       timeout=1.0, max_rows=MAX_ROWS, cors=True, workers=2, cache_bytes=0)
    yield srv
    stop_server(srv)


@pytest.fixture(scope="module")
def plain_server(store: Path, tmp_path_factory):
    srv = start_server(store, tmp_path_factory.mktemp("serve-plain") / "stderr.txt")
    yield srv
    stop_server(srv)


def expected_rows(store: Path, query: str) -> list[dict[str, str]]:
    result = run_query(open_store(store), query)
    names = [v.value for v in result.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in result]


# --- the page ----------------------------------------------------------------------------


def test_page_lists_the_examples_and_loads_nothing_from_outside(server: Server) -> None:
    page = server.get()
    assert page.status == 200 and page.type.startswith("text/html")
    html = page.text
    own = html.replace('data-base="https://w3id.org/kazkg/id/"', "")  # the IRIs' base: data, not loaded
    own = re.sub(r'<script type="application/json" id="completions">.*?</script>', "", own, flags=re.S)
    for info in query_library().values():
        assert escape(info.title) in html
        assert escape(info.description) in html
        example = server.get(f"queries/{info.name}")
        assert example.status == 200 and example.text == info.text
        # A description may name a web site as text (orcid.org): data shown, never loaded.
        own = own.replace(escape(info.title), "").replace(escape(info.description), "")
    assert all(u.startswith(("http://127.0.0.1", "https://127.0.0.1"))
               for u in re.findall(r"https?://[^\s\"'<>]*", own))
    assert not re.search(r"<(img|iframe|object|embed)\b|\s(src|href|action)\s*=\s*[\"'](?!static/)", html)
    for asset in re.findall(r'(?:src|href)="(static/[^"]+)"', html):  # the vendored editor, from here
        assert server.get(asset).status == 200, asset
    assert "innerHTML" not in html and "textContent" in html
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert server.get("queries/no-such-query").status == 404


# --- the protocol: SELECT and ASK -----------------------------------------------------------


@pytest.mark.parametrize("accept, media", [
    (None, "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/csv;q=0.5, application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
     "application/sparql-results+xml"),
])
def test_select_results_in_every_format(server: Server, store: Path, accept, media) -> None:
    answer = server.get("sparql", {"Accept": accept} if accept else None, query=LABELS)
    assert answer.status == 200, answer.text
    assert answer.type.split(";")[0] == media
    assert answer.headers["x-kazkg-truncated"] == "false"
    assert parse_select(answer) == [r.get("label") for r in expected_rows(store, LABELS)]


def parse_select(answer: Answer) -> list[str | None]:
    """The ``label`` column of a SELECT answer, whatever its format."""
    kind = answer.type.split(";")[0]
    if kind.endswith("json"):
        return [b["label"]["value"] for b in json.loads(answer.body)["results"]["bindings"]]
    if kind.endswith("xml"):
        ns = "{http://www.w3.org/2005/sparql-results#}"
        root = ET.fromstring(answer.body)
        return [b.find(f"{ns}literal").text for b in root.iter(f"{ns}binding")
                if b.get("name") == "label"]
    if kind == "text/csv":
        return [row["label"] for row in csv.DictReader(io.StringIO(answer.text, newline=""))]
    rows = ox.parse_query_results(answer.body, ox.QueryResultsFormat.TSV)
    return [row["label"].value for row in rows]


def test_format_parameter_wins_over_accept(server: Server) -> None:
    answer = server.get("sparql", {"Accept": "application/sparql-results+json"},
                        query=LABELS, format="csv")
    assert answer.type.startswith("text/csv")
    assert server.form("text/csv", query=LABELS, format="tsv").type.startswith("text/tab-separated")
    assert server.get("sparql", query=LABELS, format="text/csv").type.startswith("text/csv")


def test_unacceptable_format_is_406(server: Server) -> None:
    answer = server.get("sparql", {"Accept": "image/png"}, query=LABELS)
    assert answer.status == 406 and "application/sparql-results+json" in answer.text
    assert server.get("sparql", query=LABELS, format="ttl").status == 406


def test_get_and_both_post_forms_agree(server: Server) -> None:
    got = server.get("sparql", query=LABELS)
    form = server.form(query=LABELS)
    direct = server.direct(LABELS)
    assert got.status == form.status == direct.status == 200
    assert json.loads(got.body) == json.loads(form.body) == json.loads(direct.body)


def test_ask(server: Server) -> None:
    yes = server.direct("ASK { ?s ?p ?o }")
    assert yes.type.startswith("application/sparql-results+json")
    assert json.loads(yes.body)["boolean"] is True
    no = server.form("application/sparql-results+xml", query="ASK { <urn:x:none> ?p ?o }")
    assert b"<boolean>false</boolean>" in no.body


def test_protocol_dataset_replaces_the_union_graph(server: Server, store: Path) -> None:
    graph = "https://w3id.org/kazkg/id/graph/ontology"
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    expected = len(list(open_store(store).quads_for_pattern(None, None, None, ox.NamedNode(graph))))
    answer = server.get("sparql", {"Accept": "text/csv"}, query=query, **{"default-graph-uri": graph})
    assert answer.text.split() == ["n", str(expected)]


# --- the protocol: CONSTRUCT and DESCRIBE ---------------------------------------------------


@pytest.mark.parametrize("accept, media, rdflib_format", [
    (None, "text/turtle", "turtle"),
    ("text/turtle", "text/turtle", "turtle"),
    ("application/n-triples", "application/n-triples", "nt"),
    ("application/ld+json", "application/ld+json", "json-ld"),
])
def test_construct_parses_back(server: Server, store: Path, accept, media, rdflib_format) -> None:
    answer = server.direct(CONSTRUCT, accept)
    assert answer.status == 200 and answer.type.split(";")[0] == media
    graph = rdflib.Graph().parse(data=answer.body, format=rdflib_format)
    expected = {(str(t.subject.value), t.object.value, t.object.language)
                for t in run_query(open_store(store), CONSTRUCT)}
    assert {(str(s), str(o), o.language) for s, _, o in graph} == expected


def test_describe_defaults_to_turtle(server: Server) -> None:
    answer = server.get("sparql", query="DESCRIBE <https://w3id.org/kazkg/id/country/kz>")
    assert answer.status == 200 and answer.type.startswith("text/turtle")
    rdflib.Graph().parse(data=answer.body, format="turtle")


# --- refusals and errors ----------------------------------------------------------------


def test_updates_are_refused_and_the_store_never_changes(server: Server, store: Path, before) -> None:
    count = server.get("sparql", {"Accept": "text/csv"}, query=ALL_QUADS).text
    drop = "DROP ALL"
    insert = "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }"
    assert server.form(update=drop).status == 403
    assert server.form(update=insert).status == 403
    assert call("POST", server.url + "sparql", drop.encode(),
                {"Content-Type": "application/sparql-update"}).status == 403
    assert server.get("sparql", update=drop).status == 403
    assert server.direct(insert).status == 400  # not a query
    assert server.get("sparql", {"Accept": "text/csv"}, query=ALL_QUADS).text == count
    assert fingerprint(store) == before


def test_malformed_query_is_400_with_line_and_column(server: Server) -> None:
    answer = server.direct("SELECT * WHERE {\n  ?s ?p \n}")
    assert answer.status == 400 and answer.type.startswith("text/plain")
    assert re.search(r"\b[23]:\d+\b", answer.text), answer.text


@pytest.mark.parametrize("method, data, headers, status", [
    ("GET", None, {}, 400),
    ("POST", b"query=SELECT%20*%20{}", {"Content-Type": "text/plain"}, 415),
    ("PUT", b"", {}, 405),
])
def test_bad_requests(server: Server, method, data, headers, status) -> None:
    assert call(method, server.url + "sparql", data, headers).status == status


# --- limits ------------------------------------------------------------------------------


@pytest.mark.slow
def test_runaway_query_is_stopped_while_others_are_served(server: Server) -> None:
    with ThreadPoolExecutor(1) as pool:
        started = time.monotonic()
        runaway = pool.submit(server.direct, CARTESIAN)
        time.sleep(0.2)
        during = [server.direct("ASK { ?s ?p ?o }") for _ in range(5)]
        assert not runaway.done()
        answer = runaway.result(timeout=30)
        elapsed = time.monotonic() - started
    assert [a.status for a in during] == [200] * 5
    assert answer.status in (503, 504) and "time limit" in answer.text
    assert elapsed < 6
    after = [server.direct(ALL_QUADS, "text/csv") for _ in range(4)]
    assert [a.status for a in after] == [200] * 4


def _csv_rows(text: str) -> list[list[str]]:
    """CSV records (a literal may hold a line break: a name printed over two lines)."""
    return list(csv.reader(io.StringIO(text)))


def test_row_cap_is_announced(server: Server, plain_server: Server) -> None:
    everything = "SELECT * WHERE { ?s ?p ?o }"
    cut = server.get("sparql", {"Accept": "text/csv"}, query=everything)
    assert cut.headers["x-kazkg-truncated"] == "true"
    assert len(_csv_rows(cut.text)) == MAX_ROWS + 1
    graph = server.direct("CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples")
    assert graph.headers["x-kazkg-truncated"] == "true"
    assert len(graph.text.splitlines()) == MAX_ROWS
    whole = plain_server.get("sparql", {"Accept": "text/csv"}, query=everything)
    total = int(plain_server.get("sparql", {"Accept": "text/csv"}, query=ALL_QUADS).text.split()[1])
    assert whole.headers["x-kazkg-truncated"] == "false"
    assert len(_csv_rows(whole.text)) == total + 1 > MAX_ROWS


def test_cors_only_when_asked(server: Server, plain_server: Server) -> None:
    preflight = {"Origin": "http://127.0.0.1:9", "Access-Control-Request-Method": "POST",
                 "Access-Control-Request-Headers": "content-type"}
    answer = call("OPTIONS", server.url + "sparql", headers=preflight)
    assert answer.status == 200 and answer.headers["access-control-allow-origin"] == "*"
    assert "POST" in answer.headers["access-control-allow-methods"]
    simple = server.get("sparql", {"Origin": "http://127.0.0.1:9"}, query=LABELS)
    assert simple.headers["access-control-allow-origin"] == "*"
    assert "x-kazkg-truncated" in simple.headers["access-control-expose-headers"].lower()
    plain = plain_server.get("sparql", {"Origin": "http://127.0.0.1:9"}, query=LABELS)
    assert plain.status == 200 and "access-control-allow-origin" not in plain.headers
    assert call("OPTIONS", plain_server.url + "sparql", headers=preflight).status == 405


@pytest.mark.slow
def test_sixteen_parallel_clients_run_the_analyst_queries(server: Server) -> None:
    texts = [info.text for info in query_library().values()]

    def client(n: int) -> list[int]:
        statuses = []
        for i, text in enumerate(texts):
            answer = server.direct(text) if (n + i) % 2 else server.form(query=text)
            json.loads(answer.body)
            statuses.append(answer.status)
        return statuses

    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(client, range(16), timeout=120))
    assert results == [[200] * len(texts)] * 16


# --- the store in memory or on disk, and the response cache ------------------------------

CACHE_BYTES = 5000


@pytest.fixture(scope="module")
def cached_server(store: Path, tmp_path_factory):
    srv = start_server(store, tmp_path_factory.mktemp("serve-cached") / "stderr.txt",
                       cache_bytes=CACHE_BYTES, warm=False)
    yield srv
    stop_server(srv)


@pytest.fixture(scope="module")
def disk_server(store: Path, tmp_path_factory):
    srv = start_server(store, tmp_path_factory.mktemp("serve-disk") / "stderr.txt",
                       memory_limit=0, cache_bytes=0)
    yield srv
    stop_server(srv)


def padded(tag: str, size: int) -> str:
    """A query whose text and JSON answer are each a little over ``size`` bytes."""
    return f'SELECT ?x WHERE {{ BIND("{tag}{"a" * size}" AS ?x) }}'


def test_store_on_disk_gives_the_same_answers(server: Server, disk_server: Server) -> None:
    for info in list(query_library().values())[:8]:
        memory, disk = server.direct(info.text, "text/csv"), disk_server.direct(info.text, "text/csv")
        assert memory.status == disk.status == 200
        if memory.headers["x-kazkg-truncated"] == "false":
            assert memory.body == disk.body, info.name
    assert disk_server.form(update="DROP ALL").status == 403


def test_without_cache_every_request_is_evaluated(server: Server) -> None:
    assert all(CACHE_HEADER.lower() not in server.direct(LABELS).headers for _ in range(2))


def test_cache_hit_returns_the_same_bytes(cached_server: Server, store: Path) -> None:
    query = padded("same", 100)
    first = cached_server.direct(query)
    second = cached_server.get("sparql", query=query)  # GET or POST: the same query
    assert (first.headers["x-kazkg-cache"], second.headers["x-kazkg-cache"]) == ("miss", "hit")
    assert first.status == second.status == 200
    assert second.body == first.body and second.type == first.type
    assert second.headers["x-kazkg-truncated"] == first.headers["x-kazkg-truncated"] == "false"
    assert json.loads(second.body)["results"]["bindings"][0]["x"]["value"] == "same" + "a" * 100


def test_cache_keeps_one_answer_per_media_type(cached_server: Server) -> None:
    query = padded("accept", 50)
    json_answer = cached_server.direct(query, "application/sparql-results+json")
    csv_answer = cached_server.direct(query, "text/csv")
    assert json_answer.headers["x-kazkg-cache"] == csv_answer.headers["x-kazkg-cache"] == "miss"
    assert csv_answer.type.startswith("text/csv") and csv_answer.body != json_answer.body
    again_csv = cached_server.get("sparql", {"Accept": "text/csv"}, query=query)
    again_json = cached_server.direct(query, "application/json")  # the same media type
    assert again_csv.headers["x-kazkg-cache"] == again_json.headers["x-kazkg-cache"] == "hit"
    assert again_csv.body == csv_answer.body and again_json.body == json_answer.body
    tsv = cached_server.get("sparql", query=query, format="tsv")  # a third media type
    assert tsv.headers["x-kazkg-cache"] == "miss" and tsv.type.startswith("text/tab-separated")


def test_cache_is_bounded_in_bytes(cached_server: Server) -> None:
    size = CACHE_BYTES // 5  # text + answer of one query: a little over 2/5 of the cache
    first, second, third = (padded(tag, size) for tag in ("first", "second", "third"))
    assert [cached_server.direct(q).headers["x-kazkg-cache"] for q in (first, first)] == ["miss", "hit"]
    cached_server.direct(second)
    cached_server.direct(third)  # no room for three: the least recently used one goes
    assert cached_server.direct(third).headers["x-kazkg-cache"] == "hit"
    assert cached_server.direct(first).headers["x-kazkg-cache"] == "miss"
    too_big = padded("big", CACHE_BYTES)  # larger than the whole cache: never kept
    assert [cached_server.direct(too_big).headers["x-kazkg-cache"] for _ in range(2)] == ["miss"] * 2
    assert cached_server.direct(too_big).status == 200


def test_cache_keeps_no_errors(cached_server: Server) -> None:
    bad = "SELECT * WHERE { ?s ?p }"
    assert [cached_server.direct(bad).status for _ in range(2)] == [400, 400]
    assert cached_server.direct(bad).headers["x-kazkg-cache"] == "miss"


def test_cache_is_warmed_up_with_the_query_library(plain_server: Server) -> None:
    # The warm-up runs in the background, in library order: ask for each query at most once,
    # last first, until one is answered from the cache before anybody asked for it.
    texts = [info.text for info in query_library().values()]
    for text in reversed(texts):
        answer = plain_server.direct(text, "application/sparql-results+json")
        assert answer.status == 200
        if answer.headers["x-kazkg-cache"] == "hit":
            break
        time.sleep(0.5)
    else:
        pytest.fail("no library query was answered from the warmed-up cache")


# --- the library entry points ----------------------------------------------------------


def test_missing_store_fails_at_once(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no store here"):
        make_app(tmp_path / "nowhere")
    with pytest.raises(FileNotFoundError, match="no store here"):
        serve(tmp_path / "nowhere", port=0)


def test_busy_port_is_one_clear_error(store: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        with pytest.raises(OSError, match="cannot listen on 127.0.0.1"):
            serve(store, "127.0.0.1", taken.getsockname()[1])


def test_cli_missing_store_is_one_line_and_non_zero(tmp_path: Path) -> None:
    from kg.cli import app

    if "serve" not in {c.name or c.callback.__name__ for c in app.registered_commands}:
        pytest.skip("`kg serve` is not wired into kg/cli.py yet")
    done = subprocess.run([sys.executable, "-m", "kg", "serve", "--store", str(tmp_path / "no"),
                           "--port", "0"], check=False, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode != 0
    assert len(done.stderr.strip().splitlines()) == 1 and "no store here" in done.stderr


def test_cli_serve_options_turn_the_cache_off(store: Path, tmp_path: Path) -> None:
    srv = start_command([sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", "0",
                         "--cache-mb", "0", "--memory-limit-mb", "0", "--no-warm"],
                        tmp_path / "stderr.txt")
    try:
        first = srv.direct(LABELS, "text/csv")
        second = srv.direct(LABELS, "text/csv")
        assert first.status == second.status == 200 and first.body == second.body
        assert CACHE_HEADER.lower() not in first.headers and CACHE_HEADER.lower() not in second.headers
    finally:
        stop_server(srv)
