"""The query editor's assets: vendored CodeMirror 5 (MIT, ``static/``) and its completion list.

``/static/NAME`` serves the five vendored files (see ``static/README.md``) and our ``chart.js``
(a bar chart of a label and a number column, plain SVG); the query page loads
them from its own server, so the editor works offline. Completion offers our prefixes (as
``PREFIX`` lines), the classes and properties of the ontology as prefixed names, and SPARQL
keywords (:func:`completions`).

>>> c = completions("https://w3id.org/kazkg/id/")
>>> "kg:Country" in c["terms"] and "schema:author" in c["terms"]
True
>>> c["prefixes"]["kg"]
'https://w3id.org/kazkg/ontology#'
>>> static_reply("codemirror.js").media_type, static_reply("../app.py").status
('text/javascript; charset=utf-8', 404)
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import pyoxigraph as ox

from kg.queries import query_library
from kg.rdf.ontology import ONTOLOGY, ontology_dir
from kg.rdf.prefixes import turtle_prefixes
from kg.server.workers import Reply, text_reply

ASSETS = {"codemirror.js": "text/javascript", "sparql.js": "text/javascript",
          "show-hint.js": "text/javascript", "chart.js": "text/javascript", "codemirror.css": "text/css", "show-hint.css": "text/css",
          "LICENSE-codemirror": "text/plain"}
KEYWORDS = ("SELECT", "DISTINCT", "WHERE", "OPTIONAL", "FILTER", "GRAPH", "UNION", "MINUS", "BIND",
            "VALUES", "GROUP BY", "ORDER BY", "HAVING", "LIMIT", "OFFSET", "COUNT", "SAMPLE", "MIN",
            "MAX", "SUM", "AVG", "GROUP_CONCAT", "LANG", "LANGMATCHES", "STR", "REGEX", "CONTAINS",
            "COALESCE", "DESCRIBE", "CONSTRUCT", "ASK", "PREFIX", "NOT EXISTS", "DESC", "ASC", "UNDEF")
_DECLARED = {"http://www.w3.org/2002/07/owl#" + t for t in
             ("Class", "ObjectProperty", "DatatypeProperty", "AnnotationProperty")} | {
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#Property", "http://www.w3.org/2000/01/rdf-schema#Class"}
_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_PREFIXED = re.compile(r"(?<![\w<#/:])([a-z]+):([A-Za-z][\w-]*)")


@lru_cache(maxsize=8)
def completions(base: str) -> dict:
    """Prefixes (name -> IRI), prefixed names of the ontology's classes and properties, keywords."""
    prefixes = turtle_prefixes(base)
    by_length = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))
    terms = set()
    for t in ox.parse(path=str(ontology_dir() / ONTOLOGY), format=ox.RdfFormat.TURTLE):
        if t.predicate.value == _TYPE and t.object.value in _DECLARED and isinstance(t.subject, ox.NamedNode):
            iri = t.subject.value
            for name, ns in by_length:
                if iri.startswith(ns) and iri[len(ns):].replace("_", "a").replace("-", "a").isalnum():
                    terms.add(f"{name}:{iri[len(ns):]}")
                    break
    for info in query_library().values():  # and every prefixed name the analysts' queries use
        terms.update(m.group(0) for m in _PREFIXED.finditer(info.text) if m.group(1) in prefixes)
    return {"prefixes": prefixes, "terms": sorted(terms), "keywords": list(KEYWORDS)}


def static_reply(name: str) -> Reply:
    """A vendored asset by name (404 for anything else); cacheable for a day."""
    media = ASSETS.get(name)
    if media is None:
        return text_reply(404, f"no asset named {name!r}")
    body = resources.files("kg.server").joinpath("static", name).read_bytes()
    return Reply(200, f"{media}; charset=utf-8", body, (("Cache-Control", "public, max-age=86400"),))
