"""``index.html``: the dashboard of a build, linking every network page, table and export.

A static page without scripts or outside resources; every value is HTML-escaped.

>>> page = index_page([], [{"source": "<b>x.txt</b>", "articles": 2}])
>>> "&lt;b&gt;x.txt&lt;/b&gt;" in page, "<b>x" in page
(True, False)
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from kg.analytics.results import NetworkResult, rounded

TOP = 5
#: Files of the build output described in DESIGN.md, linked from the dashboard.
DATA_FILES = (("graph.ttl", "all triples (Turtle)"),
              ("graph.trig", "named graphs (TriG)"),
              ("manifest.json", "inputs, counts, timings, warnings"))

ENTITY_PAGES = ("entities/index.html", "one page per entity, with a search over their names")


def index_page(results: Sequence[NetworkResult], inputs: Iterable[dict], top: int = TOP,
               warnings: Iterable[str] = (), entity_pages: bool = False) -> str:
    """The dashboard HTML: inputs, one summary row and top nodes per network, downloads."""
    e = html.escape
    parts = [HEAD]
    parts.append("<h2>Networks</h2>\n<table>\n<tr><th>network</th><th>nodes</th><th>edges</th>"
                 "<th>components</th><th>communities</th><th>files</th></tr>\n")
    for r in results:
        comps = len(set(r.measures.communities["connected_component"].values()))
        comms = len(set(r.measures.communities["louvain_community"].values()))
        files = " ".join(f'<a href="{e(path)}">{e(kind)}</a>' for kind, path in (
            ("CSV", f"reports/{r.name}.csv"), ("by year", f"reports/{r.name}-years.csv"),
            ("GEXF", f"networks/{r.name}.gexf"),
            ("dynamic GEXF", f"networks/{r.name}.dynamic.gexf"),
            ("GraphML", f"networks/{r.name}.graphml"),
            ("VOSviewer map", f"networks/{r.name}.vos-map.txt"),
            ("network", f"networks/{r.name}.vos-network.txt"),
            *((("mentions by year", f"reports/{r.name}-mentions-by-year.csv"),)
              if r.graph.graph.get("mention_sentences") else ())))
        parts.append(f'<tr><td><a href="networks/{e(r.name)}.html">{e(_title(r))}</a>'
                     f'<div class="muted">{e(_other_titles(r))}</div></td>'
                     f"<td>{len(r.graph)}</td><td>{r.graph.number_of_edges()}</td>"
                     f"<td>{comps}</td><td>{comms}</td><td>{files}</td></tr>\n")
    parts.append("</table>\n")
    for r in results:
        parts.append(_top_table(r, top))
    warnings = [*warnings, *(f"{r.name}: {w}" for r in results for w in r.measures.warnings)]
    if warnings:
        parts.append("<h2>Warnings</h2>\n<ul>\n")
        parts.extend(f"<li>{e(w)}</li>\n" for w in warnings)
        parts.append("</ul>\n")
    parts.append(_inputs_table(list(inputs)))
    parts.append("<h2>Data</h2>\n<ul>\n")
    parts.extend(f'<li><a href="{e(path)}">{e(path)}</a>: {e(what)}</li>\n'
                 for path, what in (*DATA_FILES, *((ENTITY_PAGES,) if entity_pages else ())))
    parts.append("</ul>\n</body>\n</html>\n")
    return "".join(parts)


def _title(r: NetworkResult) -> str:
    return r.spec.titles.get("en", r.name)


def _other_titles(r: NetworkResult) -> str:
    return " · ".join(t for lang, t in sorted(r.spec.titles.items()) if lang != "en")


def _top_table(r: NetworkResult, top: int) -> str:
    e = html.escape
    measures = list(r.measures.scores)
    head = "".join(f"<th>{e(m.replace('_', ' '))}</th>" for m in measures)
    out = [f'<h3 id="{e(r.name)}">{e(_title(r))}: top nodes</h3>\n']
    if not len(r.graph):
        return out[0] + '<p class="muted">No nodes.</p>\n'
    out.append(f"<table class=\"top\">\n<tr><th>#</th>{head}</tr>\n")
    ranked = {m: r.ranked(m)[:top] for m in measures}
    for i in range(min(top, len(r.graph))):
        cells = []
        for m in measures:
            node = ranked[m][i]
            value = r.measures.scores[m][node]
            shown = value if isinstance(value, int) else rounded(value, 4)
            cells.append(f'<td>{e(r.label(node))} <span class="muted">{shown}</span></td>')
        out.append(f"<tr><td>{i + 1}</td>{''.join(cells)}</tr>\n")
    out.append("</table>\n")
    return "".join(out)


def _inputs_table(inputs: list[dict]) -> str:
    e = html.escape
    if not inputs:
        return "<h2>Inputs</h2>\n<p class=\"muted\">None listed.</p>\n"
    keys: list[str] = []
    for item in inputs:
        keys.extend(k for k in item if k not in keys)
    out = ["<h2>Inputs</h2>\n<table>\n<tr>", *(f"<th>{e(str(k))}</th>" for k in keys), "</tr>\n"]
    for item in inputs:
        cells = (_cell(item.get(k, "")) for k in keys)
        out.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in cells) + "</tr>\n")
    out.append("</table>\n")
    return "".join(out)


def _cell(value) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>kazkg · networks</title>
<style>
body { margin: 0 auto; max-width: 1200px; padding: 12px 20px 40px;
       font: 14px/1.45 system-ui, "Segoe UI", Roboto, "Noto Sans", sans-serif; color: #1f2933; }
h1 { font-size: 22px; margin: 8px 0 4px; }
h2 { font-size: 17px; margin: 22px 0 8px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px;
         border-bottom: 1px solid #e4e7eb; }
th { background: #f5f7fa; font-weight: 600; }
table.top td { font-size: 13px; }
a { color: #2563eb; text-decoration: none; }
a:hover { text-decoration: underline; }
.muted { color: #616e7c; font-size: 12px; }
</style>
</head>
<body>
<h1>kazkg: networks of the knowledge graph</h1>
<p class="muted">Networks built from the graph with SPARQL; centralities, components and Louvain
communities (seeded). Each network has an interactive page that works offline (years, evidence
sentences, PNG/SVG export), a CSV table, per-year counts, GEXF (Gephi: colours, positions, years;
a dynamic GEXF for its timeline), GraphML and VOSviewer map/network files.</p>
"""
