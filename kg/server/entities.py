"""Entity pages: every IRI of the build dereferences on ``kg serve`` (``/id/...`` and ``/describe``).

``/id/country/kz`` stands for ``<base>country/kz`` (the base the build minted its IRIs under,
``https://w3id.org/kazkg/id/`` by default); ``/describe?iri=...`` takes any IRI. A browser
(``Accept: text/html``) gets an HTML page: labels in kk/ru/en, types, ``owl:sameAs`` links, the
articles that mention it, its mention sentences with document and offsets, co-mentioned and
co-authoring entities, its scores and community in each network, and every statement about it.
Other clients get the triples of ``DESCRIBE <iri>`` in Turtle, N-Triples or JSON-LD
(content negotiation by ``Accept``, or ``format=ttl|nt|jsonld|html``), answered directly (200).

The page is one SPARQL query (:func:`page_query`, sections as a ``UNION``), run through the
endpoint's worker pool and response cache like any other query; every value is escaped.

>>> wants_html("text/html,application/xhtml+xml,*/*;q=0.8", None), wants_html("text/turtle", None)
(True, False)
>>> wants_html("*/*", None), wants_html("", "html")
(False, True)
>>> "UNION" in page_query("https://w3id.org/kazkg/id/country/kz")
True
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from html import escape
from urllib.parse import quote

from kg.queries import IRI
from kg.server.formats import choose_format, offered
from kg.server.page import STYLE, style_hash
from kg.server.workers import Job, Reply, text_reply

Runner = Callable[[Job], Awaitable[Reply]]
_JSON = "application/sparql-results+json"
_RDFS, _SKOS = "http://www.w3.org/2000/01/rdf-schema#", "http://www.w3.org/2004/02/skos/core#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
_LABELS = (_RDFS + "label", _SKOS + "prefLabel", _SKOS + "altLabel")
_LANGS = ("kk", "ru", "en")
_LIMIT = 200  # rows per section of a page
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_PREFIXES = """PREFIX kg: <https://w3id.org/kazkg/ontology#>
PREFIX schema: <http://schema.org/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""


def _label(var: str) -> str:
    """SPARQL binding ``?{var}Label``: the English, else Kazakh, else Russian label of ``?var``."""
    parts = [f'OPTIONAL {{ ?{var} rdfs:label|schema:name ?{var}_{lang} '
             f'FILTER(LANGMATCHES(LANG(?{var}_{lang}), "{lang}")) }}' for lang in ("en", "kk", "ru")]
    return " ".join(parts) + (f" BIND(STR(COALESCE(?{var}_en, ?{var}_kk, ?{var}_ru, \"\"))"
                              f" AS ?{var}Label)")


def page_query(iri: str) -> str:
    """One SELECT for every section of the page of ``iri`` (``?section`` names the section).

    Columns: ``?p ?o`` (statements), ``?x ?xLabel`` (a linked thing), ``?n`` (a count or
    score), ``?text ?sentence ?doc ?start ?end`` (mentions), ``?network ?measure``.
    """
    s = IRI(iri).sparql()
    lim = f"LIMIT {_LIMIT}"
    return _PREFIXES + f"""SELECT ?section ?p ?o ?x ?xLabel ?n ?text ?sentence ?doc ?start ?end ?network ?measure
  ?journal ?issn
WHERE {{
  {{ {{ SELECT ?p ?o WHERE {{ {s} ?p ?o }} ORDER BY ?p ?o {lim} }} BIND("statement" AS ?section) }}
  UNION
  {{ {{ SELECT ?x (COUNT(DISTINCT ?m) AS ?n) WHERE {{
        ?m kg:mentionOf {s} ; kg:mentionIn ?x }} GROUP BY ?x ORDER BY DESC(?n) ?x {lim} }}
     OPTIONAL {{ ?x kg:inIssue/rdfs:label ?text }} {_label("x")} BIND("article" AS ?section) }}
  UNION
  {{ {{ SELECT ?x WHERE {{ ?x schema:author {s} }} ORDER BY ?x {lim} }}
     OPTIONAL {{ ?x kg:inIssue/rdfs:label ?text }} {_label("x")} BIND("authored" AS ?section) }}
  UNION
  {{ {{ SELECT ?x ?n ?doc ?journal ?text ?issn WHERE {{ {s} kg:inIssue ?x .
        OPTIONAL {{ ?x kg:issueYear ?n }} OPTIONAL {{ ?x schema:issueNumber ?doc }}
        OPTIONAL {{ ?x kg:inJournal ?journal OPTIONAL {{ ?journal rdfs:label ?text }}
                   OPTIONAL {{ ?journal schema:issn ?issn }} }}
      }} ORDER BY ?x ?issn {lim} }} {_label("x")} BIND("issue" AS ?section) }}
  UNION
  {{ {{ SELECT ?text ?sentence ?doc ?start ?end ?x WHERE {{
        ?m kg:mentionOf {s} ; kg:mentionText ?text ; kg:mentionStart ?start ; kg:mentionEnd ?end ;
           prov:wasDerivedFrom ?d .
        ?d schema:name ?doc .
        OPTIONAL {{ ?m kg:sentenceText ?sentence }} OPTIONAL {{ ?m kg:mentionIn ?x }}
      }} ORDER BY ?doc ?start {lim} }} BIND("mention" AS ?section) }}
  UNION
  {{ {{ SELECT ?o ?text ?n ?x WHERE {{ ?o dcterms:creator {s} ; kg:referenceText ?ref .
        OPTIONAL {{ ?o dcterms:title ?title }} OPTIONAL {{ ?o kg:referenceYear ?n }}
        OPTIONAL {{ ?x kg:cites ?o }} BIND(COALESCE(?title, ?ref) AS ?text)
      }} ORDER BY ?n ?text ?x {lim} }} {_label("x")} BIND("cited" AS ?section) }}
  UNION
  {{ {{ SELECT ?x WHERE {{ {s} kg:coMentionedWith ?x }} ORDER BY ?x {lim} }}
     {_label("x")} BIND("comention" AS ?section) }}
  UNION
  {{ {{ SELECT ?x (COUNT(DISTINCT ?a) AS ?n) WHERE {{
        ?a schema:author {s} , ?x FILTER(?x != {s}) }} GROUP BY ?x ORDER BY DESC(?n) ?x {lim} }}
     {_label("x")} BIND("coauthor" AS ?section) }}
  UNION
  {{ {{ SELECT ?network ?measure ?n ?o WHERE {{
        ?r kg:node {s} ; kg:network ?network ; kg:measure ?measure .
        OPTIONAL {{ ?r kg:score ?n }} OPTIONAL {{ ?r kg:community ?o }}
      }} ORDER BY ?network ?measure {lim} }} BIND("score" AS ?section) }}
  UNION
  {{ {{ SELECT ?x ?p WHERE {{ ?x ?p {s} FILTER(?p NOT IN (kg:mentionOf, kg:node, kg:coMentionedWith,
        kg:mentions, schema:mentions, schema:author)) }} ORDER BY ?p ?x {lim} }}
     {_label("x")} BIND("inbound" AS ?section) }}
}}"""


def exists_query(iri: str) -> str:
    """ASK whether ``iri`` occurs in the build (as subject or object)."""
    s = IRI(iri).sparql()
    return f"ASK {{ {{ {s} ?p ?o }} UNION {{ ?x ?q {s} }} }}"


def wants_html(accept: str, fmt: str | None) -> bool:
    """Whether to answer with the HTML page: ``format=html``, or ``text/html`` asked for explicitly
    at least as much as any RDF format (``*/*`` alone gets Turtle)."""
    if fmt:
        return fmt.strip().lower() in ("html", *_HTML_TYPES)
    html_q, rdf_q = 0.0, 0.0
    for part in accept.split(","):
        media, *params = (p.strip().lower() for p in part.split(";"))
        q = next((_q(v) for n, _, v in (p.partition("=") for p in params) if n.strip() == "q"), 1.0)
        if media in _HTML_TYPES:
            html_q = max(html_q, q)
        elif media != "*/*" and choose_format("graph", media, None) is not None:
            rdf_q = max(rdf_q, q)
    return html_q > 0 and html_q >= rdf_q


def _q(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        return 0.0


@dataclass(frozen=True)
class Links:
    """Where entity pages live: IRIs under ``base`` at ``/id/...``, others at ``/describe?iri=``.

    The static export (:mod:`kg.pages.site`) has its own links with the same three members:
    ``href(iri)``, ``nav`` (the header's links and search form) and ``formats`` (whether each
    page links to its Turtle, N-Triples and JSON-LD).

    >>> Links("https://w3id.org/kazkg/id/").href("https://w3id.org/kazkg/id/country/kz")
    '/id/country/kz'
    >>> Links("https://w3id.org/kazkg/id/").href("http://www.wikidata.org/entity/Q232")
    '/describe?iri=http%3A%2F%2Fwww.wikidata.org%2Fentity%2FQ232'
    """

    base: str
    formats: bool = True

    def href(self, iri: str) -> str:
        rest = iri[len(self.base):] if self.base and iri.startswith(self.base) else None
        if rest and "?" not in rest and "#" not in rest:
            return "/id/" + quote(rest, safe="/-._~")
        return "/describe?iri=" + quote(iri, safe="")

    def iri(self, path: str) -> str:
        return self.base + path

    @property
    def nav(self) -> Nav:
        return SERVER_NAV


@dataclass(frozen=True)
class Nav:
    """The header of an entity or search page: a link home and where the search form goes.

    ``hidden`` are extra ``name=value`` fields of the form; ``head`` is more of the ``<head>``.
    """

    home: str
    home_text: str
    search: str
    hidden: tuple[tuple[str, str], ...] = ()
    head: str = ""


SERVER_NAV = Nav("/", "query page", "/search", (("format", "html"),))


async def entity_reply(iri: str, accept: str, fmt: str | None, run: Runner, links: Links,
                       max_rows: int = 10_000) -> Reply:
    """The answer for the entity ``iri``: its HTML page, or its DESCRIBE triples, or 404/406."""
    try:
        IRI(iri)
    except ValueError as err:
        return text_reply(400, str(err))
    headers = (("Vary", "Accept"),)
    if wants_html(accept, fmt):
        reply = await run(Job(page_query(iri), _JSON, max_rows=max_rows))
        if reply.status != 200:
            return reply
        rows = json.loads(reply.body)["results"]["bindings"]
        if not rows:
            return Reply(404, "text/html; charset=utf-8", not_found(iri).encode(), headers)
        return Reply(200, "text/html; charset=utf-8", render_entity(iri, rows, links).encode(),
                     headers + (("Content-Security-Policy", entity_policy()),))
    if choose_format("graph", accept, fmt) is None:
        return text_reply(406, f"no acceptable format for an entity; offered: text/html, {offered('graph')}")
    exists, reply = await asyncio.gather(run(Job(exists_query(iri), _JSON)),
                                         run(Job(f"DESCRIBE {IRI(iri).sparql()}", accept, fmt, max_rows)))
    if exists.status == 200 and not json.loads(exists.body)["boolean"]:
        return text_reply(404, f"<{iri}> is not in this build")
    return Reply(reply.status, reply.media_type, reply.body, reply.headers + headers, reply.kind)


def entity_policy() -> str:
    """Entity pages: the shared inline style only, no script, links anywhere."""
    return (f"default-src 'none'; style-src {style_hash()}; img-src 'self'; base-uri 'none'; "
            "form-action 'self'; frame-ancestors 'none'")


# --- HTML ------------------------------------------------------------------------------------

def _value(term: dict | None) -> str:
    return "" if term is None else str(term.get("value", ""))


def _link(iri: str, label: str, links: Links) -> str:
    shown = label or iri
    return f'<a href="{escape(links.href(iri))}" title="{escape(iri)}">{escape(shown)}</a>'


def _outside(iri: str) -> str:
    """A link out to a web address (``http``/``https`` only), else nothing."""
    if not iri.startswith(("http://", "https://")):
        return ""
    return f' <a href="{escape(iri)}" rel="noopener noreferrer" title="outside this build">↗</a>'


def _term_html(term: dict | None, links: Links) -> str:
    if term is None:
        return ""
    if term.get("type") == "uri":
        return _link(term["value"], "", links)
    lang = term.get("xml:lang")
    note = f"<small>@{escape(lang)}</small>" if lang else ""
    return escape(term.get("value", "")) + note


def _table(head: tuple[str, ...], rows: list[list[str]]) -> str:
    if not rows:
        return "<p class=\"hint\">none</p>"
    th = "".join(f"<th>{escape(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>"


def _sections(rows: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for row in rows:
        out.setdefault(_value(row.get("section")), []).append(row)
    return out


def render_entity(iri: str, rows: list[dict], links: Links) -> str:
    """The HTML page of ``iri`` from the SPARQL JSON bindings of :func:`page_query`."""
    parts = _sections(rows)
    statements = parts.get("statement", [])
    labels: dict[str, list[str]] = {}
    for r in statements:
        if _value(r.get("p")) in _LABELS:
            labels.setdefault(r["o"].get("xml:lang", ""), []).append(_value(r["o"]))
    title = next((labels[lang][0] for lang in ("en", "kk", "ru", "") if labels.get(lang)), iri)
    types = [_link(_value(r["o"]), "", links) for r in statements if _value(r.get("p")) == _RDF_TYPE]
    same = [_link(_value(r["o"]), "", links) + _outside(_value(r["o"]))
            for r in statements if _value(r.get("p")) == _SAME_AS]
    label_rows = [[escape(lang or "—"), escape(" · ".join(dict.fromkeys(labels.get(lang, []))))]
                  for lang in (*_LANGS, *sorted(set(labels) - set(_LANGS))) if labels.get(lang)]

    def linked(section: str, count: str | None = None, issue: bool = False) -> list[list[str]]:
        return [[_link(_value(r["x"]), _value(r.get("xLabel")), links)]
                + ([escape(_value(r.get("n")))] if count else [])
                + ([escape(_value(r.get("text")))] if issue else [])
                for r in parts.get(section, [])]

    mentions = [[escape(_value(r.get("text"))), escape(_value(r.get("sentence"))),
                 escape(_value(r.get("doc"))), escape(f"{_value(r.get('start'))}–{_value(r.get('end'))}"),
                 _link(_value(r["x"]), "", links) if r.get("x") else ""]
                for r in parts.get("mention", [])]
    cited = [[escape(_value(r.get("text"))), escape(_value(r.get("n"))),
              _link(_value(r["x"]), _value(r.get("xLabel")), links) if r.get("x") else ""]
             for r in parts.get("cited", [])]
    scores = [[_link(_value(r["network"]), _value(r["network"]).rsplit("/", 1)[-1], links),
               escape(_value(r.get("measure"))), escape(_value(r.get("n"))), escape(_value(r.get("o")))]
              for r in parts.get("score", [])]
    inbound = [[_link(_value(r["x"]), _value(r.get("xLabel")), links), _link(_value(r["p"]), "", links)]
               for r in parts.get("inbound", [])]
    others = [[_link(_value(r["p"]), "", links), _term_html(r.get("o"), links)] for r in statements]
    body = [
        f"<h2>Labels</h2>{_table(('language', 'labels'), label_rows)}",
        f"<h2>Types</h2><p>{', '.join(types) or 'none'}</p>",
        f"<h2>Same as</h2><p>{'<br>'.join(same) or 'none'}</p>",
        *([f"<h2>Published in</h2>{published(parts['issue'], links)}"] if parts.get("issue") else []),
        "<h2>Articles mentioning it</h2>"
        + _table(("article", "mentions", "issue"), linked("article", "n", issue=True)),
        f"<h2>Articles authored</h2>{_table(('article', 'issue'), linked('authored', issue=True))}",
        *([f"<h2>Works cited</h2>{_table(('work', 'year', 'cited in'), cited)}"] if cited else []),
        "<h2>Mentions</h2>" + _table(("text", "sentence", "document", "offsets", "article"), mentions),
        f"<h2>Co-authors</h2>{_table(('person', 'joint articles'), linked('coauthor', 'n'))}",
        f"<h2>Co-mentioned entities</h2>{_table(('entity',), linked('comention'))}",
        "<h2>Networks</h2>" + _table(("network", "measure", "score", "community"), scores),
        "<h2>Linked from</h2>" + _table(("subject", "property"), inbound),
        "<h2>Statements</h2>" + _table(("property", "value"), others),
    ]
    rdf = " ·" + "".join(f' <a href="{escape(links.href(iri))}{"&" if "?" in links.href(iri) else "?"}'
                         f'format={f}">{f}</a>' for f in ("ttl", "nt", "jsonld")) if links.formats else ""
    return page_document(title, f"<p><code>{escape(iri)}</code>{rdf}</p>" + "\n".join(body), nav=links.nav)


def published(rows: list[dict], links: Links) -> str:
    """The issue an article is in: the issue, its journal, ISSNs, number and year."""
    first = rows[0]
    issns = ", ".join(dict.fromkeys(_value(r.get("issn")) for r in rows if r.get("issn")))
    journal = _link(_value(first["journal"]), _value(first.get("text")), links) if first.get("journal") else ""
    return _table(("issue", "journal", "ISSN", "number", "year"),
                  [[_link(_value(first["x"]), _value(first.get("xLabel")), links), journal, escape(issns),
                    escape(_value(first.get("doc"))), escape(_value(first.get("n")))]])


def not_found(iri: str) -> str:
    """The 404 page for an IRI that the build does not hold."""
    return page_document("Not found", f"<p><code>{escape(iri)}</code> is not in this build.</p>")


def page_document(title: str, body: str, query: str = "", nav: Nav = SERVER_NAV) -> str:
    """A page of the entity/search family: a header with a search form, then ``body`` (HTML)."""
    hidden = "".join(f'<input type="hidden" name="{escape(k)}" value="{escape(v)}">' for k, v in nav.hidden)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} · kazkg</title>
<style>{STYLE}</style>{nav.head}
</head>
<body>
<header><h1>{escape(title)}</h1><p><a href="{escape(nav.home)}">{escape(nav.home_text)}</a></p>
<form id="search" action="{escape(nav.search)}" method="get" role="search"><input type="search" name="q"
 value="{escape(query)}" placeholder="Find an entity" aria-label="Find an entity">{hidden}<button
 type="submit">Find</button></form></header>
<section class="entity">
{body}
</section>
</body>
</html>
"""
