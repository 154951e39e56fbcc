"""The query page that ``kg serve`` shows at ``/``: one self-contained HTML document.

Inline CSS and JavaScript only (no CDN: it works offline). Results are drawn with DOM APIs and
``textContent``, never ``innerHTML``. The Content-Security-Policy sent with the page allows this
inline code (by hash) and requests to the same server, nothing else.

>>> from pathlib import Path
>>> from kg.queries import QueryInfo
>>> page = render_page([QueryInfo("q", Path("q.rq"), "Top <b>", "Ranked & counted.")], 30, 100)
>>> "Top &lt;b&gt;" in page, "Ranked &amp; counted." in page, "http" in page
(True, True, False)
>>> content_security_policy().startswith("default-src 'none'")
True
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from kg.queries import QueryInfo

#: The vendored editor (CodeMirror 5, MIT; see kg/server/static/README.md), served at /static/.
EDITOR_SCRIPTS = ("codemirror.js", "sparql.js", "show-hint.js", "chart.js")  # chart.js: ours
EDITOR_STYLES = ("codemirror.css", "show-hint.css")

DEFAULT_QUERY = """SELECT ?type (COUNT(?s) AS ?count)
WHERE { ?s a ?type }
GROUP BY ?type
ORDER BY DESC(?count)
LIMIT 20
"""

STYLE = """
:root { --fg: #1d232a; --muted: #5b6570; --line: #d5dbe1; --accent: #1f5f99; --bad: #a4262c; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, sans-serif; color: var(--fg); background: #f6f8fa; }
header { padding: .8rem 1.2rem; background: #fff; border-bottom: 1px solid var(--line); }
header h1 { margin: 0; font-size: 1.25rem; }
header p { margin: .2rem 0 0; color: var(--muted); }
header { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; align-items: center; }
header form button { font: inherit; padding: .2rem .7rem; border-radius: 6px; border: 1px solid var(--accent);
  background: #fff; color: var(--accent); cursor: pointer; }
main { display: grid; grid-template-columns: minmax(16rem, 22rem) 1fr; gap: 1rem; padding: 1rem 1.2rem; }
nav h2 { font-size: 1rem; margin: 0 0 .5rem; }
nav ul { list-style: none; margin: 0; padding: 0; max-height: calc(100vh - 9rem); overflow: auto; }
nav button { display: block; width: 100%; text-align: left; margin: 0 0 .4rem; padding: .45rem .6rem;
  border: 1px solid var(--line); border-radius: 6px; background: #fff; font: inherit; cursor: pointer; }
nav button:hover, nav button:focus-visible, nav button.selected { border-color: var(--accent); }
nav .title { display: block; font-weight: 600; }
nav .desc { display: block; color: var(--muted); font-size: .85rem; }
nav .params { display: block; font: 12px ui-monospace, monospace; color: var(--accent); }
#params { display: flex; flex-wrap: wrap; gap: .4rem 1rem; margin: .3rem 0 .5rem; }
#params label { font-weight: 400; display: flex; flex-direction: column; font-size: .85rem; }
#params input, #search input { font: inherit; padding: .2rem .4rem; border: 1px solid var(--line); border-radius: 4px; }
#search { display: flex; gap: .4rem; align-items: center; margin-left: auto; }
#hits { list-style: none; margin: .2rem 0 .6rem; padding: 0; }
#hits li { margin: .15rem 0; }
#hits small { color: var(--muted); margin-left: .4rem; }
a { color: var(--accent); }
.CodeMirror { height: 16rem; margin: .3rem 0 .5rem; border: 1px solid var(--line); border-radius: 6px;
  font: 13px/1.4 ui-monospace, monospace; }
#history { font: inherit; max-width: 16rem; }
.entity { padding: .4rem 1.2rem 2rem; }
.entity h2 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
.entity table { background: #fff; border: 1px solid var(--line); }
section { min-width: 0; }
label { font-weight: 600; }
textarea { display: block; width: 100%; height: 16rem; margin: .3rem 0 .5rem; padding: .6rem;
  font: 13px/1.4 ui-monospace, monospace; border: 1px solid var(--line); border-radius: 6px; resize: vertical; }
.bar { display: flex; flex-wrap: wrap; gap: .6rem; align-items: center; margin-bottom: .6rem; }
.bar button { font: inherit; padding: .3rem .8rem; border-radius: 6px; border: 1px solid var(--accent);
  background: #fff; color: var(--accent); cursor: pointer; }
.bar button#run { background: var(--accent); color: #fff; }
.bar button:disabled { opacity: .5; cursor: wait; }
.hint, #status { color: var(--muted); }
#error { white-space: pre-wrap; color: var(--bad); background: #fff; border: 1px solid var(--bad);
  border-radius: 6px; padding: .6rem; font: 13px/1.4 ui-monospace, monospace; }
#results { overflow: auto; background: #fff; border: 1px solid var(--line); border-radius: 6px; }
#results:empty { display: none; }
table { border-collapse: collapse; font-size: .9rem; }
th, td { padding: .3rem .6rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { position: sticky; top: 0; background: #eef2f6; }
td.uri { color: var(--accent); word-break: break-all; }
td small { margin-left: .35rem; color: var(--muted); }
pre { margin: 0; padding: .6rem; font: 13px/1.4 ui-monospace, monospace; white-space: pre-wrap; }
.boolean { margin: 0; padding: .6rem; font-weight: 600; }
#chart { padding: .6rem; border-bottom: 1px solid var(--line); }
.chart rect { fill: var(--accent); }
.chart text { font-size: 12px; fill: var(--fg); }
.chart .axis { fill: var(--muted); }
@media (max-width: 50rem) { main { grid-template-columns: 1fr; } nav ul { max-height: 14rem; } }
"""

SCRIPT = """
"use strict";
const editor = document.getElementById("editor");
const runButton = document.getElementById("run");
const statusLine = document.getElementById("status");
const errorBox = document.getElementById("error");
const results = document.getElementById("results");
const downloads = document.getElementById("downloads");
const maxRows = document.body.dataset.maxRows;
const COMPLETIONS = JSON.parse(document.getElementById("completions").textContent);
let cm = null;

function getText() { return cm ? cm.getValue() : editor.value; }
function setText(text) { if (cm) cm.setValue(text); else editor.value = text; }
window.kgSetQuery = setText;

const WORD_CHAR = /[\\p{L}\\p{N}_:-]/u;

// Completion: our prefixes, ontology terms and keywords at once; entity labels (3+ letters, no
// colon) from the search index as the analyst types, inserting the entity's IRI.
function sparqlHint(instance, callback) {
  const cursor = instance.getCursor();
  const line = instance.getLine(cursor.line);
  let start = cursor.ch;
  while (start > 0 && WORD_CHAR.test(line.charAt(start - 1))) start--;
  const word = line.slice(start, cursor.ch);
  if (!word) { callback(null); return; }
  const lower = word.toLowerCase();
  const list = [];
  for (const [name, iri] of Object.entries(COMPLETIONS.prefixes)) {
    if (name.startsWith(lower) || ("prefix " + name).startsWith(lower)) {
      list.push({text: "PREFIX " + name + ": <" + iri + ">", displayText: name + ": <" + iri + ">"});
    }
  }
  for (const term of COMPLETIONS.terms) if (term.toLowerCase().startsWith(lower)) list.push(term);
  for (const keyword of COMPLETIONS.keywords) if (keyword.toLowerCase().startsWith(lower)) list.push(keyword);
  const answer = () => callback(list.length ? {list, from: CodeMirror.Pos(cursor.line, start),
                                                to: CodeMirror.Pos(cursor.line, cursor.ch)} : null);
  if (word.length < 3 || word.includes(":") || /[?$]/.test(line.charAt(start - 1))) { answer(); return; }
  fetch("search?" + new URLSearchParams({q: word, limit: "10", prefix: "1"}), {headers: {Accept: "application/json"}})
    .then((response) => response.ok ? response.json() : [])
    .catch(() => [])
    .then((found) => {
      for (const hit of found) {
        list.push({text: "<" + hit.iri + ">", displayText: (hit.label || hit.iri) + "  <" + hit.iri + ">",
                   className: "kg-entity-hint"});
      }
      answer();
    });
}
sparqlHint.async = true;

const HISTORY_KEY = "kazkg-query-history";
const historyBox = document.getElementById("history");

function history() {
  try { return JSON.parse(localStorage.getItem(HISTORY_KEY) || "[]"); } catch (err) { return []; }
}

function showHistory() {
  historyBox.replaceChildren(el("option", "History\u2026"));
  history().forEach((text, i) => {
    const option = el("option", text.replace(/\\s+/g, " ").slice(0, 80));
    option.value = String(i);
    historyBox.appendChild(option);
  });
}

function remember(text) {
  const kept = [text, ...history().filter((t) => t !== text)].slice(0, 20);
  try { localStorage.setItem(HISTORY_KEY, JSON.stringify(kept)); } catch (err) { return; }
  showHistory();
}
const ACCEPT = "application/sparql-results+json, text/turtle;q=0.9";
const FORMATS = {select: ["csv", "tsv", "json", "xml"], graph: ["ttl", "nt", "jsonld"]};

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function showError(text) {
  errorBox.textContent = text;
  errorBox.hidden = false;
}

function termText(term) {
  if (!term) return "";
  if (term.type === "bnode") return "_:" + term.value;
  if (term.type === "triple") {
    const t = term.value;
    return "<< " + termText(t.subject) + " " + termText(t.predicate) + " " + termText(t.object) + " >>";
  }
  return term.value;
}

function termNote(term) {
  if (!term || term.type !== "literal") return "";
  if (term["xml:lang"]) return "@" + term["xml:lang"];
  return term.datatype ? term.datatype.split(/[#/]/).pop() : "";
}

function entityHref(iri) {
  const base = document.body.dataset.base;
  if (base && iri.startsWith(base) && !/[?#]/.test(iri.slice(base.length))) {
    return "id/" + iri.slice(base.length).split("/").map(encodeURIComponent).join("/");
  }
  return "describe?iri=" + encodeURIComponent(iri);
}

function drawTable(data) {
  const table = el("table");
  const head = table.createTHead().insertRow();
  for (const name of data.head.vars) head.appendChild(el("th", name));
  const body = table.createTBody();
  for (const binding of data.results.bindings) {
    const row = body.insertRow();
    for (const name of data.head.vars) {
      const cell = row.insertCell();
      const term = binding[name];
      if (term && term.type === "uri") {
        const link = el("a", term.value);
        link.href = entityHref(term.value);
        cell.appendChild(link);
      } else {
        cell.textContent = termText(term);
      }
      const note = termNote(term);
      if (note) cell.appendChild(el("small", note));
      if (term) cell.className = term.type;
    }
  }
  results.appendChild(table);
  return data.results.bindings.length;
}

function post(accept, format) {
  const body = new URLSearchParams({query: getText()});
  if (format) body.set("format", format);
  return fetch("sparql", {method: "POST", headers: {Accept: accept}, body});
}

function showDownloads(kind) {
  downloads.replaceChildren();
  if (!FORMATS[kind]) return;
  downloads.appendChild(el("span", "Download:", "hint"));
  for (const format of FORMATS[kind]) {
    const button = el("button", format.toUpperCase());
    button.type = "button";
    button.addEventListener("click", () => download(format));
    downloads.appendChild(button);
  }
}

async function download(format) {
  try {
    const response = await post("*/*", format);
    if (!response.ok) { showError(response.status + " " + (await response.text())); return; }
    const url = URL.createObjectURL(await response.blob());
    const link = el("a");
    link.href = url;
    link.download = "results." + format;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  } catch (err) {
    showError(String(err));
  }
}

async function run() {
  if (runButton.disabled) return;
  remember(getText());
  runButton.disabled = true;
  errorBox.hidden = true;
  results.replaceChildren();
  downloads.replaceChildren();
  statusLine.textContent = "Running\\u2026";
  const started = performance.now();
  try {
    const response = await post(ACCEPT);
    const text = await response.text();
    const seconds = ((performance.now() - started) / 1000).toFixed(2) + " s";
    if (!response.ok) {
      statusLine.textContent = "";
      showError(response.status + " " + response.statusText + "\\n" + text);
      return;
    }
    const cut = response.headers.get("X-Kazkg-Truncated") === "true";
    const type = response.headers.get("Content-Type") || "";
    let summary, kind = "graph", chartData = null;
    if (type.startsWith("application/sparql-results+json")) {
      const data = JSON.parse(text);
      if ("boolean" in data) {
        results.appendChild(el("p", String(data.boolean), "boolean"));
        summary = "ASK";
        kind = "ask";
      } else {
        summary = drawTable(data) + " row(s)";
        kind = "select";
        chartData = data;
      }
    } else {
      results.appendChild(el("pre", text));
      summary = "graph (" + type.split(";")[0] + ")";
    }
    statusLine.textContent = summary + " in " + seconds + (cut ? " \\u2014 cut at " + maxRows + " rows" : "");
    showDownloads(kind);
    if (chartData) offerChart(chartData);
  } catch (err) {
    statusLine.textContent = "";
    showError(String(err));
  } finally {
    runButton.disabled = false;
  }
}

// A label column and a number column: offer a bar chart (static/chart.js), drawn above the table.
function offerChart(data) {
  const spec = window.kgChart && window.kgChart.chartable(data);
  if (!spec) return;
  const button = el("button", "Bar chart");
  button.type = "button";
  button.id = "chart-button";
  button.addEventListener("click", () => {
    const shown = document.getElementById("chart");
    if (shown) { shown.remove(); return; }
    const box = el("div");
    box.id = "chart";
    box.appendChild(window.kgChart.draw(data, spec));
    results.prepend(box);
  });
  downloads.appendChild(button);
}

const paramBox = document.getElementById("params");
let selected = null;

function showParams(button) {
  paramBox.replaceChildren();
  selected = button.dataset.name;
  const params = JSON.parse(button.dataset.params || "[]");
  for (const p of params) {
    const label = el("label");
    label.appendChild(el("span", "?" + p.name + " (" + p.type + ")"));
    const input = el("input");
    input.name = p.name;
    input.title = p.doc;
    const plain = p.default.replace(/^"(.*)"$/, "$1");
    if (p.default === "UNDEF") input.placeholder = "any"; else input.value = plain;
    input.addEventListener("change", bindParams);
    label.appendChild(input);
    paramBox.appendChild(label);
  }
  paramBox.hidden = params.length === 0;
}

async function bindParams() {
  const values = new URLSearchParams();
  for (const input of paramBox.querySelectorAll("input")) values.set(input.name, input.value.trim() || "UNDEF");
  try {
    const response = await fetch("queries/" + encodeURIComponent(selected) + "?" + values);
    const text = await response.text();
    if (!response.ok) { showError(response.status + " " + text); return; }
    errorBox.hidden = true;
    setText(text);
  } catch (err) {
    showError(String(err));
  }
}

async function loadExample(button) {
  try {
    const response = await fetch("queries/" + encodeURIComponent(button.dataset.name));
    if (!response.ok) { showError(response.status + " " + (await response.text())); return; }
    setText(await response.text());
    showParams(button);
    for (const other of document.querySelectorAll("nav button")) other.classList.remove("selected");
    button.classList.add("selected");
    if (cm) cm.focus(); else editor.focus();
  } catch (err) {
    showError(String(err));
  }
}

const searchForm = document.getElementById("search");
const hits = document.getElementById("hits");

async function find(event) {
  event.preventDefault();
  const q = searchForm.elements.q.value.trim();
  hits.replaceChildren();
  if (!q) return;
  try {
    const response = await fetch("search?" + new URLSearchParams({q, limit: "20"}), {headers: {Accept: "application/json"}});
    if (!response.ok) { showError(response.status + " " + (await response.text())); return; }
    const found = await response.json();
    if (!found.length) hits.appendChild(el("li", "No match for \u201c" + q + "\u201d."));
    for (const hit of found) {
      const item = el("li");
      const link = el("a", hit.label || hit.iri);
      link.href = hit.href.replace(/^\\//, "");
      link.title = hit.iri;
      item.appendChild(link);
      item.appendChild(el("small", hit.field + ": " + hit.text.replace(/\\s+/g, " ").slice(0, 160)));
      hits.appendChild(item);
    }
  } catch (err) {
    showError(String(err));
  }
}

searchForm.addEventListener("submit", find);
runButton.addEventListener("click", run);
historyBox.addEventListener("change", () => {
  const chosen = history()[Number(historyBox.value)];
  if (chosen !== undefined) setText(chosen);
  historyBox.selectedIndex = 0;
});
showHistory();
if (window.CodeMirror) {
  cm = CodeMirror.fromTextArea(editor, {
    mode: "application/sparql-query", lineNumbers: true, indentUnit: 2,
    extraKeys: {"Ctrl-Space": "autocomplete", "Ctrl-Enter": run, "Cmd-Enter": run},
    hintOptions: {hint: sparqlHint, completeSingle: false},
  });
  window.kgEditor = cm;
  cm.on("inputRead", (instance, change) => {
    if (WORD_CHAR.test(change.text.join(""))) instance.showHint({hint: sparqlHint, completeSingle: false});
  });
}
editor.addEventListener("keydown", (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key === "Enter") { event.preventDefault(); run(); }
});
for (const button of document.querySelectorAll("nav button")) {
  button.addEventListener("click", () => loadExample(button));
}
"""


def _digest(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode() + "'"


def style_hash() -> str:
    """The CSP source of the shared inline style (also used by entity pages)."""
    return _digest(STYLE)


def content_security_policy() -> str:
    """The page's policy: its own inline style and script, requests to its own server only."""
    return (f"default-src 'none'; style-src 'self' {_digest(STYLE)}; script-src 'self' {_digest(SCRIPT)}; "
            "connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; "
            "frame-ancestors 'none'")


def _params(q: QueryInfo) -> tuple[str, str]:
    """The ``data-params`` JSON of a query and the line naming its parameters."""
    data = json.dumps([{"name": p.name, "type": p.type, "default": p.default, "doc": p.doc}
                       for p in q.parameters], ensure_ascii=False)
    shown = " ".join(f"?{p.name}:{p.type}" for p in q.parameters)
    return data, f'<span class="params">{escape(shown)}</span>' if shown else ""


def render_page(queries: Iterable[QueryInfo], timeout: float, max_rows: int,
                base: str = "", completions: dict | None = None) -> str:
    """The HTML page listing ``queries`` (title, description and parameters; a click loads the
    text and a form for the parameters). IRIs in results link to their entity pages, those
    under ``base`` as ``id/...``, others as ``describe?iri=...``."""
    completions_json = json.dumps(completions or {"prefixes": {}, "terms": [], "keywords": []},
                                  ensure_ascii=False).replace("<", "\\u003c")
    styles = "\n".join(f'<link rel="stylesheet" href="static/{name}">' for name in EDITOR_STYLES)
    scripts = "\n".join(f'<script src="static/{name}"></script>' for name in EDITOR_SCRIPTS)
    items = "\n".join(
        f'<li><button type="button" data-name="{escape(q.name)}" data-params="{escape(data)}">'
        f'<span class="title">{escape(q.title or q.name)}</span>'
        f'<span class="desc">{escape(q.description)}</span>{shown}</button></li>'
        for q in queries for data, shown in [_params(q)])
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>kazkg SPARQL</title>
{styles}
<style>{STYLE}</style>
</head>
<body data-max-rows="{int(max_rows)}" data-base="{escape(base)}">
<header>
<h1>kazkg SPARQL</h1>
<p>Read-only SPARQL 1.1 endpoint at <code>/sparql</code>. Queries stop after {timeout:g} s;
results are cut at {int(max_rows)} rows.</p>
<form id="search" role="search"><input type="search" name="q" placeholder="Find an entity (any language, any form)"
 aria-label="Find an entity"><button type="submit">Find</button></form>
</header>
<main>
<nav aria-labelledby="examples-title">
<h2 id="examples-title">Example queries</h2>
<ul id="examples">
{items}
</ul>
</nav>
<section>
<ul id="hits" aria-label="Search results"></ul>
<div id="params" aria-label="Parameters" hidden></div>
<label for="editor">Query</label>
<textarea id="editor" spellcheck="false" autocapitalize="off">{escape(DEFAULT_QUERY)}</textarea>
<div class="bar">
<button id="run" type="button">Run</button>
<span class="hint">Ctrl+Enter runs, Ctrl+Space completes</span>
<select id="history" aria-label="Query history"></select>
<span id="status" role="status"></span>
<span id="downloads"></span>
</div>
<div id="error" role="alert" hidden></div>
<div id="results"></div>
</section>
</main>
<script type="application/json" id="completions">{completions_json}</script>
{scripts}
<script>{SCRIPT}</script>
</body>
</html>
"""
