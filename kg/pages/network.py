"""Interactive network pages: vis-network data in pyvis's shape, our template shows it offline.

pyvis's own templates load vis-network, Bootstrap and tom-select from CDNs, so the page is
written from :data:`TEMPLATE` instead, with the vis-network script and style shipped inside
the pyvis package read at build time and inlined: the page makes no request. The node and
edge records are the ones pyvis's ``Network.add_node`` / ``Edge`` make (:func:`vis_node`,
:func:`vis_edge`), built directly: importing ``pyvis.network`` costs more than the pages
(it imports IPython and Jinja). Every label comes from documents, so nothing from the data
is ever parsed as HTML: the node data is a JSON block (``<`` escaped) and the page's script
builds tooltips, legend, filters and details with ``textContent``.

Large networks show the top :data:`TOP_NODES` nodes by a centrality; physics lays them out,
stabilises, then freezes.

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

from kg import kinds
from kg.analytics.networks import display_label
from kg.analytics.results import NetworkResult, rounded
from kg.kinds import LANGS

TOP_NODES = 300
MAX_EDGES = 3000
MAX_ARTICLES = 20  # article links per node in the page
SIZE_BY = "pagerank"
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
           "#ff9da7", "#9c755f", "#86bcb6", "#d37295", "#8cd17d")
OTHER_COLOUR = "#bab0ac"
OPTIONS = {
    "layout": {"randomSeed": 42, "improvedLayout": False},
    "physics": {"enabled": True, "solver": "forceAtlas2Based",
                "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 90,
                                     "springConstant": 0.06, "avoidOverlap": 0.4},
                "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 50,
                                  "fit": True}},
    "nodes": {"shape": "dot", "scaling": {"min": 6, "max": 36,
                                          "label": {"enabled": True, "min": 11, "max": 22,
                                                    "drawThreshold": 7}},
              "font": {"size": 12}},
    "edges": {"smooth": False, "color": {"color": "#9aa5b1", "highlight": "#1f2933",
                                         "opacity": 0.55},
              "scaling": {"min": 1, "max": 8}},
    "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": True,
                    "keyboard": False},
}


def network_page(r: NetworkResult, top: int = TOP_NODES, max_edges: int = MAX_EDGES,
                 size_by: str = SIZE_BY) -> str:
    """The self-contained HTML page of one network (``networks/<name>.html``).

    Shows the ``top`` nodes by ``size_by`` (falling back to degree) and, among them,
    the ``max_edges`` heaviest edges.
    """
    if size_by not in r.measures.scores:
        size_by = "degree"
    G = r.graph
    shown = r.ranked(size_by)[:top]
    keep = set(shown)
    edges = sorted(((u, v, d) for u, v, d in G.edges(data=True) if u in keep and v in keep),
                   key=lambda e: (-e[2].get("weight", 1.0), str(min(e[0], e[1])),
                                  str(max(e[0], e[1]))))
    edges_total = len(edges)
    edges = sorted(edges[:max_edges], key=lambda e: (str(e[0]), str(e[1])))
    mode = r.spec.colour_by
    type_colours = {**{k.key: k.colour for k in kinds.KINDS}, "other": OTHER_COLOUR}
    community = r.measures.communities["louvain_community"]
    nodes = []
    for n in sorted(shown, key=str):
        node = _node_data(r, n)
        colour = (type_colours.get(node["type"], OTHER_COLOUR) if mode == "type"
                  else _community_colour(community[n]))
        nodes.append(vis_node(str(n), _short(node["label"]), colour,
                              node["measures"].get(size_by, 0.0), node))
    vis_edges = []
    for u, v, d in edges:
        attrs = {k: (x if isinstance(x, int) else rounded(x)) for k, x in sorted(d.items())
                 if isinstance(x, (int, float)) and not isinstance(x, bool)}
        vis_edges.append(vis_edge(str(u), str(v), attrs.get("weight", 1.0), attrs))
    titles = G.graph.get("article_titles", {})
    used = sorted({a for node in nodes for a in node["kg"]["articles"]})
    payload = {
        "nodes": nodes, "edges": vis_edges, "options": json.loads(json.dumps(OPTIONS)),
        "articles": {a: display_label(titles.get(a, {}), a) for a in used},
        "measures": list(r.measures.scores), "sizeBy": size_by, "colourBy": mode,
        "palette": list(PALETTE), "otherColour": OTHER_COLOUR, "typeColours": type_colours,
    }
    title = r.spec.titles.get("en", r.name)
    comps = len(set(r.measures.communities["connected_component"].values()))
    summary = ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in (
        (len(G), "node", "nodes"), (G.number_of_edges(), "edge", "edges"),
        (comps, "component", "components"),
        (len(set(community.values())), "community", "communities"))) + "."
    if len(shown) < len(G):
        summary += f" Showing the top {len(shown)} nodes by {size_by.replace('_', ' ')}"
        summary += (f" and {len(edges)} of their {edges_total} edges (the heaviest)."
                    if len(edges) < edges_total else ".")
    elif len(edges) < edges_total:
        summary += f" Showing the {len(edges)} heaviest edges."
    subtitle = " · ".join(t for lang, t in sorted(r.spec.titles.items()) if lang != "en")
    return TEMPLATE.format(
        title=html.escape(title), subtitle=html.escape(subtitle), summary=html.escape(summary),
        name=html.escape(r.name), vis_css=_vis_file("vis-network.css"),
        vis_js=_vis_file("vis-network.min.js"), css=CSS, script=SCRIPT,
        data=script_json(payload))


def vis_node(node_id: str, label: str, colour: str, value: float, kg: dict) -> dict:
    """A vis-network node, as pyvis's ``Network.add_node`` makes it (dot, sized by ``value``).

    >>> vis_node("http://e/a", "", "#fff", 0.5, {})["label"]
    'http://e/a'
    >>> list(vis_node("a", "A", "#fff", 0.5, {}))
    ['color', 'value', 'kg', 'id', 'label', 'shape']
    """
    return {"color": colour, "value": value, "kg": kg, "id": node_id,
            "label": label or node_id, "shape": "dot"}


def vis_edge(source: str, target: str, value: float, kg: dict) -> dict:
    """A vis-network edge, as pyvis's ``Edge`` makes it (undirected, width by ``value``).

    >>> vis_edge("a", "b", 2.0, {"weight": 2.0})
    {'value': 2.0, 'kg': {'weight': 2.0}, 'from': 'a', 'to': 'b'}
    """
    return {"value": value, "kg": kg, "from": source, "to": target}


def _node_data(r: NetworkResult, n) -> dict:
    data = r.graph.nodes[n]
    return {
        "label": r.label(n), "labels": dict(data.get("labels", {})),
        "type": data.get("type", "other"),
        "community": r.measures.communities["louvain_community"][n],
        "component": r.measures.communities["connected_component"][n],
        "measures": {m: (s[n] if isinstance(s[n], int) else rounded(s[n]))
                     for m, s in r.measures.scores.items()},
        "articles": list(data.get("articles", ()))[:MAX_ARTICLES],
        "narticles": len(data.get("articles", ())),
    }


def _community_colour(c: int) -> str:
    return PALETTE[c] if 0 <= c < len(PALETTE) else OTHER_COLOUR


def _short(label: str, limit: int = 40) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


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


CSS = """
* { box-sizing: border-box; }
body { margin: 0; height: 100vh; display: flex; flex-direction: column; color: #1f2933;
       font: 14px/1.4 system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; background: #f7f8fa; }
header { padding: 10px 16px 4px; }
header a { color: #2563eb; text-decoration: none; }
h1 { font-size: 20px; margin: 4px 0 0; }
h2 { font-size: 14px; margin: 12px 0 6px; }
.sub { color: #52606d; margin: 2px 0; }
#controls { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center;
            padding: 6px 16px; border-bottom: 1px solid #d9dee4; }
#controls input, #controls select { font: inherit; padding: 3px 6px; }
#search { width: 260px; }
#status { color: #52606d; }
main { display: flex; flex: 1; min-height: 360px; }
#network { flex: 1; background: #fff; border-right: 1px solid #d9dee4; }
aside { width: 300px; overflow-y: auto; padding: 0 14px 14px; }
#legend { list-style: none; margin: 0; padding: 0; }
#legend li { display: flex; align-items: center; gap: 6px; margin: 2px 0; }
.swatch { width: 12px; height: 12px; border-radius: 50%; flex: none; }
div.vis-tooltip { font: 12px/1.35 system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif;
                  color: #1f2933; background: #fff; border-color: #9aa5b1; }
.tip { max-width: 380px; white-space: normal; }
.tip strong, #details strong { display: block; font-size: 13px; margin-bottom: 2px; }
.tip table, #details table { border-collapse: collapse; margin: 4px 0; }
.tip td, #details td { padding: 0 8px 0 0; }
.tip ul, #details ul { margin: 4px 0; padding-left: 16px; }
.muted { color: #52606d; }
"""

SCRIPT = """
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var LANGS = __LANGS__;
  var MAX_TIP = 8;
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function fmt(x) { return typeof x === "number" ? String(+x.toPrecision(4)) : String(x); }
  function communityColour(c) { return c < data.palette.length ? data.palette[c] : data.otherColour; }
  function colourOf(kg, mode) {
    return mode === "type" ? (data.typeColours[kg.type] || data.otherColour) : communityColour(kg.community);
  }
  function describe(kg, full) {
    var box = el("div", null, "tip");
    box.appendChild(el("strong", kg.label));
    LANGS.forEach(function (lang) {
      if (kg.labels[lang]) { box.appendChild(el("div", lang + ": " + kg.labels[lang])); }
    });
    box.appendChild(el("div", "type: " + kg.type + " · community " + kg.community +
                               " · component " + kg.component, "muted"));
    var table = el("table");
    data.measures.forEach(function (m) {
      if (!(m in kg.measures)) { return; }
      var row = el("tr");
      row.appendChild(el("td", m.replace(/_/g, " ")));
      row.appendChild(el("td", fmt(kg.measures[m])));
      table.appendChild(row);
    });
    box.appendChild(table);
    if (kg.articles.length) {
      box.appendChild(el("div", kg.narticles + " article(s):", "muted"));
      var list = el("ul");
      var shown = Math.min(kg.articles.length, full ? kg.articles.length : MAX_TIP);
      kg.articles.slice(0, shown).forEach(function (iri) {
        var item = el("li");
        var title = data.articles[iri] || iri;
        if (full && /^https?:\\/\\//.test(iri)) {
          var a = el("a", title);
          a.href = iri;
          a.rel = "noopener noreferrer";
          item.appendChild(a);
        } else {
          item.textContent = title;
        }
        list.appendChild(item);
      });
      if (kg.narticles > shown) { list.appendChild(el("li", "…")); }
      box.appendChild(list);
    }
    return box;
  }
  var byId = {};
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    byId[n.id] = n;
    n.title = describe(n.kg, false);  // a tooltip: text only
    return n;
  }));
  var edges = new vis.DataSet(data.edges.map(function (e, i) {
    var tip = el("div", null, "tip");
    var a = byId[e.from].kg.label, b = byId[e.to].kg.label;
    tip.appendChild(el("strong", a + " — " + b));
    Object.keys(e.kg).sort().forEach(function (k) { tip.appendChild(el("div", k + ": " + fmt(e.kg[k]))); });
    e.id = i;
    e.title = tip;
    return e;
  }));
  var container = document.getElementById("network");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);
  window.kgNetwork = network;
  var status = document.getElementById("status");
  function ready() {
    network.setOptions({physics: {enabled: false}});
    document.body.setAttribute("data-state", "ready");
  }
  if (data.nodes.length === 0) {
    container.appendChild(el("p", "This network has no nodes.", "muted"));
    ready();
  } else {
    status.textContent = "Laying out…";
    network.once("stabilizationIterationsDone", function () { status.textContent = ""; ready(); });
  }
  var details = document.getElementById("details");
  function show(id) {
    details.textContent = "";
    if (id in byId) { details.appendChild(describe(byId[id].kg, true)); }
  }
  network.on("click", function (p) { if (p.nodes.length) { show(p.nodes[0]); } });

  function fillSelect(select, values, label) {
    values.forEach(function (v) { var o = el("option", label(v)); o.value = String(v); select.appendChild(o); });
  }
  var types = Array.from(new Set(data.nodes.map(function (n) { return n.kg.type; }))).sort();
  var comms = Array.from(new Set(data.nodes.map(function (n) { return n.kg.community; })))
    .sort(function (a, b) { return a - b; });
  var typeSel = document.getElementById("filter-type");
  var commSel = document.getElementById("filter-community");
  var colourSel = document.getElementById("colour-by");
  var sizeSel = document.getElementById("size-by");
  fillSelect(typeSel, types, String);
  fillSelect(commSel, comms, function (c) { return "community " + c; });
  fillSelect(sizeSel, data.measures, function (m) { return m.replace(/_/g, " "); });
  sizeSel.value = data.sizeBy;
  colourSel.value = data.colourBy;

  function legend() {
    var list = document.getElementById("legend");
    list.textContent = "";
    var mode = colourSel.value;
    var keys = mode === "type" ? types : comms.filter(function (c) { return c < data.palette.length; });
    keys.forEach(function (k) {
      var item = el("li");
      var swatch = el("span", null, "swatch");
      swatch.style.background = mode === "type" ? (data.typeColours[k] || data.otherColour) : communityColour(k);
      item.appendChild(swatch);
      var count = data.nodes.filter(function (n) { return (mode === "type" ? n.kg.type : n.kg.community) === k; }).length;
      item.appendChild(el("span", (mode === "type" ? k : "community " + k) + " (" + count + ")"));
      list.appendChild(item);
    });
    if (mode !== "type" && comms.length > keys.length) {
      var rest = el("li");
      var sw = el("span", null, "swatch");
      sw.style.background = data.otherColour;
      rest.appendChild(sw);
      rest.appendChild(el("span", "other communities"));
      list.appendChild(rest);
    }
    list.appendChild(el("li", "Size: " + sizeSel.value.replace(/_/g, " ") + "; edge width: weight.", "muted"));
  }
  function visible(kg) {
    return (typeSel.value === "" || kg.type === typeSel.value) &&
      (commSel.value === "" || String(kg.community) === commSel.value);
  }
  function restyle() {
    var mode = colourSel.value, size = sizeSel.value;
    nodes.update(data.nodes.map(function (n) {
      return {id: n.id, color: colourOf(n.kg, mode), value: n.kg.measures[size] || 0,
              hidden: !visible(n.kg)};
    }));
    legend();
  }
  [typeSel, commSel, colourSel, sizeSel].forEach(function (s) { s.addEventListener("change", restyle); });
  legend();

  var search = document.getElementById("search");
  var options = document.getElementById("labels");
  data.nodes.forEach(function (n) { var o = el("option"); o.value = n.kg.label; options.appendChild(o); });
  function matches(q) {
    q = q.trim().toLowerCase();
    if (!q) { return []; }
    return data.nodes.filter(function (n) {
      return visible(n.kg) && [n.kg.label].concat(LANGS.map(function (l) { return n.kg.labels[l] || ""; }))
        .some(function (s) { return s.toLowerCase().indexOf(q) >= 0; });
    }).map(function (n) { return n.id; });
  }
  function find() {
    var ids = matches(search.value);
    status.textContent = search.value.trim() ? ids.length + " match(es)" : "";
    network.selectNodes(ids);
    if (ids.length) { network.focus(ids[0], {scale: 1.2}); show(ids[0]); }
  }
  search.addEventListener("change", find);
  search.addEventListener("keydown", function (e) { if (e.key === "Enter") { find(); } });
})();
""".replace("__LANGS__", json.dumps(list(LANGS)))

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
<label>Colour by <select id="colour-by"><option value="community">community</option><option value="type">type</option></select></label>
<label>Size by <select id="size-by"></select></label>
<span id="status"></span>
</div>
<main>
<div id="network"></div>
<aside>
<h2>Legend</h2>
<ul id="legend"></ul>
<h2>Selected node</h2>
<div id="details" class="muted">Click a node, or search for one.</div>
</aside>
</main>
<script type="application/json" id="kg-data">{data}</script>
<script>{script}</script>
</body>
</html>
"""
