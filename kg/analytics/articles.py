"""What a network knows about its articles and the sentences behind its nodes.

:func:`article_years` and :func:`article_authors` describe the articles of a network
(the year is the issue's year, or the article's ``schema:datePublished`` year where the
issue has none); :func:`mention_sentences` gives, per entity, the sentences that name it.
They are the evidence the pages show and the time the exports carry.

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.load(input='''
...   @prefix s: <http://schema.org/> . @prefix kg: <https://w3id.org/kazkg/ontology#> .
...   @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
...   <http://e/a1> kg:inIssue <http://e/i1> ; kg:hasAuthorship [ kg:authorshipPerson <http://e/p1> ;
...       kg:authorPosition 1 ] .
...   <http://e/i1> kg:issueYear 2021 . <http://e/p1> rdfs:label "Асель"@kk .
...   <http://e/a2> s:datePublished "2019-05-01"^^<http://www.w3.org/2001/XMLSchema#date> .
... ''', format=ox.RdfFormat.TURTLE)
>>> article_years(store, ["http://e/a1", "http://e/a2", "http://e/a3"])
{'http://e/a1': 2021, 'http://e/a2': 2019}
>>> article_authors(store, ["http://e/a1"])
{'http://e/a1': ['Асель']}
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from kg.kinds import LANGS, ONTOLOGY

PREFIXES = f"""PREFIX schema: <http://schema.org/>
PREFIX kg: <{ONTOLOGY}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
CHUNK = 2000  # IRIs per VALUES block


def article_years(store: ox.Store, articles: Iterable[str]) -> dict[str, int]:
    """``{article: year}`` for the articles that have one."""
    years: dict[str, int] = {}
    for values in _chunks(articles):
        for row in _select(store, f"""SELECT ?a (MIN(?y) AS ?year) WHERE {{ VALUES ?a {{ {values} }}
                OPTIONAL {{ ?a kg:inIssue/kg:issueYear ?iy }}
                OPTIONAL {{ ?a schema:datePublished ?d }}
                BIND(COALESCE(?iy, YEAR(?d)) AS ?y) FILTER(BOUND(?y)) }} GROUP BY ?a"""):
            try:
                years[row["a"]] = int(row["year"])
            except (KeyError, ValueError):
                continue
    return dict(sorted(years.items()))


def article_authors(store: ox.Store, articles: Iterable[str]) -> dict[str, list[str]]:
    """``{article: [author label, ...]}`` in author order (Kazakh, else Russian, else English)."""
    found: dict[str, dict[tuple[int, str], dict[str, str]]] = defaultdict(dict)
    for values in _chunks(articles):
        for row in _select(store, f"""SELECT ?a ?pos ?p ?name (LANG(?name) AS ?lang) WHERE {{
                VALUES ?a {{ {values} }} ?a kg:hasAuthorship ?s . ?s kg:authorshipPerson ?p .
                OPTIONAL {{ ?s kg:authorPosition ?pos }} OPTIONAL {{ ?p rdfs:label ?name }} }}"""):
            key = (int(row.get("pos", 0)), row["p"])
            labels = found[row["a"]].setdefault(key, {})
            if "name" in row:
                labels.setdefault(row.get("lang", ""), row["name"])
    out = {}
    for a, people in sorted(found.items()):
        out[a] = [_pick(labels, p) for (_, p), labels in sorted(people.items())]
    return out


def mention_sentences(store: ox.Store, nodes: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
    """``{node: [(article, sentence), ...]}``: the distinct sentences naming each node, sorted
    (nodes never mentioned in a text are left out)."""
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    pairs: dict[tuple[str, str], tuple[str, str]] = {}  # one copy of a pair several nodes share
    for values in _chunks(nodes):
        for row in iter_rows(store, f"""SELECT DISTINCT ?node ?article ?sentence WHERE {{
                VALUES ?node {{ {values} }}
                ?m kg:mentionOf ?node ; kg:mentionIn ?article ; kg:sentenceText ?sentence }}"""):
            pair = (row["article"], row["sentence"])
            found[row["node"]].add(pairs.setdefault(pair, pair))
    return {n: sorted(s) for n, s in sorted(found.items())}


def _pick(labels: dict[str, str], iri: str) -> str:
    for lang in (*LANGS, *sorted(labels)):
        if labels.get(lang):
            return labels[lang]
    return iri.rstrip("/").rsplit("/", 1)[-1]


def _chunks(iris: Iterable[str]) -> Iterable[str]:
    items = sorted(set(iris))
    for i in range(0, len(items), CHUNK):
        yield " ".join(f"<{a}>" for a in items[i:i + CHUNK])


def _select(store: ox.Store, query: str) -> list[dict[str, str]]:
    return list(iter_rows(store, query))


def iter_rows(store: ox.Store, query: str) -> Iterator[dict[str, str]]:
    """The rows of a SELECT over the union of the graphs, one at a time, as plain strings
    (unbound left out)."""
    result = store.query(PREFIXES + query, use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    for row in result:
        yield {n: t.value for n, t in zip(names, row) if t is not None}
