"""The network pages' researcher tools in a real headless Chromium (networking off): the year
slider, evidence behind an edge, PNG/SVG export, the ego filter, the label language, and the
entity page link when the page is served over HTTP."""

from __future__ import annotations

import base64
import functools
import html
import http.server
import re
import threading
import time

import pyoxigraph as ox
import pytest

from kg.pages import write_pages
import test_viz_browser
from network_sample import E, sample_results
from test_viz_browser import CHROMIUM, Browser, visit  # noqa: F401  (CHROMIUM: the skip)
from test_viz_browser import pytestmark  # noqa: F401  (slow, skipped without Chromium)

READY = "document.body.getAttribute('data-state') === 'ready'"
VISIBLE = "+document.body.getAttribute('data-visible')"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    results = sample_results(out)
    write_pages(list(results.values()), out, [])
    return out


@pytest.fixture(scope="module")
def browser():
    b = Browser()
    yield b
    b.close()


@pytest.fixture
def page(browser, site):
    opened = []

    def open_(name):
        tools, seen = visit(browser, site / "networks" / f"{name}.html", READY)
        opened.append(tools)
        assert seen == {"errors": [], "requests": [], "failed": []}
        return tools

    yield open_
    for tools in opened:
        tools.close()


def slide(tools, element_id: str, value) -> None:
    tools.evaluate(f"""(function () {{ var s = document.getElementById({element_id!r});
        s.value = {value!r}; s.dispatchEvent(new Event('input')); }})()""")


def choose(tools, element_id: str, value: str) -> None:
    tools.evaluate(f"""(function () {{ var s = document.getElementById({element_id!r});
        s.value = {value!r}; s.dispatchEvent(new Event('change')); }})()""")


def click_at(tools, x: float, y: float) -> None:
    for kind in ("mousePressed", "mouseReleased"):
        tools.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", clickCount=1)
    time.sleep(0.4)


def screen_point(tools, a: str, b: str | None = None) -> list[float]:
    """The viewport point of node ``a``, or of the middle of the edge ``a``–``b``."""
    ids = [a] if b is None else [a, b]
    return tools.evaluate(f"""(function () {{
        var ids = {ids!r}, pos = kgNetwork.getPositions(ids), x = 0, y = 0;
        ids.forEach(function (id) {{ x += pos[id].x / ids.length; y += pos[id].y / ids.length; }});
        var d = kgNetwork.canvasToDOM({{x: x, y: y}});
        var r = document.querySelector('#network canvas').getBoundingClientRect();
        return [d.x + r.left, d.y + r.top]; }})()""")


def test_year_slider_changes_the_visible_nodes(page):
    tools = page("entity-comention")
    assert tools.evaluate(VISIBLE) == 3
    assert tools.evaluate("document.getElementById('years').style.display") != "none"
    slide(tools, "year-from", 2021)
    slide(tools, "year-to", 2021)
    assert tools.evaluate(VISIBLE) == 2  # Қазақстан and Ресей: the law is not named in 2021
    hidden = tools.evaluate(f"kgNetwork.body.data.nodes.get({E + 'law'!r}).hidden")
    assert hidden is True
    slide(tools, "year-from", 2023)
    slide(tools, "year-to", 2023)
    assert tools.evaluate(VISIBLE) == 2  # Қазақстан and Конституция


def test_colour_by_mean_year(page):
    tools = page("keyword-cooccurrence")  # mean years 2020, 2021 and 2022
    choose(tools, "colour-by", "year")
    colours = tools.evaluate("kgNetwork.body.data.nodes.get().map(function (n) { return n.color; })")
    assert len(set(colours)) == 3
    assert "2019" in tools.evaluate("document.getElementById('legend').innerText")


def test_clicking_an_edge_shows_sentences_naming_both_ends(page):
    tools = page("entity-comention")
    click_at(tools, *screen_point(tools, E + "kz", E + "law"))
    assert tools.evaluate("kgNetwork.getSelectedEdges().length") == 1
    text = tools.evaluate("document.getElementById('details').innerText")
    assert "Қазақстан — Конституция" in text
    sentences = tools.evaluate("Array.from(document.querySelectorAll('#details .sentence'))"
                               ".map(function (s) { return s.textContent; })")
    assert sentences and all("Қазақстан" in s and "Конституция" in s for s in sentences)
    assert "Қазақстан Конституциясы 1995 жылы қабылданды." in sentences
    assert "Бірінші мақала" in text and "Асель Нұрова, Ерлан Әлиев" in text and "2019" in text
    assert tools.evaluate("document.querySelectorAll('#details mark').length") >= 2
    assert tools.evaluate("document.querySelectorAll('#details a[href*=\"/describe\"]').length") == 0


def test_clicking_a_node_lists_its_articles_and_sentences(page):
    tools = page("entity-comention")
    click_at(tools, *screen_point(tools, E + "ru"))
    text = tools.evaluate("document.getElementById('details').innerText")
    assert "Ресей" in text and "Екінші мақала" in text and "2021" in text
    assert "Қазақстан мен Ресей шекарасы." in text


def test_png_and_svg_export_the_current_view(page):
    tools = page("keyword-cooccurrence")
    url = tools.evaluate("kgExport.png()")
    assert url.startswith("data:image/png;base64,")
    data = base64.b64decode(url.split(",", 1)[1])
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 2000
    count = tools.call("Runtime.evaluate", expression="""new Promise(function (done) {
        var img = new Image();
        img.onload = function () {
          var c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
          var ctx = c.getContext('2d'); ctx.drawImage(img, 0, 0);
          var px = ctx.getImageData(0, 0, c.width, c.height).data, n = 0;
          for (var i = 0; i < px.length; i += 4) { if (px[i] < 200 || px[i + 1] < 200 || px[i + 2] < 200) { n++; } }
          done(n);
        };
        img.src = kgExport.png(); })""", awaitPromise=True, returnByValue=True)
    assert count["result"]["value"] > 100  # coloured pixels: nodes and edges were drawn
    svg = tools.evaluate("kgExport.svg()")
    assert svg.startswith("<svg") and svg.count("<circle") == tools.evaluate(VISIBLE)
    assert "цифрландыру" in svg or "реформа" in svg


def test_ego_filter_keeps_a_node_and_its_neighbours(page):
    tools = page("coauthorship")
    assert tools.evaluate(VISIBLE) == 4
    search = "document.getElementById('search')"
    tools.evaluate(f"{search}.value = 'Дана'; {search}.dispatchEvent(new Event('change'))")
    choose(tools, "ego-depth", "1")
    assert tools.evaluate(VISIBLE) == 2  # Дана Омар and her co-author Асель Нұрова
    choose(tools, "ego-depth", "2")
    assert tools.evaluate(VISIBLE) == 3  # and Асель's co-author Ерлан Әлиев
    choose(tools, "ego-depth", "0")
    assert tools.evaluate(VISIBLE) == 4


def test_label_language_switch(page):
    tools = page("entity-comention")
    label = f"kgNetwork.body.data.nodes.get({E + 'kz'!r}).label"
    assert tools.evaluate(label) == "Қазақстан"
    choose(tools, "label-lang", "en")
    assert tools.evaluate(label) == "Kazakhstan"
    choose(tools, "label-lang", "ru")  # no Russian label: the display label stays
    assert tools.evaluate(label) == "Қазақстан"


def test_label_density_slider(page):
    tools = page("coauthorship")
    labelled = ("kgNetwork.body.data.nodes.get().filter(function (n) {"
                " return n.label && !n.hidden; }).length")
    slide(tools, "label-n", 1)
    assert tools.evaluate(labelled) == 1
    slide(tools, "label-n", 4)
    assert 1 < tools.evaluate(labelled) <= 4  # a label that would overlap another is left out


def test_min_weight_and_top_n_sliders(page):
    tools = page("entity-comention")
    edges = "kgNetwork.body.data.edges.get().filter(function (e) { return !e.hidden; }).length"
    assert tools.evaluate(edges) == 2  # Қазақстан–Конституция and Қазақстан–Ресей
    slide(tools, "min-weight", 2)
    assert tools.evaluate(edges) == 1  # Қазақстан–Конституция share two articles
    slide(tools, "top-n", 1)
    assert tools.evaluate(VISIBLE) == 1


def test_served_page_links_the_entity_page(site, monkeypatch):
    """Served by a local HTTP server (the one host the browser may reach), the page links
    each node to ``/describe?iri=`` (the entity page of ``kg serve``)."""
    flags = tuple(f + " , EXCLUDE 127.0.0.1" if f.startswith("--host-resolver-rules") else f
                  for f in test_viz_browser.FLAGS)
    monkeypatch.setattr(test_viz_browser, "FLAGS", flags)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    browser = Browser()
    tools = browser.page()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/networks/entity-comention.html"
        tools.call("Page.navigate", url=url)
        tools.wait_for(READY)
        tools.evaluate(f"kgShow.node({E + 'kz'!r})")
        href = tools.evaluate("document.querySelector('#details a[href^=\"/describe\"]')"
                              ".getAttribute('href')")
        assert href == "/describe?iri=" + "http%3A%2F%2Fexample.org%2Fkz"
    finally:
        tools.close()
        browser.close()
        server.shutdown()
        server.server_close()


# --- labels that can be read ------------------------------------------------------------------

def _crowded_store(people: int = 80, articles: int = 60) -> ox.Store:
    """60 articles, each by four of 80 people with long names: a dense co-authorship network."""
    lines = ["@prefix schema: <http://schema.org/> .", "@prefix kg: <https://w3id.org/kazkg/ontology#> .",
             "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .", "@prefix e: <http://example.org/> ."]
    for p in range(people):
        lines.append(f'e:P{p} a kg:Person ; rdfs:label "Person Number{p:02d} Longsurnameova"@en .')
    for a in range(articles):
        authors = sorted({(a * 7 + k * 13) % people for k in range(4)})
        ships = " , ".join(f"e:s{a}_{p}" for p in authors)
        lines.append(f"e:A{a} a schema:ScholarlyArticle ; schema:author "
                     + " , ".join(f"e:P{p}" for p in authors) + f" ; kg:hasAuthorship {ships} .")
        for i, p in enumerate(authors):
            lines.append(f"e:s{a}_{p} kg:authorshipPerson e:P{p} ; kg:authorPosition {i + 1} .")
    store = ox.Store()
    store.load(input="\n".join(lines), format=ox.RdfFormat.TURTLE)
    return store


def _text_boxes(svg: str) -> list[tuple[float, float, float, float]]:
    """Boxes no larger than each exported label's glyphs (0.45 em per character)."""
    boxes = []
    for x, y, size, text in re.findall(
            r'<text x="([\d.-]+)" y="([\d.-]+)" font-size="([\d.]+)">([^<]*)</text>', svg):
        x, y, size = float(x), float(y), float(size)
        half = 0.45 * size * len(html.unescape(text)) / 2
        boxes.append((x - half, x + half, y - 0.75 * size, y))
    return boxes


def test_labels_shown_never_overlap_on_a_crowded_network(browser, tmp_path):
    from kg.analytics import run_analytics

    report = run_analytics(_crowded_store(), tmp_path, "https://w3id.org/kazkg/id/")
    write_pages(list(report.results), tmp_path, [])
    tools, seen = visit(browser, tmp_path / "networks" / "coauthorship.html", READY)
    try:
        assert seen == {"errors": [], "requests": [], "failed": []}
        slide(tools, "label-n", 500)
        time.sleep(0.3)
        boxes = _text_boxes(tools.evaluate("kgExport.svg()"))
        assert len(boxes) >= 10  # the biggest names are still labelled
        clashes = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                   if a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]]
        assert clashes == []
    finally:
        tools.close()


def test_a_large_network_opens_on_its_top_nodes_and_the_slider_shows_the_rest(browser, tmp_path):
    from kg.analytics import run_analytics
    from kg.pages.network import START_NODES

    report = run_analytics(_crowded_store(people=START_NODES + 50, articles=200), tmp_path,
                           "https://w3id.org/kazkg/id/")
    write_pages(list(report.results), tmp_path, [])
    page = tmp_path / "networks" / "coauthorship.html"
    assert f"opens on the top {START_NODES}" in page.read_text(encoding="utf-8")
    tools, seen = visit(browser, page, READY)
    try:
        assert seen == {"errors": [], "requests": [], "failed": []}
        assert tools.evaluate(VISIBLE) == START_NODES
        framed = tools.evaluate("""(function () {
            var ids = Object.keys(kgNetwork.getPositions()).filter(function (id) {
                return !kgNetwork.body.data.nodes.get(id).hidden; });
            var r = document.querySelector('#network canvas').getBoundingClientRect();
            return ids.filter(function (id) { var p = kgNetwork.canvasToDOM(kgNetwork.getPositions([id])[id]);
                return p.x >= -1 && p.y >= -1 && p.x <= r.width + 1 && p.y <= r.height + 1; }).length; })()""")
        assert framed == START_NODES  # the view is fitted to the nodes it opens on
        slide(tools, "top-n", START_NODES + 50)
        assert tools.evaluate(VISIBLE) == START_NODES + 50
    finally:
        tools.close()


def test_a_long_label_is_drawn_as_the_node_s_acronym_in_the_chosen_language(browser, tmp_path):
    from kg.analytics import run_analytics

    long_kk = "Қазақстан Республикасының Президенті жанындағы стратегиялық зерттеулер институты"
    ttl = f"""@prefix schema: <http://schema.org/> . @prefix kg: <https://w3id.org/kazkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix e: <http://example.org/> .
e:A1 a schema:ScholarlyArticle ; schema:mentions e:kiss , e:kz .
e:kiss a kg:Institution ; rdfs:label "{long_kk}"@kk , "Kazakhstan Institute for Strategic Studies"@en ;
    skos:altLabel "ҚСЗИ"@kk , "KazISS"@en , "ҚР ҚСЗИ"@kk .
e:kz a kg:Country ; rdfs:label "Қазақстан"@kk ; skos:altLabel "ҚР"@kk ."""
    store = ox.Store()
    store.load(input=ttl, format=ox.RdfFormat.TURTLE)
    report = run_analytics(store, tmp_path, "https://w3id.org/kazkg/id/")
    write_pages(list(report.results), tmp_path, [])
    tools, seen = visit(browser, tmp_path / "networks" / "entity-comention.html", READY)
    try:
        assert seen == {"errors": [], "requests": [], "failed": []}
        drawn = "kgNetwork.body.data.nodes.get('http://example.org/%s').label"
        assert tools.evaluate(drawn % "kiss") == "ҚСЗИ"  # not the label cut at 40 characters
        assert tools.evaluate(drawn % "kz") == "Қазақстан"  # a short label stays itself
        choose(tools, "label-lang", "en")
        time.sleep(0.3)
        assert tools.evaluate(drawn % "kiss") == "KazISS"  # the English label is long too
    finally:
        tools.close()
