"""Interactive network pages: vis-network data in pyvis's shape, our template shows it offline.

pyvis's own templates load vis-network, Bootstrap and tom-select from CDNs, so the page is
written from :data:`TEMPLATE` instead, with the vis-network script and style shipped inside
the pyvis package read at build time and inlined: the page makes no request. The node and
edge records are the ones pyvis's ``Network.add_node`` / ``Edge`` make (:func:`vis_node`,
:func:`vis_edge`), built directly: importing ``pyvis.network`` costs more than the pages
(it imports IPython and Jinja). Every label comes from documents, so nothing from the data
is ever parsed as HTML: the node data is a JSON block (``<`` escaped) and the page's script
builds tooltips, legend, filters and details with ``textContent``.

Large networks carry the top :data:`TOP_NODES` nodes by a centrality; the view opens on the
top :data:`START_NODES` of them (the "Top nodes" slider shows the rest), since a few hundred
dots with their edges are a hairball at first sight.

>>> import networkx as nx
>>> from kg.analytics.measures import compute
>>> from kg.analytics.networks import NETWORKS
>>> from kg.analytics.results import NetworkResult
>>> G = nx.Graph([("http://e/a", "http://e/b", {"weight": 1.0})])
>>> G.nodes["http://e/a"]["label"] = "<img src=x onerror=alert(1)>"
>>> page = network_page(NetworkResult(NETWORKS[0], G, compute(G)))
>>> "<img" in page, "\\\\u003cimg src=x" in page, "<script src" in page, "<link" in page
(False, True, False, False)
"""

from __future__ import annotations

import html
import json
from functools import cache
from pathlib import Path

from kg.analytics.networks import display_label
from kg.analytics.results import NetworkResult, rounded
from kg.analytics.style import MAX_SIZE, MIN_SIZE, OTHER_COLOUR
from kg.kinds import LANGS

TOP_NODES = 5000
START_NODES = 150  # nodes shown when the page opens (by the size measure)
MAX_EDGES = 10000
MAX_ARTICLES = 30  # articles listed per node or edge in the page
MAX_SENTENCES = 30  # evidence sentences per node, and per edge
LABELS = 15  # nodes labelled at first (by size), more as you zoom in
LABEL_LIMIT = 40  # characters of a label shown whole (network.js: short)
OPTIONS = {
    "layout": {"improvedLayout": False},
    "physics": {"enabled": False},
    "nodes": {"shape": "dot", "scaling": {"min": MIN_SIZE, "max": MAX_SIZE,
                                          "label": {"enabled": True, "min": 12, "max": 18,
                                                    "drawThreshold": 5}},
              "font": {"size": 13, "strokeWidth": 3, "strokeColor": "#ffffff"}},
    "edges": {"smooth": False, "color": {"color": "#9aa5b1", "highlight": "#1f2933",
                                         "opacity": 0.5},
              "scaling": {"min": 1, "max": 8}, "selectionWidth": 2},
    "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": True,
                    "keyboard": False},
}


def network_page(r: NetworkResult, top: int = TOP_NODES, max_edges: int = MAX_EDGES) -> str:
    """The self-contained HTML page of one network (``networks/<name>.html``).

    Shows the ``top`` nodes by the size measure (PageRank, falling back to degree) at their
    build-time positions and, among them, the ``max_edges`` heaviest edges, with the
    articles and sentences behind every node and edge.
    """
    look = r.look
    size_by = look.size_by
    G = r.graph
    shown = r.ranked(size_by)[:top]
    keep = set(shown)
    edges = sorted(((u, v, d) for u, v, d in G.edges(data=True) if u in keep and v in keep),
                   key=lambda e: (-e[2].get("weight", 1.0), str(min(e[0], e[1])),
                                  str(max(e[0], e[1]))))
    edges_total = len(edges)
    edges = sorted(edges[:max_edges], key=lambda e: (str(e[0]), str(e[1])))
    evidence = _Evidence(G)
    pos = r.layout
    nodes = []
    for n in sorted(shown, key=str):
        node = _node_data(r, n, evidence)
        nodes.append(vis_node(str(n), shown_label(node["label"], node.get("acronyms", {})), look.colour[n],
                              node["measures"].get(size_by, 0.0), node, pos[n]))
    vis_edges = []
    for u, v, d in edges:
        attrs = {k: (x if isinstance(x, int) else rounded(x)) for k, x in sorted(d.items())
                 if isinstance(x, (int, float)) and not isinstance(x, bool)}
        attrs.update(evidence.edge(u, v))
        vis_edges.append(vis_edge(str(u), str(v), attrs.get("weight", 1.0), attrs))
    comms = sorted({look.community[n] for n in shown})
    payload = {
        "name": r.name, "nodes": nodes, "edges": vis_edges,
        "options": json.loads(json.dumps(OPTIONS)),
        "articles": evidence.articles, "sentences": evidence.sentences,
        "measures": list(r.measures.scores), "sizeBy": size_by, "colourBy": look.colour_by,
        "communities": [{"id": c, "name": look.community_name[c],
                         "colour": look.community_colour[c]} for c in comms],
        "otherColour": OTHER_COLOUR, "typeColours": look.type_colour,
        "labels": LABELS, "langs": list(LANGS), "startTop": min(len(shown), START_NODES),
    }
    title = r.spec.titles.get("en", r.name)
    community = r.measures.communities["louvain_community"]
    components = len(set(r.measures.communities["connected_component"].values()))
    summary = ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in (
        (len(G), "node", "nodes"), (G.number_of_edges(), "edge", "edges"),
        (components, "component", "components"),
        (len(set(community.values())), "community", "communities"))) + "."
    years = sorted(set(G.graph.get("article_years", {}).values()))
    if years:
        summary += f" Articles from {years[0]}" + (f" to {years[-1]}." if len(years) > 1 else ".")
    if len(shown) < len(G):
        summary += f" Showing the top {len(shown)} nodes by {size_by.replace('_', ' ')}"
        summary += (f" and {len(edges)} of their {edges_total} edges (the heaviest)."
                    if len(edges) < edges_total else ".")
    elif len(edges) < edges_total:
        summary += f" Showing the {len(edges)} heaviest edges."
    if len(shown) > START_NODES:
        summary += (f" The view opens on the top {START_NODES} by {size_by.replace('_', ' ')}:"
                    f" slide \u201cTop nodes\u201d to see all {len(shown)}.")
    subtitle = " · ".join(t for lang, t in sorted(r.spec.titles.items()) if lang != "en")
    return TEMPLATE.format(
        title=html.escape(title), subtitle=html.escape(subtitle), summary=html.escape(summary),
        name=html.escape(r.name), vis_css=_vis_file("vis-network.css"),
        vis_js=_vis_file("vis-network.min.js"), css=_asset("network.css"),
        script=_asset("network.js"), data=script_json(payload))


def vis_node(node_id: str, label: str, colour: str, value: float, kg: dict,
             xy: tuple[float, float] | None = None) -> dict:
    """A vis-network node, as pyvis's ``Network.add_node`` makes it (dot, sized by ``value``),
    at ``xy`` when given.

    >>> vis_node("http://e/a", "", "#fff", 0.5, {})["label"]
    'http://e/a'
    >>> list(vis_node("a", "A", "#fff", 0.5, {}, (1.0, 2.0)))
    ['color', 'value', 'kg', 'id', 'label', 'shape', 'x', 'y']
    """
    node = {"color": colour, "value": value, "kg": kg, "id": node_id,
            "label": label or node_id, "shape": "dot"}
    if xy is not None:
        node["x"], node["y"] = xy
    return node


def vis_edge(source: str, target: str, value: float, kg: dict) -> dict:
    """A vis-network edge, as pyvis's ``Edge`` makes it (undirected, width by ``value``).

    >>> vis_edge("a", "b", 2.0, {"weight": 2.0})
    {'value': 2.0, 'kg': {'weight': 2.0}, 'from': 'a', 'to': 'b'}
    """
    return {"value": value, "kg": kg, "from": source, "to": target}


class _Evidence:
    """The articles and sentences of a page, numbered as they are first used."""

    def __init__(self, G):
        self.G = G
        self.titles = G.graph.get("article_titles", {})
        self.years = G.graph.get("article_years", {})
        self.authors = G.graph.get("article_authors", {})
        self.mentions = G.graph.get("mention_sentences", {})
        self.articles: list[dict] = []
        self.sentences: list[list] = []  # [article index, text]
        self._article: dict[str, int] = {}
        self._sentence: dict[tuple[str, str], int] = {}

    def article(self, iri: str) -> int:
        if iri not in self._article:
            self._article[iri] = len(self.articles)
            self.articles.append({"iri": iri, "title": display_label(self.titles.get(iri, {}), iri),
                                  "titles": self.titles.get(iri, {}),
                                  "authors": self.authors.get(iri, []),
                                  "year": self.years.get(iri)})
        return self._article[iri]

    def sentence(self, pair: tuple[str, str]) -> int:
        if pair not in self._sentence:
            self._sentence[pair] = len(self.sentences)
            self.sentences.append([self.article(pair[0]), pair[1]])
        return self._sentence[pair]

    def node(self, n) -> dict:
        arts = list(self.G.nodes[n].get("articles", ()))
        years = [self.years[a] for a in arts if a in self.years]
        return {"articles": [self.article(a) for a in arts[:MAX_ARTICLES]],
                "narticles": len(arts), "years": sorted(set(years)),
                "meanYear": round(sum(years) / len(years), 2) if years else None,
                "sentences": [self.sentence(p) for p in self.mentions.get(str(n), ())[:MAX_SENTENCES]],
                "nsentences": len(self.mentions.get(str(n), ()))}

    def edge(self, u, v) -> dict:
        shared = sorted(set(self.G.nodes[u].get("articles", ())) & set(self.G.nodes[v].get("articles", ())))
        both = sorted(set(self.mentions.get(str(u), ())) & set(self.mentions.get(str(v), ())))
        return {"shared": [self.article(a) for a in shared[:MAX_ARTICLES]],
                "years": sorted({self.years[a] for a in shared if a in self.years}),
                "evidence": [self.sentence(p) for p in both[:MAX_SENTENCES]], "nevidence": len(both)}


def _node_data(r: NetworkResult, n, evidence: _Evidence) -> dict:
    data = r.graph.nodes[n]
    look = r.look
    return {
        "label": r.label(n), "labels": dict(data.get("labels", {})),
        **({"acronyms": dict(data["acronyms"])} if data.get("acronyms") else {}),
        "type": data.get("type", "other"),
        "community": look.community[n],
        "component": r.measures.communities["connected_component"][n],
        "measures": {m: (s[n] if isinstance(s[n], int) else rounded(s[n]))
                     for m, s in r.measures.scores.items()},
        **evidence.node(n),
    }


def _short(label: str, limit: int = LABEL_LIMIT) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def shown_label(label: str, acronyms: dict[str, str]) -> str:
    """A node's label on the page: a label too long to show whole gives way to the node's
    acronym (Kazakh, else Russian, else English), else it is cut (as ``network.js`` does).

    >>> shown_label("Қазақстан Республикасының Президенті жанындағы Қазақстан стратегиялық "
    ...             "зерттеулер институты", {"en": "KazISS", "kk": "ҚСЗИ"})
    'ҚСЗИ'
    >>> shown_label("Біріккен Ұлттар Ұйымы", {"kk": "БҰҰ"})
    'Біріккен Ұлттар Ұйымы'
    """
    if len(label) > LABEL_LIMIT:
        acronym = next((acronyms[lang] for lang in LANGS if acronyms.get(lang)), None)
        if acronym:
            return acronym
    return _short(label)


def script_json(value) -> str:
    """JSON safe inside an HTML ``<script>`` element (no ``<``, ``>``, ``&`` or line separators).

    >>> script_json({"a": "</script><b>"})
    '{"a": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


@cache
def _asset(name: str) -> str:
    """A script or style of ``kg/pages/assets``, checked to be inlinable."""
    from importlib.resources import files

    text = files("kg.pages.assets").joinpath(name).read_text("utf-8")
    if "</script" in text.lower() or "</style" in text.lower():
        raise ValueError(f"{name} cannot be inlined: it closes its own element")
    return text


@cache
def _vis_file(name: str) -> str:
    """vis-network 9.1.2 (Apache-2.0 or MIT) as shipped inside the pyvis package (found
    without importing pyvis, whose import pulls in IPython and Jinja)."""
    from importlib.util import find_spec

    spec = find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pyvis (which ships vis-network) is not installed")
    root = Path(next(iter(spec.submodule_search_locations)))
    text = (root / "lib" / "vis-9.1.2" / name).read_text("utf-8")
    if "</script" in text.lower() or "</style" in text.lower():
        raise ValueError(f"{name} cannot be inlined: it closes its own element")
    return text


TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} · kazkg</title>
<style>{vis_css}</style>
<style>{css}</style>
<script>{vis_js}</script>
</head>
<body data-network="{name}" data-state="loading">
<header>
<a href="../index.html">← Dashboard</a>
<h1>{title}</h1>
<p class="sub">{subtitle}</p>
<p class="sub">{summary}</p>
</header>
<div id="controls">
<input id="search" type="search" list="labels" placeholder="Search a label (kk, ru, en)" aria-label="Search a label">
<datalist id="labels"></datalist>
<label>Type <select id="filter-type"><option value="">all</option></select></label>
<label>Community <select id="filter-community"><option value="">all</option></select></label>
<label>Colour by <select id="colour-by"><option value="community">community</option><option value="type">type</option><option value="year">mean year</option></select></label>
<label>Size by <select id="size-by"></select></label>
<label>Labels in <select id="label-lang"><option value="">any</option><option value="kk">kk</option><option value="ru">ru</option><option value="en">en</option></select></label>
</div>
<div id="sliders">
<label>Top nodes <input id="top-n" type="range" min="1"> <output id="top-n-out"></output></label>
<label>Min. edge weight <input id="min-weight" type="range" min="0"> <output id="min-weight-out"></output></label>
<label>Labels <input id="label-n" type="range" min="0"> <output id="label-n-out"></output></label>
<span id="years"><label>Years <input id="year-from" type="range"> <input id="year-to" type="range"> <output id="year-out"></output></label>
<label><input id="undated" type="checkbox" checked> undated</label></span>
<label>Ego network <select id="ego-depth"><option value="0">off</option><option value="1">depth 1</option><option value="2">depth 2</option></select></label>
<button id="export-png" type="button">PNG</button>
<button id="export-svg" type="button">SVG</button>
<span id="status"></span>
</div>
<main>
<div id="network"></div>
<aside>
<p id="count" class="muted"></p>
<h2>Legend</h2>
<ul id="legend"></ul>
<h2>Selected</h2>
<div id="details" class="muted">Click a node or an edge to see the articles and sentences behind it.</div>
</aside>
</main>
<script type="application/json" id="kg-data">{data}</script>
<script>{script}</script>
</body>
</html>
"""
