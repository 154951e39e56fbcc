"""Result formats of ``kg serve``: content negotiation by ``Accept`` or a ``format=`` parameter.

>>> choose_format("select", "text/csv;q=0.5, application/sparql-results+json", None).media_type
'application/sparql-results+json'
>>> choose_format("graph", "*/*", None).media_type
'text/turtle'
>>> choose_format("select", "", "tsv").media_type
'text/tab-separated-values; charset=utf-8'
>>> choose_format("graph", "image/png", None) is None
True
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

_R = ox.QueryResultsFormat
_G = ox.RdfFormat
# Offers per result kind, preferred first: (media type, pyoxigraph format).
_OFFERS: dict[str, tuple[tuple[str, Any], ...]] = {
    "select": (("application/sparql-results+json", _R.JSON), ("application/json", _R.JSON),
               ("application/sparql-results+xml", _R.XML), ("application/xml", _R.XML),
               ("text/xml", _R.XML), ("text/csv", _R.CSV), ("text/tab-separated-values", _R.TSV)),
    "graph": (("text/turtle", _G.TURTLE), ("application/x-turtle", _G.TURTLE),
              ("application/n-triples", _G.N_TRIPLES), ("text/plain", _G.N_TRIPLES),
              ("application/ld+json", _G.JSON_LD), ("application/json", _G.JSON_LD),
              ("application/rdf+xml", _G.RDF_XML)),
}
_OFFERS["ask"] = _OFFERS["select"]
_NAMES: dict[str, dict[str, Any]] = {
    "select": {"json": _R.JSON, "srj": _R.JSON, "xml": _R.XML, "srx": _R.XML,
               "csv": _R.CSV, "tsv": _R.TSV},
    "graph": {"ttl": _G.TURTLE, "turtle": _G.TURTLE, "nt": _G.N_TRIPLES, "ntriples": _G.N_TRIPLES,
              "n-triples": _G.N_TRIPLES, "jsonld": _G.JSON_LD, "json-ld": _G.JSON_LD,
              "json": _G.JSON_LD, "xml": _G.RDF_XML, "rdf": _G.RDF_XML, "rdfxml": _G.RDF_XML},
}
_NAMES["ask"] = _NAMES["select"]


def choose_format(kind: str, accept: str, fmt: str | None) -> Any | None:
    """The pyoxigraph format for a result of ``kind`` (select, ask, graph), or ``None`` (406).

    ``fmt`` (a short name such as ``csv`` or ``ttl``, or a media type) wins over ``accept``.
    Among acceptable offers the highest ``q`` wins, then the most specific media range, then
    the one the client listed first, then the server's default (JSON, or Turtle for graphs).
    """
    if fmt:
        if "/" not in fmt:
            return _NAMES[kind].get(fmt.strip().lower())
        accept = fmt
    ranges = _media_ranges(accept) or [("*/*", 1.0)]
    best, best_key = None, None
    for pos, (media, result_format) in enumerate(_OFFERS[kind]):
        group = media.split("/")[0] + "/*"
        matches = [(2 if r == media else 1 if r == group else 0, -i, q)
                   for i, (r, q) in enumerate(ranges) if r in (media, group, "*/*")]
        if not matches:
            continue
        specificity, first, q = max(matches)
        key = (q, specificity, first, -pos)
        if q > 0 and (best_key is None or key > best_key):
            best, best_key = result_format, key
    return best


def offered(kind: str) -> str:
    """The media types offered for ``kind``, for a 406 message."""
    return ", ".join(sorted({m for m, _ in _OFFERS[kind]}))


def _media_ranges(accept: str) -> list[tuple[str, float]]:
    ranges = []
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        if "/" not in media:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append((media.lower(), q))
    return ranges
