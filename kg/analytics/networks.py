"""Networks extracted from the knowledge graph with SPARQL, as undirected networkx graphs.

Every network is the projection of an article–node incidence onto the nodes: two nodes are
linked when they share an article. The edge attribute ``weight`` is the number of shared
articles (``articles`` too), except for co-authorship, whose ``weight`` is Newman's
collaboration weight (networkx's ``collaboration_weighted_projected_graph``).

Nodes carry ``label`` (one display label), ``labels`` (``{lang: label}``), ``type`` (person,
institution, country, region, law, program, keyword) and ``articles`` (sorted article IRIs);
``G.graph["article_titles"]`` maps those IRIs to ``{lang: title}``, ``article_years`` to
their year, ``article_authors`` to their authors' labels, and ``G.graph["mention_sentences"]``
maps nodes to the ``(article, sentence)`` pairs that name them (see :mod:`kg.analytics.articles`). Node and edge insertion
order is sorted, so algorithms that follow it are reproducible.

>>> import pyoxigraph as ox
>>> store = ox.Store()
>>> store.load(input='''
...   @prefix s: <http://schema.org/> .
...   @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
...   <http://e/a1> a s:ScholarlyArticle ; s:author <http://e/p1> , <http://e/p2> .
...   <http://e/p1> rdfs:label "Асель"@kk . <http://e/p2> rdfs:label "Nurlan"@en .
... ''', format=ox.RdfFormat.TURTLE)
>>> G = coauthorship(store)
>>> sorted(G.edges(data="weight"))
[('http://e/p1', 'http://e/p2', 1.0)]
>>> G.nodes["http://e/p1"]["label"]
'Асель'
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import combinations

import networkx as nx
import pyoxigraph as ox
from networkx.algorithms import bipartite

from kg import kinds
from kg.analytics.articles import article_authors, article_years, iter_rows, mention_sentences
from kg.kinds import LANGS, ONTOLOGY
from kg.text.names import shown_name

PREFIXES = f"""PREFIX schema: <http://schema.org/>
PREFIX kg: <{ONTOLOGY}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
#: An acronym among a node's other names («ҚСЗИ», "KazISS"): a page shows it for a long label.
_ACRONYM = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]{1,7}")
KG = ONTOLOGY


@dataclass(frozen=True)
class NetworkSpec:
    """A named network: how to build it and what to call it in kk/ru/en."""

    name: str
    titles: dict[str, str]
    build: Callable[[ox.Store], nx.Graph]
    colour_by: str = "community"  # or "type", for networks that mix kinds of nodes


def coauthorship(store: ox.Store) -> nx.Graph:
    """People linked by the articles they wrote together (Newman's collaboration weight).

    Every author is a node, including authors of single-author articles (isolated nodes).
    """
    rows = _select(store, """SELECT DISTINCT ?article ?node WHERE {
        ?article a schema:ScholarlyArticle ; schema:author ?node }""")
    return _finish(store, project(_incidence(rows), newman=True))


def institution_collaboration(store: ox.Store) -> nx.Graph:
    """Institutions linked when people affiliated with them appear in the same article."""
    rows = _select(store, """SELECT DISTINCT ?article ?node WHERE {
        ?e a kg:AffiliationEvent ; kg:affiliationArticle ?article ;
           kg:affiliationInstitution ?node }""")
    return _finish(store, project(_incidence(rows)))


def country_collaboration(store: ox.Store) -> nx.Graph:
    """Countries linked when affiliations of the same article are in both.

    The country printed in an affiliation wins; otherwise the institution's country is used.
    """
    rows = _select(store, """SELECT DISTINCT ?article ?node WHERE {
        ?e a kg:AffiliationEvent ; kg:affiliationArticle ?article .
        OPTIONAL { ?e kg:country ?printed }
        OPTIONAL { ?e kg:affiliationInstitution/kg:country ?known }
        BIND(COALESCE(?printed, ?known) AS ?node)
        FILTER(BOUND(?node)) }""")
    return _finish(store, project(_incidence(rows)))


def keyword_cooccurrence(store: ox.Store) -> nx.Graph:
    """Keywords linked when the same article has both."""
    rows = _select(store, """SELECT DISTINCT ?article ?node WHERE {
        ?article schema:about ?node . ?node a kg:Keyword }""")
    return _finish(store, project(_incidence(rows)))


def entity_comention(store: ox.Store, kind_keys: Iterable[str] | None = None) -> nx.Graph:
    """Entities named in the same article; edge ``sentences`` counts shared sentences.

    ``weight`` and ``articles`` are the number of articles naming both entities,
    ``sentences`` the number of distinct sentences (per article) naming both.
    """
    if kind_keys is None:
        kind_keys = [k.key for k in kinds.KINDS if k.comention]
    classes = " ".join(f"<{kinds.kind(k).class_iri}>" for k in kind_keys)
    rows = _select(store, f"""SELECT DISTINCT ?article ?node WHERE {{
        ?article schema:mentions ?node . ?node a ?t . VALUES ?t {{ {classes} }} }}""")
    G = project(_incidence(rows))
    # the nodes of the wanted kinds first, then their mentions (only kg:Mention nodes have
    # kg:mentionOf): a third less work for the store than starting from every mention
    sentences = iter_rows(store, f"""SELECT DISTINCT ?article ?sentence ?node WHERE {{
        VALUES ?t {{ {classes} }} ?node a ?t .
        ?m kg:mentionOf ?node ; kg:mentionIn ?article ; kg:sentenceText ?sentence }}""")
    together: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in sentences:  # streamed: each sentence's text is held once
        together[(row["article"], row["sentence"])].add(row["node"])
    for _, _, data in G.edges(data=True):
        data["sentences"] = 0
    adj = G.adj
    named: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for pair, nodes in together.items():  # counted on the edges: no table of all pairs
        for n in nodes:
            if n in adj:
                named[n].append(pair)
        for u, v in combinations(sorted(nodes), 2):
            data = adj[u].get(v) if u in adj else None
            if data is not None:
                data["sentences"] += 1
    # the same rows give the nodes' mention sentences (every kg:mentionOf is a kg:Mention's)
    return _finish(store, G, {n: sorted(pairs) for n, pairs in sorted(named.items())})


NETWORKS: tuple[NetworkSpec, ...] = (
    NetworkSpec("coauthorship", {"en": "Co-authorship", "ru": "Соавторство",
                                 "kk": "Бірлескен авторлық"}, coauthorship),
    NetworkSpec("institution-collaboration",
                {"en": "Institution collaboration", "ru": "Сотрудничество организаций",
                 "kk": "Ұйымдардың ынтымақтастығы"}, institution_collaboration),
    NetworkSpec("country-collaboration",
                {"en": "Country collaboration", "ru": "Сотрудничество стран",
                 "kk": "Елдердің ынтымақтастығы"}, country_collaboration),
    NetworkSpec("entity-comention",
                {"en": "Entity co-mention", "ru": "Совместные упоминания сущностей",
                 "kk": "Атаулы нысандардың бірге аталуы"}, entity_comention, "type"),
    NetworkSpec("keyword-cooccurrence",
                {"en": "Keyword co-occurrence", "ru": "Совместная встречаемость ключевых слов",
                 "kk": "Түйін сөздердің бірге кездесуі"}, keyword_cooccurrence),
)


def project(incidence: dict[str, set[str]], newman: bool = False) -> nx.Graph:
    """Project an ``{article: {node, ...}}`` incidence onto the nodes.

    ``weight`` is the number of shared articles, or Newman's collaboration weight
    (the sum over shared articles of ``1 / (authors - 1)``) when ``newman`` is true;
    ``articles`` is always the number of shared articles. Nodes get ``articles``,
    their sorted article IRIs. Shared articles are counted pair by pair within each
    article (the cost grows with the pairs, not with articles × nodes); Newman's weights
    come from networkx's projection, on integer ids, so float sums do not depend on
    string hashing.

    >>> G = project({"a1": {"x", "y", "z"}, "a2": {"x", "y"}}, newman=True)
    >>> sorted(G.edges(data=True))[0]
    ('x', 'y', {'weight': 1.5, 'articles': 2})
    >>> G.nodes["x"]["articles"]
    ('a1', 'a2')
    >>> len(project({}))
    0
    """
    nodes = sorted({n for members in incidence.values() for n in members})
    if not nodes:
        return nx.Graph()
    articles = sorted(incidence)
    index = {n: i for i, n in enumerate(nodes)}
    import numpy as np  # deferred

    members = [sorted(index[n] for n in incidence[a]) for a in articles]
    held: list[list[int]] = [[] for _ in nodes]
    pairs = []  # per article, the codes i * len(nodes) + j of its pairs i < j
    size = len(nodes)
    for j, ids in enumerate(members):
        for i in ids:
            held[i].append(j)
        if len(ids) > 1:
            at = np.asarray(ids, dtype=np.int64)
            first, second = np.triu_indices(len(ids), 1)
            pairs.append(at[first] * size + at[second])
    # shared articles per pair: sorted distinct codes and their counts, as arrays (a large
    # network has millions of pairs: no Python object per pair)
    codes, counts = (np.unique(np.concatenate(pairs), return_counts=True) if pairs
                     else (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)))
    del pairs
    weights = _newman(members, len(nodes)) if newman else None
    G = nx.Graph()
    for i, n in enumerate(nodes):
        G.add_node(n, articles=tuple(articles[j] for j in held[i]))
    for start in range(0, len(codes), 100_000):
        block = codes[start:start + 100_000]
        for i, j, count in zip((block // size).tolist(), (block % size).tolist(),
                               counts[start:start + 100_000].tolist()):
            weight = weights[i][j]["weight"] if weights is not None else count
            G.add_edge(nodes[i], nodes[j], weight=float(weight), articles=count)
    return G


def _newman(members: list[list[int]], offset: int) -> nx.Graph:
    """networkx's collaboration-weighted projection of the node–article incidence (nodes
    ``0..offset-1``, article ``j`` as ``offset + j``), for its exact float sums."""
    B = nx.Graph()
    B.add_nodes_from(range(offset + len(members)))
    B.add_edges_from((i, offset + j) for j, ids in enumerate(members) for i in ids)
    return bipartite.collaboration_weighted_projected_graph(B, range(offset))


def _incidence(rows: list[dict[str, str]]) -> dict[str, set[str]]:
    incidence: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        incidence[row["article"]].add(row["node"])
    return dict(incidence)


def _finish(store: ox.Store, G: nx.Graph,
            sentences: dict[str, list[tuple[str, str]]] | None = None) -> nx.Graph:
    """Add labels, types and article titles to the nodes of ``G`` (``sentences``: the
    nodes' mention sentences, when the caller has them; else they are queried)."""
    if not G:
        G.graph.update(article_titles={}, article_years={}, article_authors={},
                       mention_sentences={})
        return G
    values = " ".join(f"<{n}>" for n in G)
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    for row in _select(store, f"""SELECT ?node ?label (LANG(?label) AS ?lang) WHERE {{
            VALUES ?node {{ {values} }} ?node rdfs:label|schema:name ?label }}
            ORDER BY ?node ?lang ?label"""):
        labels[row["node"]].setdefault(row["lang"], row["label"])
    types = {row["node"]: row["type"] for row in _select(store, f"""SELECT ?node
            (MIN(STR(?t)) AS ?type) WHERE {{ VALUES ?node {{ {values} }} ?node a ?t .
            FILTER(STRSTARTS(STR(?t), "{KG}")) }} GROUP BY ?node""")}
    acronyms: dict[str, dict[str, str]] = defaultdict(dict)  # the shortest per language
    for row in _select(store, f"""SELECT ?node ?alt (LANG(?alt) AS ?lang) WHERE {{
            VALUES ?node {{ {values} }} ?node skos:altLabel ?alt }} ORDER BY ?node ?lang ?alt"""):
        alt, lang = row["alt"], row.get("lang", "")
        if _ACRONYM.fullmatch(alt) and sum(c.isupper() for c in alt) >= 2 and lang:
            held = acronyms[row["node"]].get(lang)
            if held is None or (len(alt), alt) < (len(held), held):
                acronyms[row["node"]][lang] = alt
    names = {k.class_iri: k.key for k in kinds.KINDS}
    for n, data in G.nodes(data=True):
        if acronyms.get(n):
            data["acronyms"] = dict(sorted(acronyms[n].items()))
        data["labels"] = dict(sorted(labels.get(n, {}).items()))
        data["type"] = names.get(types.get(n, ""), "other")
        data["label"] = display_label(data["labels"], n, data["type"])
    articles = sorted({a for _, arts in G.nodes(data="articles") for a in arts})
    titles: dict[str, dict[str, str]] = defaultdict(dict)
    if articles:
        values = " ".join(f"<{a}>" for a in articles)
        for row in _select(store, f"""SELECT ?node ?label (LANG(?label) AS ?lang) WHERE {{
                VALUES ?node {{ {values} }} ?node rdfs:label|schema:name ?label }}
                ORDER BY ?node ?lang ?label"""):
            titles[row["node"]].setdefault(row["lang"], row["label"])
    G.graph["article_titles"] = {a: dict(sorted(titles.get(a, {}).items())) for a in articles}
    G.graph["article_years"] = article_years(store, articles)
    G.graph["article_authors"] = article_authors(store, articles)
    G.graph["mention_sentences"] = (mention_sentences(store, G) if sentences is None
                                    else sentences)
    return G


def display_label(labels: dict[str, str], iri: str, kind: str = "") -> str:
    """The label shown for a node: Kazakh, else Russian, else English, else any, else the IRI's
    end; for a person (``kind``), the first of these saying more than a surname.

    >>> display_label({"en": "Kazakhstan", "ru": "Казахстан"}, "http://e/kz")
    'Казахстан'
    >>> display_label({}, "http://e/country/kz")
    'kz'
    >>> display_label({"kk": "Браун", "en": "Braun V."}, "http://e/braun", "person")
    'Braun V.'
    """
    if kind == "person" and (shown := shown_name(labels, LANGS)):
        return shown  # a person: the first label saying more than a surname
    for lang in LANGS:
        if labels.get(lang):
            return labels[lang]
    for _, label in sorted(labels.items()):
        if label:
            return label
    return iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _select(store: ox.Store, query: str) -> list[dict[str, str]]:
    """Rows of a SELECT over the union of the graphs, as plain strings (unbound left out)."""
    result = store.query(PREFIXES + query, use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    return [{n: t.value for n, t in zip(names, row) if t is not None} for row in result]
