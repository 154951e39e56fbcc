"""Entity pages of ``kg serve`` (``/id/...``, ``/describe``) and bound library queries, on a real server.

A server over the demo build answers HTML to a browser's ``Accept`` and the triples of
``DESCRIBE`` to RDF clients; a second one over a tiny store with hostile labels shows that every
value is escaped. The query page's result links are followed in headless Chromium.
"""

from __future__ import annotations

import json
import re
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from kg.corpus import demo_corpus_path
from kg.ingest import read_document
from kg.store import open_store, run_query, write_store
from test_server import Server, call, start_server, stop_server

ID = "https://w3id.org/kazkg/id/"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"
KZ = ID + "country/kz"
HOSTILE = '<script>window.__kgPwned=1</script><img src=x onerror="window.__kgPwned=2">'


@pytest.fixture(scope="module")
def store(demo_build: Path) -> Path:
    return demo_build / "store"


@pytest.fixture(scope="module")
def server(store: Path, tmp_path_factory):
    srv = start_server(store, tmp_path_factory.mktemp("serve-entities") / "stderr.txt",
                       workers=2, cache_bytes=0)
    yield srv
    stop_server(srv)


def graph(data: bytes, fmt: str) -> set:
    g = rdflib.Graph()
    g.parse(data=data, format=fmt)
    return set(g)


def describe(server: Server, iri: str, accept: str) -> bytes:
    answer = server.direct(f"DESCRIBE <{iri}>", accept)
    assert answer.status == 200
    return answer.body


def test_an_entity_answers_html_to_a_browser(server: Server) -> None:
    page = server.get("id/country/kz", {"Accept": BROWSER})
    assert page.status == 200 and page.type.startswith("text/html")
    html = page.text
    assert "<h1>Kazakhstan</h1>" in html
    for label in ("Қазақстан", "Казахстан", "Kazakhstan"):
        assert label in html
    assert '<a href="http://www.wikidata.org/entity/Q232" rel=' in html  # owl:sameAs
    assert "https://w3id.org/kazkg/ontology#Country" in html
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert "<script" not in html
    # a mention: its text, the document, the offsets, and they point at the text of the document
    texts = {p.name: read_document(p).text for p in demo_corpus_path().glob("*.md")}
    rows = re.findall(r"<tr><td>([^<]*)</td><td>[^<]*</td><td>([^<]*)</td><td>(\d+)–(\d+)</td>", html)
    assert len(rows) >= 10
    for text, doc, start, end in rows:
        assert texts[doc][int(start):int(end)] == text
    assert "HIGHER EDUCATION POLICY UNDER DIGITAL TRANSFORMATION" in html  # an article mentioning it
    assert 'href="/id/network/entity-comention"' in html and "pagerank" in html  # scores
    assert 'href="/id/law/kz-constitution"' in html  # co-mentioned


def test_a_person_page_lists_co_authors(server: Server) -> None:
    html = server.get("id/person/arman-beisenav", {"Accept": BROWSER}).text
    co = html.split("<h2>Co-authors</h2>", 1)[1].split("<h2>", 1)[0]
    assert 'href="/id/person/janar-kalieva"' in co and "Zhanar Kaliyeva" in co
    assert "PERSONNEL POLICY" in html.split("<h2>Articles authored</h2>", 1)[1]


def test_a_cited_persons_page_lists_the_works_cited(server: Server) -> None:
    html = server.get("id/person/danleavi-p", {"Accept": BROWSER}).text  # "Dunleavy P." cited
    works = html.split("<h2>Works cited</h2>", 1)[1].split("<h2>", 1)[0]
    assert "New Public Management Is Dead" in works and "2006" in works
    assert "<h2>Works cited</h2>" not in server.get("id/country/kz", {"Accept": BROWSER}).text


@pytest.mark.parametrize("accept, fmt", [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                                         ("application/ld+json", "json-ld"), ("*/*", "turtle")])
def test_an_entity_answers_the_triples_of_describe(server: Server, accept, fmt) -> None:
    for iri in (KZ, ID + "person/arman-beisenav"):
        answer = server.get("id/" + iri.removeprefix(ID), {"Accept": accept})
        assert answer.status == 200
        assert answer.type.split(";")[0] == (accept if accept != "*/*" else "text/turtle")
        assert answer.headers["vary"] == "Accept"
        got = graph(answer.body, fmt)
        assert len(got) > 5 and got == graph(describe(server, iri, "application/n-triples"), "nt")


def test_describe_route_takes_any_iri_and_says_when_it_is_not_there(server: Server) -> None:
    wikidata = server.get("describe", {"Accept": BROWSER}, iri="http://www.wikidata.org/entity/Q232")
    assert wikidata.status == 200 and 'href="/id/country/kz"' in wikidata.text  # linked from
    turtle = server.get("describe", {"Accept": "text/turtle"}, iri=KZ)
    assert graph(turtle.body, "turtle") == graph(describe(server, KZ, "text/turtle"), "turtle")
    assert server.get("id/country/zz", {"Accept": BROWSER}).status == 404
    assert server.get("id/country/zz", {"Accept": "text/turtle"}).status == 404
    assert server.get("describe", iri="not an iri").status == 400
    assert server.get("id/country/kz", {"Accept": "image/png"}).status == 406
    assert server.get("id/country/kz", format="nt").type.startswith("application/n-triples")


def test_every_kind_of_iri_in_the_build_answers(server: Server, store: Path) -> None:
    one_per_type = ("SELECT (MIN(STR(?s)) AS ?iri) WHERE { ?s a ?type FILTER(isIRI(?s)) } GROUP BY ?type")
    iris = [r["iri"].value for r in run_query(open_store(store), one_per_type)]
    assert len(iris) >= 20

    def fetch(iri: str) -> tuple[int, int]:
        path = "id/" + iri.removeprefix(ID) if iri.startswith(ID) else \
            "describe?" + urllib.parse.urlencode({"iri": iri})
        return (call("GET", server.url + path, headers={"Accept": BROWSER}).status,
                call("GET", server.url + path, headers={"Accept": "text/turtle"}).status)

    with ThreadPoolExecutor(4) as pool:
        assert set(pool.map(fetch, iris, timeout=120)) == {(200, 200)}


def test_library_queries_bind_parameters_from_the_url(server: Server) -> None:
    bound = server.get("queries/coauthors", person="Arman Beisenov")
    assert bound.status == 200 and f"VALUES ?person {{ <{ID}person/arman-beisenav> }}" in bound.text
    rows = json.loads(server.direct(bound.text, "application/sparql-results+json").body)
    assert {b["name"]["value"] for b in rows["results"]["bindings"]} == {"Zhanar Kaliyeva"}
    assert "VALUES ?type { <https://w3id.org/kazkg/ontology#Country> }" in \
        server.get("queries/mention-provenance", type="kg:Country").text
    missing = server.get("queries/coauthors", person="Nobody Atall")
    assert missing.status == 400 and "no entity is labelled 'Nobody Atall'" in missing.text
    assert server.get("queries/top-entities-by-type", top="many").status == 400


def test_search_route_returns_iris_for_an_inflected_form(server: Server) -> None:
    answer = server.get("search", q="Қазақстанның")
    assert answer.status == 200 and answer.type.startswith("application/json")
    hits = json.loads(answer.body)
    assert hits[0]["iri"] == KZ and hits[0]["href"] == "/id/country/kz" and hits[0]["label"] == "Kazakhstan"
    page = server.get("search", {"Accept": BROWSER}, q="Казахстана")
    assert page.status == 200 and 'href="/id/country/kz"' in page.text
    assert json.loads(server.get("search", q="").body) == []
    assert server.get("search", q="x", limit="0").status == 400
    assert 'action="/search"' in server.get("id/country/kz", {"Accept": BROWSER}).text


# --- escaping ---------------------------------------------------------------------------------

HOSTILE_NT = "\n".join([
    f'<http://e.org/x> <http://www.w3.org/2000/01/rdf-schema#label> {json.dumps(HOSTILE)}@en <http://e.org/g> .',
    f'<http://e.org/x> <http://e.org/p> {json.dumps(HOSTILE)} <http://e.org/g> .',
    '<http://e.org/x> <http://www.w3.org/2002/07/owl#sameAs> <javascript:alert(1)> <http://e.org/g> .',
    '<http://e.org/m> <https://w3id.org/kazkg/ontology#mentionOf> <http://e.org/x> <http://e.org/g> .',
    # the build's ontology graph: its name tells the server the base of the build's IRIs
    '<http://e.org/o> <http://www.w3.org/2000/01/rdf-schema#label> "o" <http://e.org/graph/ontology> .',
]) + "\n"


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    write_store(folder / "store", HOSTILE_NT.encode())
    srv = start_server(folder / "store", folder / "stderr.txt", workers=1, cache_bytes=0)
    yield srv
    stop_server(srv)


def test_hostile_values_are_escaped(hostile_server: Server) -> None:
    page = hostile_server.get("id/x", {"Accept": BROWSER})
    assert page.status == 200
    assert "<script" not in page.text and "<img" not in page.text
    assert "&lt;script&gt;window.__kgPwned=1&lt;/script&gt;" in page.text
    assert 'href="javascript:' not in page.text  # a sameAs target that is no web address
    ttl = hostile_server.get("id/x", {"Accept": "text/turtle"})
    assert ox.Literal(HOSTILE, language="en") in {t.object for t in ox.parse(ttl.body, ox.RdfFormat.TURTLE)}


# --- the query page in a browser ------------------------------------------------------------

def _offline_browser(monkeypatch):
    """A real headless Chromium in which names resolve nowhere (nothing leaves the machine)
    and only the loopback server is reachable; skips without Chromium."""
    viz = pytest.importorskip("test_viz_browser")
    if not Path(viz.CHROMIUM).is_file():
        pytest.skip("chromium not installed")
    monkeypatch.setattr(viz, "FLAGS", tuple(
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1" if f.startswith("--host-resolver")
        else f for f in viz.FLAGS))
    return viz.Browser()


@pytest.mark.slow
def test_result_tables_link_every_iri_to_its_page(server: Server, monkeypatch) -> None:
    browser = _offline_browser(monkeypatch)
    try:
        tools = browser.page()
        tools.call("Page.navigate", url=server.url)
        tools.wait_for("typeof window.kgSetQuery === 'function'")
        tools.evaluate("window.kgSetQuery("
                       + json.dumps("SELECT ?c ?l WHERE { ?c a <https://w3id.org/kazkg/ontology#Country> ; "
                                    "<http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?c ?l") + ")")
        # the vendored editor loaded from this server (names resolve nowhere) and completes our classes
        assert tools.evaluate("typeof CodeMirror === 'function' && !!document.querySelector('.CodeMirror')")
        tools.evaluate("kgEditor.setValue('SELECT * WHERE { ?x a kg:Cou'); kgEditor.setCursor(0, 100);"
                       "kgEditor.execCommand('autocomplete')")
        tools.wait_for("document.querySelectorAll('.CodeMirror-hints li').length > 0")
        offered = tools.evaluate("Array.from(document.querySelectorAll('.CodeMirror-hints li'), li => li.textContent)")
        assert "kg:Country" in offered
        # an entity label, in an inflected form, from the search index: picking it inserts the IRI
        tools.evaluate("kgEditor.setValue('SELECT * WHERE { ?x ?p Қазақстанн'); kgEditor.setCursor(0, 100);"
                       "kgEditor.execCommand('autocomplete')")
        tools.wait_for("Array.from(document.querySelectorAll('.CodeMirror-hints li')).some("
                       f"li => li.textContent.endsWith('<{KZ}>'))")
        tools.evaluate("const w = kgEditor.state.completionActive.widget;"
                       "w.changeActive(Array.from(document.querySelectorAll('.CodeMirror-hints li')).findIndex("
                       f"li => li.textContent.endsWith('<{KZ}>'))); w.pick()")
        assert tools.evaluate("kgEditor.getValue()") == f"SELECT * WHERE {{ ?x ?p <{KZ}>"
        tools.evaluate("kgEditor.setValue('SELECT ?Қазақ'); kgEditor.setCursor(0, 100);"
                       "kgEditor.execCommand('autocomplete')")
        time.sleep(0.5)  # a variable name is not looked up
        assert not tools.evaluate("Array.from(document.querySelectorAll('.CodeMirror-hints li')).some("
                                  "li => li.textContent.includes('<https://'))")
        tools.evaluate("kgEditor.setValue('sche'); kgEditor.setCursor(0, 4); kgEditor.execCommand('autocomplete')")
        tools.wait_for("Array.from(document.querySelectorAll('.CodeMirror-hints li')).some("
                       "li => li.textContent.startsWith('schema: <http://schema.org/>'))")
        tools.evaluate("window.kgSetQuery("
                       + json.dumps("SELECT ?c ?l WHERE { ?c a <https://w3id.org/kazkg/ontology#Country> ; "
                                    "<http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?c ?l") + ")")
        tools.evaluate("document.getElementById('run').click()")
        tools.wait_for("document.querySelectorAll('#results a').length > 0")
        links = tools.evaluate("Array.from(document.querySelectorAll('#results td.uri a'), a => a.href)")
        cells = tools.evaluate("document.querySelectorAll('#results td.uri').length")
        assert len(links) == cells > 0
        assert server.url + "id/country/kz" in links
        tools.evaluate("document.querySelector('#search input').value = 'Қазақстанның';"
                       "document.querySelector('#search button').click()")
        tools.wait_for("document.querySelectorAll('#hits a').length > 0")
        assert tools.evaluate("document.querySelector('#hits a').href") == server.url + "id/country/kz"
        errors = [e for e in tools.events if e.get("method") in ("Runtime.exceptionThrown", "Log.entryAdded")
                  and (e["method"] == "Runtime.exceptionThrown" or e["params"]["entry"]["level"] == "error")]
        assert errors == []  # no script error, no CSP violation
        assert tools.evaluate("document.getElementById('history').options.length") >= 2  # kept in the browser
        tools.evaluate(f"location.href = {json.dumps(server.url + 'id/country/kz')}")
        time.sleep(0.5)
        tools.wait_for("document.querySelector('h1') && document.querySelector('h1').textContent === 'Kazakhstan'")
    finally:
        browser.close()


@pytest.mark.slow
def test_a_count_result_offers_a_bar_chart(server: Server, monkeypatch) -> None:
    browser = _offline_browser(monkeypatch)
    try:
        tools = browser.page()
        tools.call("Page.navigate", url=server.url)
        tools.wait_for("typeof window.kgSetQuery === 'function' && !!window.kgChart")
        counts = ("SELECT ?type (COUNT(?s) AS ?n) WHERE { ?s a ?type } GROUP BY ?type "
                  "ORDER BY DESC(?n) ?type LIMIT 8")
        tools.evaluate(f"window.kgSetQuery({json.dumps(counts)}); document.getElementById('run').click()")
        tools.wait_for("!!document.getElementById('chart-button')")
        tools.evaluate("document.getElementById('chart-button').click()")
        tools.wait_for("document.querySelectorAll('#chart svg rect').length > 0")
        values = tools.evaluate("Array.from(document.querySelectorAll('#chart rect'), r => Number(r.dataset.value))")
        widths = tools.evaluate("Array.from(document.querySelectorAll('#chart rect'), r => Number(r.getAttribute('width')))")
        table = tools.evaluate("Array.from(document.querySelectorAll('#results tbody tr'), "
                               "tr => Number(tr.cells[1].firstChild.textContent))")
        assert values == table and len(values) == 8
        assert widths == sorted(widths, reverse=True) and widths[0] > widths[-1] > 0
        assert "Mention" in tools.evaluate("document.querySelector('#chart svg').textContent")
        # a result with no number column offers no chart
        tools.evaluate("window.kgSetQuery('SELECT ?s ?o WHERE { ?s a ?o } LIMIT 3');"
                       "document.getElementById('run').click()")
        tools.wait_for("document.getElementById('status').textContent.startsWith('3 row')")
        assert tools.evaluate("document.getElementById('chart-button') === null")
        errors = [e for e in tools.events if e.get("method") in ("Runtime.exceptionThrown", "Log.entryAdded")
                  and (e["method"] == "Runtime.exceptionThrown" or e["params"]["entry"]["level"] == "error")]
        assert errors == []  # no script error, no CSP violation
    finally:
        browser.close()
