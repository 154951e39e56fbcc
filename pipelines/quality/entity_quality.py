"""Entity-level quality of a kazkg build, measured against the stand-off answer key.

Standalone on purpose: it reads only the build's files (``graph.ttl`` or ``graph.trig`` or
``store/``, and ``manifest.json``) with pyoxigraph (rdflib as a fallback) and the standard
library. It never imports the ``kg`` package, so it keeps working while the code is
restructured.

It prints, for the chosen part of the key (``dev``, ``heldout`` or ``all``):

(a) precision of the top 30 entities per kind, against ``tests/data/top30_judgements.json``;
    entities nobody has judged yet are listed as UNJUDGED and left out of the precision;
(b) the share of key entities that are exactly one node: at least one occurrence was found
    and every found occurrence maps to the same single IRI (coverage, the share of key
    occurrences that the build found at all, is reported separately);
(c) wrong merges: build nodes holding occurrences of two key entities that form an ``apart``
    pair, and, more broadly, nodes holding occurrences of two different key entities;
(d) the split entities with their IRIs (held-out details only with ``--show-heldout``).

How an occurrence of the key is mapped to build nodes
    * Build mentions (``kg:Mention`` with ``prov:wasDerivedFrom document:<id>``,
      ``kg:mentionStart``/``kg:mentionEnd``) of the same document that overlap the
      occurrence. Mentions whose entity IRI has the key entity's kind (the path segment of
      ``https://w3id.org/kazkg/id/<kind>/...``) count when they cover at least half of the
      occurrence (a hyphenated Kazakh suffix, as in «БҰҰ-дағы», is not counted in its length),
      so «БҰҰ» tagged inside «БҰҰ Даму бағдарламасы» neither finds UNDP nor merges it with the
      UN. A mention of another kind counts only if it covers the same text: overlap >= 75 % of
      both spans (so the poet Abai typed as a region still counts as a wrong merge, but
      «Қазақстан» tagged inside «Қазақстан Республикасы Үкіметі» does not make the government a
      country). When several mentions of the key entity's kind qualify (a unit and the
      parent nested in it: «Елбасы кітапханасының аналитикалық орталығы» and «Елбасы
      кітапханасының»), only those whose span best matches the occurrence (overlap over
      union) count, since one occurrence is one mention; ``--match all`` counts every
      qualifying mention instead (the rule before nested mentions existed).
    * Header occurrences (``"where": "header"``) of authors also map through
      ``kg:Authorship`` (article with ``schema:position`` = article_order in that document,
      ``kg:authorPosition`` = author_index + 1); header occurrences of institutions map
      through ``kg:AffiliationEvent`` of that article and author whose ``kg:affiliationText``
      contains the occurrence text. An affiliation text holding occurrences of two different
      key institutions is ambiguous and maps nothing through its text, only through the
      ``kg:affiliationName`` of each institution it names (the name as the line writes it).

Example::

    .venv/bin/python pipelines/quality/entity_quality.py ../baseline-out
    .venv/bin/python pipelines/quality/entity_quality.py out --part all --json > quality.json

Exit status is always 0; the figures are the result.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_KEY = ROOT / "tests" / "data" / "entity_key.json"
DEFAULT_JUDGEMENTS = ROOT / "tests" / "data" / "top30_judgements.json"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"

KG = "https://w3id.org/kazkg/ontology#"
ID = "https://w3id.org/kazkg/id/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
SCHEMA_POSITION = "http://schema.org/position"

KINDS = ("person", "institution", "country", "law", "program", "region")
TOP_KINDS = ("person", "institution", "country", "law", "program", "region")
TOP_N = 30
SAME_KIND_OVERLAP = 0.5
OTHER_KIND_OVERLAP = 0.75
HYPHEN_SUFFIX = re.compile(r"[-‑][^\W\d_]+$")
TARGET = 0.95
LABEL_LANG_ORDER = ("en", "kk", "ru", "")

Triple = tuple[str, str, str, str]  # subject, predicate, object value, object language


# --------------------------------------------------------------------------- reading the build


def _iter_pyoxigraph(outdir: Path) -> Iterator[Triple]:
    import pyoxigraph as ox

    def term(t: Any) -> tuple[str, str]:
        return t.value, (getattr(t, "language", None) or "")

    for name, fmt in (("graph.ttl", "TURTLE"), ("graph.trig", "TRIG")):
        path = outdir / name
        if path.is_file():
            rdf_format = getattr(getattr(ox, "RdfFormat", None), fmt, None)
            quads = (ox.parse(path=str(path), format=rdf_format) if rdf_format is not None
                     else ox.parse(str(path), "text/turtle" if fmt == "TURTLE" else "application/trig"))
            for q in quads:
                value, lang = term(q.object)
                yield q.subject.value, q.predicate.value, value, lang
            return
    store_dir = outdir / "store"
    if store_dir.is_dir():
        store = ox.Store.read_only(str(store_dir))
        for q in store.quads_for_pattern(None, None, None, None):
            value, lang = term(q.object)
            yield q.subject.value, q.predicate.value, value, lang
        return
    raise FileNotFoundError(f"no graph.ttl, graph.trig or store/ in {outdir}")


def _iter_rdflib(outdir: Path) -> Iterator[Triple]:
    import rdflib

    for name, fmt in (("graph.ttl", "turtle"), ("graph.trig", "trig")):
        path = outdir / name
        if path.is_file():
            graph = rdflib.ConjunctiveGraph() if fmt == "trig" else rdflib.Graph()
            graph.parse(str(path), format=fmt)
            for s, p, o in graph.triples((None, None, None)):
                yield str(s), str(p), str(o), (getattr(o, "language", None) or "")
            return
    raise FileNotFoundError(f"no graph.ttl or graph.trig in {outdir}")


def iter_triples(outdir: Path) -> Iterator[Triple]:
    """All triples of the build, through pyoxigraph when it is installed."""
    try:
        import pyoxigraph  # noqa: F401
    except ImportError:
        yield from _iter_rdflib(outdir)
        return
    yield from _iter_pyoxigraph(outdir)


@dataclass
class Build:
    """The parts of a build graph that the measurement needs."""

    doc_of_source: dict[str, str] = field(default_factory=dict)          # file name -> doc id
    mentions: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)  # doc -> spans
    labels: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # iri -> (lang, label)
    counts: collections.Counter = field(default_factory=collections.Counter)  # iri -> evidence
    kinds: dict[str, str] = field(default_factory=dict)                  # iri -> kind
    article: dict[tuple[str, int], str] = field(default_factory=dict)     # (doc, position) -> iri
    author: dict[tuple[str, int], str] = field(default_factory=dict)      # (article, pos) -> person
    affiliations: list[tuple[str, str, str, str, str]] = field(default_factory=list)  # art, person, inst, text, name


def iri_kind(iri: str, types: dict[str, set[str]] | None = None) -> str:
    """The entity kind of an IRI: the path segment after ``/id/`` (``person``, ``law`` ...)."""
    if iri.startswith(ID):
        kind = iri[len(ID):].split("/", 1)[0]
        if kind in KINDS:
            return kind
    for t in (types or {}).get(iri, ()):
        name = t.rsplit("#", 1)[-1].lower()
        if name in KINDS:
            return name
    return "other"


def load_build(outdir: Path) -> Build:
    """Read manifest.json and the graph of ``outdir`` into a :class:`Build`."""
    build = Build()
    manifest = json.loads((outdir / "manifest.json").read_text(encoding="utf-8"))
    for item in manifest.get("inputs", []):
        build.doc_of_source[Path(item["source"]).name] = item["id"]

    mention: dict[str, dict[str, list[str]]] = collections.defaultdict(lambda: collections.defaultdict(list))
    authorship: dict[str, dict[str, str]] = collections.defaultdict(dict)
    affil: dict[str, dict[str, list[str]]] = collections.defaultdict(lambda: collections.defaultdict(list))
    art_doc: dict[str, str] = {}
    art_pos: dict[str, int] = {}
    types: dict[str, set[str]] = collections.defaultdict(set)
    for s, p, o, lang in iter_triples(outdir):
        if p.startswith(KG + "mention") or p == PROV_DERIVED:
            mention[s][p].append(o)
        elif p.startswith(KG + "author"):
            authorship[s][p] = o
        elif p.startswith(KG + "affiliation"):
            affil[s][p].append(o)
        elif p == KG + "sourceDocument":
            art_doc[s] = o
        elif p == SCHEMA_POSITION:
            try:
                art_pos[s] = int(o)
            except ValueError:
                pass
        elif p == RDFS_LABEL:
            build.labels.setdefault(s, []).append((lang, o))
        elif p == RDF_TYPE:
            types[s].add(o)

    for props in mention.values():
        if not props.get(KG + "mentionOf") or not props.get(KG + "mentionStart"):
            continue
        doc = props.get(PROV_DERIVED, [""])[0].rsplit("/", 1)[-1]
        start, end = int(props[KG + "mentionStart"][0]), int(props[KG + "mentionEnd"][0])
        for iri in props[KG + "mentionOf"]:
            build.mentions.setdefault(doc, []).append((start, end, iri))
            build.counts[iri] += 1
    for art, doc in art_doc.items():
        if art in art_pos:
            build.article[(doc.rsplit("/", 1)[-1], art_pos[art])] = art
    for props in authorship.values():
        person = props.get(KG + "authorshipPerson")
        if person:
            build.counts[person] += 1
            if KG + "authorshipArticle" in props and KG + "authorPosition" in props:
                build.author[(props[KG + "authorshipArticle"], int(props[KG + "authorPosition"]))] = person
    for props in affil.values():
        text = " ".join(props.get(KG + "affiliationText", []))
        name = " ".join(props.get(KG + "affiliationName", []))
        for inst in props.get(KG + "affiliationInstitution", []):
            build.counts[inst] += 1
            for art in props.get(KG + "affiliationArticle", [""]):
                for person in props.get(KG + "affiliationPerson", [""]):
                    build.affiliations.append((art, person, inst, text, name))
    for iri in set(build.labels) | set(build.counts):
        build.kinds[iri] = iri_kind(iri, types)
    return build


# --------------------------------------------------------------------------- labels and top 30


def norm_label(text: str) -> str:
    """Comparison key of a label: NFC, case-folded, punctuation and quotes dropped."""
    text = unicodedata.normalize("NFC", text).casefold()
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


def primary_label(build: Build, iri: str) -> str:
    """The label shown for a node: English first, then Kazakh, Russian, untagged."""
    labels = build.labels.get(iri) or [("", iri.rsplit("/", 1)[-1])]
    def rank(item: tuple[str, str]) -> tuple[int, str]:
        lang, value = item
        order = LABEL_LANG_ORDER.index(lang) if lang in LABEL_LANG_ORDER else len(LABEL_LANG_ORDER)
        return order, value
    return sorted(labels, key=rank)[0][1]


def top_entities(build: Build, kind: str, n: int = TOP_N) -> list[tuple[str, int]]:
    """The ``n`` nodes of ``kind`` with most evidence.

    Evidence = kg:Mention nodes whose kg:mentionOf is the entity + kg:Authorship nodes naming
    it as kg:authorshipPerson + kg:AffiliationEvent nodes naming it as
    kg:affiliationInstitution. Ties: normalised primary label, then IRI.
    """
    nodes = [(iri, c) for iri, c in build.counts.items() if build.kinds.get(iri) == kind]
    nodes.sort(key=lambda x: (-x[1], norm_label(primary_label(build, x[0])), x[0]))
    return nodes[:n]


def load_judgements(path: Path) -> dict[tuple[str, str], dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return {(j["kind"], norm_label(j["label"])): j for j in data["judgements"]}


def judge_top(build: Build, judgements: dict[tuple[str, str], dict[str, Any]]) -> dict[str, Any]:
    """Top-30 list per kind with verdicts; precision over the judged entries only."""
    out: dict[str, Any] = {}
    for kind in TOP_KINDS:
        rows = []
        for rank, (iri, count) in enumerate(top_entities(build, kind), 1):
            verdict = None
            for _, label in build.labels.get(iri, []) or [("", primary_label(build, iri))]:
                j = judgements.get((kind, norm_label(label)))
                if j:
                    verdict = j["verdict"]
                    break
            rows.append({"rank": rank, "iri": iri, "label": primary_label(build, iri),
                         "count": count, "verdict": verdict or "UNJUDGED"})
        judged = [r for r in rows if r["verdict"] != "UNJUDGED"]
        ok = sum(r["verdict"] == "ok" for r in judged)
        out[kind] = {"rows": rows, "ok": ok, "judged": len(judged),
                     "unjudged": len(rows) - len(judged),
                     "precision": ok / len(judged) if judged else None}
    return out


# --------------------------------------------------------------------------- the answer key


def load_key(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def verify_key(key: dict[str, Any], corpus: Path) -> tuple[dict[str, str], list[str]]:
    """Read the corpus files and check every occurrence's sha1.

    Returns the texts by file name and the list of bad occurrences ("file@start").
    Missing files make their occurrences bad; they are then left out of the figures.
    """
    texts: dict[str, str] = {}
    for name in key.get("sources", {}):
        path = corpus / name
        if path.is_file():
            texts[name] = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    bad = []
    for ent in key["entities"]:
        for occ in ent["occurrences"]:
            text = texts.get(occ["source"])
            span = text[occ["start"]:occ["end"]] if text is not None else None
            if span is None or hashlib.sha1(span.encode("utf-8")).hexdigest() != occ["sha1"]:
                bad.append(f"{occ['source']}@{occ['start']}")
    return texts, bad


def squash(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def names_agree(span: str, name: str) -> bool:
    """The occurrence ``span`` is the affiliation's ``name``, or that name inflected: they
    differ at most in a case ending of the last word («… университетінің» / «… университеті»).

    >>> names_agree("Еуразия ұлттық университетінің", "Еуразия ұлттық университеті")
    True
    >>> names_agree("Еуразия", "Еуразия ұлттық университеті"), names_agree("ҚазҰУ", "ҚазҰУ")
    (True, True)
    >>> names_agree("Ұлттық банктің", "Ұлттық академиясы")
    False
    """
    a, b = squash(span), squash(name)
    if a in b:
        return True
    common = len(os.path.commonprefix([a, b]))
    return " " in b[:common] and max(len(a), len(b)) - common <= 4


# --------------------------------------------------------------------------- mapping


def overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def core_length(span: str | None, start: int, end: int) -> int:
    """Length of an occurrence without a trailing hyphenated suffix («БҰҰ-дағы» -> 3)."""
    if span is None:
        return end - start
    m = HYPHEN_SUFFIX.search(span)
    return len(span) - (len(m.group(0)) if m and m.start() > 0 and span[m.start() - 1].isupper() else 0)


def mention_nodes(build: Build, doc: str, start: int, end: int, kind: str, span: str | None = None,
                  match: str = "best") -> set[str]:
    """Entity IRIs of build mentions covering a key occurrence (see module docstring)."""
    core = core_length(span, start, end)
    same: dict[str, float] = {}
    other = set()
    for m0, m1, iri in build.mentions.get(doc, ()):
        ov = overlap(start, end, m0, m1)
        if not ov:
            continue
        if build.kinds.get(iri, iri_kind(iri)) == kind:
            if ov >= SAME_KIND_OVERLAP * min(core, end - start):
                fit = ov / (max(end, m1) - min(start, m0))
                same[iri] = max(fit, same.get(iri, 0.0))
        elif ov >= OTHER_KIND_OVERLAP * (end - start) and ov >= OTHER_KIND_OVERLAP * (m1 - m0):
            other.add(iri)
    if same and match == "best":
        best = max(same.values())
        return {iri for iri, fit in same.items() if fit == best}
    return set(same) or other


def header_nodes(build: Build, doc: str, occ: dict[str, Any], kind: str, span: str | None,
                 ambiguous: set[tuple[str, str]]) -> set[str]:
    """Nodes reached through authorships (persons) or affiliation events (institutions)."""
    if occ.get("where") != "header" or "article_order" not in occ:
        return set()
    art = build.article.get((doc, int(occ["article_order"])))
    if art is None:
        return set()
    index = occ.get("author_index", 0)
    indexes = index if isinstance(index, list) else [index]
    persons = {build.author.get((art, i + 1)) for i in indexes} - {None}
    if kind == "person":
        return persons
    if kind != "institution" or span is None:
        return set()
    found = set()
    for a, person, inst, text, name in build.affiliations:
        if a != art or person not in persons:
            continue
        if name and names_agree(span, name):
            found.add(inst)  # the institution's own name in a line that names several
        elif squash(span) in squash(text) and (art, squash(text)) not in ambiguous:
            found.add(inst)
    return found


def ambiguous_affiliations(build: Build, key: dict[str, Any], texts: dict[str, str]) -> set[tuple[str, str]]:
    """Affiliation texts that contain header occurrences of two different key institutions."""
    holders: dict[tuple[str, str], set[str]] = collections.defaultdict(set)
    for ent in key["entities"]:
        if ent["kind"] != "institution":
            continue
        for occ in ent["occurrences"]:
            text = texts.get(occ["source"])
            doc = build.doc_of_source.get(occ["source"])
            if occ.get("where") != "header" or text is None or doc is None:
                continue
            art = build.article.get((doc, int(occ.get("article_order", 0))))
            span = squash(text[occ["start"]:occ["end"]])
            for a, _person, _inst, atext, _name in build.affiliations:
                if a == art and span in squash(atext):
                    holders[(a, squash(atext))].add(ent["id"])
    return {k for k, ids in holders.items() if len(ids) > 1}


@dataclass
class EntityResult:
    id: str
    kind: str
    part: str
    canonical: str
    occurrences: int = 0
    found: int = 0
    nodes: set[str] = field(default_factory=set)

    @property
    def one_node(self) -> bool:
        return self.found > 0 and len(self.nodes) == 1


def map_key(build: Build, key: dict[str, Any], texts: dict[str, str], bad: set[str],
            match: str = "best") -> dict[str, EntityResult]:
    """Map every verified key occurrence to build nodes."""
    ambiguous = ambiguous_affiliations(build, key, texts)
    results = {}
    for ent in key["entities"]:
        res = EntityResult(ent["id"], ent["kind"], ent["part"], ent["canonical"])
        for occ in ent["occurrences"]:
            if f"{occ['source']}@{occ['start']}" in bad:
                continue
            res.occurrences += 1
            doc = build.doc_of_source.get(occ["source"])
            if doc is None:
                continue
            text = texts.get(occ["source"])
            span = text[occ["start"]:occ["end"]] if text is not None else None
            nodes = mention_nodes(build, doc, occ["start"], occ["end"], ent["kind"], span, match)
            nodes |= header_nodes(build, doc, occ, ent["kind"], span, ambiguous)
            if nodes:
                res.found += 1
                res.nodes |= nodes
        results[ent["id"]] = res
    return results


# --------------------------------------------------------------------------- figures


def in_part(part: str, *entity_parts: str) -> bool:
    """A single entity belongs to its own part; a pair is held-out if either member is."""
    if part == "all":
        return True
    pair_part = "heldout" if "heldout" in entity_parts else "dev"
    return pair_part == part


def merges(results: dict[str, EntityResult]) -> dict[str, list[str]]:
    """Build node -> key entities whose occurrences it holds (only nodes with two or more)."""
    holders: dict[str, set[str]] = collections.defaultdict(set)
    for res in results.values():
        for iri in res.nodes:
            holders[iri].add(res.id)
    return {iri: sorted(ids) for iri, ids in sorted(holders.items()) if len(ids) > 1}


def figures(build: Build, key: dict[str, Any], results: dict[str, EntityResult], part: str) -> dict[str, Any]:
    """All figures of one part of the key."""
    chosen = [r for r in results.values() if in_part(part, r.part)]
    per_kind = {}
    for kind in KINDS:
        rs = [r for r in chosen if r.kind == kind]
        if not rs:
            continue
        occ = sum(r.occurrences for r in rs)
        per_kind[kind] = {
            "entities": len(rs), "one_node": sum(r.one_node for r in rs),
            "split": sum(r.found > 0 and len(r.nodes) > 1 for r in rs),
            "not_found": sum(r.found == 0 for r in rs),
            "occurrences": occ, "found": sum(r.found for r in rs),
        }
    n = len(chosen)
    one = sum(r.one_node for r in chosen)
    occ = sum(r.occurrences for r in chosen)
    found = sum(r.found for r in chosen)
    by_node = merges(results)
    apart = []
    for pair in key.get("apart", []):
        a, b = results.get(pair["a"]), results.get(pair["b"])
        if a is None or b is None or not in_part(part, a.part, b.part):
            continue
        for iri in sorted(a.nodes & b.nodes):
            apart.append({"iri": iri, "label": primary_label(build, iri), "a": a.id, "b": b.id,
                          "reason": pair.get("reason", "")})
    any_kind = []
    for iri, ids in by_node.items():
        parts = [results[i].part for i in ids]
        if part == "all" or (part == "dev" and all(p == "dev" for p in parts)) or \
           (part == "heldout" and "heldout" in parts):
            any_kind.append({"iri": iri, "label": primary_label(build, iri), "entities": ids})
    splits = [{"id": r.id, "kind": r.kind, "canonical": r.canonical, "found": r.found,
               "occurrences": r.occurrences, "iris": sorted(r.nodes)}
              for r in sorted(chosen, key=lambda r: (r.kind, r.id)) if r.found and len(r.nodes) > 1]
    missing = [{"id": r.id, "kind": r.kind, "canonical": r.canonical}
               for r in sorted(chosen, key=lambda r: (r.kind, r.id)) if not r.found]
    return {
        "part": part, "entities": n, "one_node": one, "one_node_share": one / n if n else None,
        "occurrences": occ, "found": found, "coverage": found / occ if occ else None,
        "per_kind": per_kind, "apart_violations": apart, "merged_nodes": any_kind,
        "split_entities": splits, "not_found_entities": missing,
    }


# --------------------------------------------------------------------------- printing


def pct(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def print_top(top: dict[str, Any], out: Any) -> None:
    print("== (a) top-30 precision per kind (ranking: mentions + authorships + affiliation events)", file=out)
    for kind, t in top.items():
        if t["unjudged"]:
            flag = f"  [undecided: {t['unjudged']} unjudged]"
        elif t["precision"] is None:
            flag = ""
        else:
            flag = "  [target met]" if t["precision"] >= TARGET else "  [below target 0.95]"
        print(f"-- {kind}: precision {pct(t['precision'])} = {t['ok']}/{t['judged']} judged "
              f"({t['unjudged']} unjudged){flag}", file=out)
        for r in t["rows"]:
            print(f"   {r['rank']:2d}. {r['count']:4d}  {r['verdict']:10s} {r['label']}  <{r['iri']}>", file=out)
        unj = [r["label"] for r in t["rows"] if r["verdict"] == "UNJUDGED"]
        if unj:
            print(f"   UNJUDGED: {'; '.join(unj)}", file=out)


def print_part(fig: dict[str, Any], details: bool, out: Any) -> None:
    share = fig["one_node_share"]
    flag = "" if share is None else ("  [target met]" if share >= TARGET else "  [below target 0.95]")
    print(f"== part {fig['part']}: {fig['entities']} key entities, {fig['occurrences']} occurrences", file=out)
    print(f"(b) exactly one node: {fig['one_node']}/{fig['entities']} = {pct(share)}{flag}; "
          f"coverage {fig['found']}/{fig['occurrences']} = {pct(fig['coverage'])}", file=out)
    for kind, k in fig["per_kind"].items():
        print(f"    {kind:12s} one node {k['one_node']:3d}/{k['entities']:<3d}  split {k['split']:3d}  "
              f"not found {k['not_found']:3d}  coverage {k['found']}/{k['occurrences']}", file=out)
    nodes = len({v["iri"] for v in fig["apart_violations"]})
    print(f"(c) wrong merges: {len(fig['apart_violations'])} apart pair(s) merged in {nodes} node(s) "
          f"[target 0]; {len(fig['merged_nodes'])} node(s) holding two or more key entities", file=out)
    if not details:
        print("    (held-out details hidden; use --show-heldout)", file=out)
        return
    for v in fig["apart_violations"]:
        print(f"    APART  <{v['iri']}> {v['label']}: {v['a']} + {v['b']} ({v['reason']})", file=out)
    for m in fig["merged_nodes"]:
        print(f"    MERGED <{m['iri']}> {m['label']}: {', '.join(m['entities'])}", file=out)
    print(f"(d) split entities: {len(fig['split_entities'])}", file=out)
    for s in fig["split_entities"]:
        print(f"    {s['kind']:12s} {s['id']} ({s['canonical']}): {s['found']}/{s['occurrences']} found -> "
              + " | ".join(s["iris"]), file=out)
    if fig["not_found_entities"]:
        print("    not found at all: " + ", ".join(m["id"] for m in fig["not_found_entities"]), file=out)


def hide_heldout(fig: dict[str, Any]) -> dict[str, Any]:
    """Aggregates only, for JSON output of the held-out part."""
    keep = ("part", "entities", "one_node", "one_node_share", "occurrences", "found", "coverage", "per_kind")
    out = {k: fig[k] for k in keep}
    out["apart_violations"] = len(fig["apart_violations"])
    out["merged_nodes"] = len(fig["merged_nodes"])
    out["split_entities"] = len(fig["split_entities"])
    out["not_found_entities"] = len(fig["not_found_entities"])
    return out


# --------------------------------------------------------------------------- main


def parse_args(argv: Iterable[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("outdir", type=Path, help="build output folder (graph.ttl/graph.trig/store, manifest.json)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="folder with the corpus files")
    ap.add_argument("--key", type=Path, default=DEFAULT_KEY, help="entity answer key (JSON)")
    ap.add_argument("--judgements", type=Path, default=DEFAULT_JUDGEMENTS, help="top-30 judgements (JSON)")
    ap.add_argument("--part", choices=("dev", "heldout", "all"), default=None,
                    help="part of the key to report (default: dev, then held-out aggregates)")
    ap.add_argument("--match", choices=("best", "all"), default="best",
                    help="several same-kind mentions on one occurrence: count the best-fitting (default) or all")
    ap.add_argument("--show-heldout", action="store_true", help="also print held-out details")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    return ap.parse_args(list(argv) if argv is not None else None)


def run(args: argparse.Namespace, out: Any = sys.stdout) -> dict[str, Any]:
    key = load_key(args.key)
    texts, bad = verify_key(key, args.corpus)
    build = load_build(args.outdir)
    results = map_key(build, key, texts, set(bad), args.match)
    judgements = load_judgements(args.judgements) if args.judgements.is_file() else {}
    top = judge_top(build, judgements)
    parts = [args.part] if args.part else ["dev", "heldout"]
    figs = {p: figures(build, key, results, p) for p in parts}
    report = {"outdir": str(args.outdir), "key": str(args.key),
              "key_sources_not_in_build": sorted(set(key.get("sources", {})) - set(build.doc_of_source)),
              "key_occurrences_verified": sum(len(e["occurrences"]) for e in key["entities"]) - len(bad),
              "key_occurrences_bad": bad, "top30": top, "parts": {}}
    for p, fig in figs.items():
        show = p != "heldout" or args.show_heldout
        report["parts"][p] = fig if show else hide_heldout(fig)
    if args.json:
        json.dump(report, out, ensure_ascii=False, indent=1, default=sorted)
        out.write("\n")
        return report
    print(f"build {args.outdir}; key {args.key}: {report['key_occurrences_verified']} occurrences verified, "
          f"{len(bad)} bad{' (e.g. ' + ', '.join(bad[:5]) + ')' if bad else ''}", file=out)
    missing = sorted(set(key.get("sources", {})) - set(build.doc_of_source))
    if missing:
        print(f"note: {len(missing)} key source file(s) are not inputs of this build "
              f"({', '.join(missing)}); their occurrences count as not found", file=out)
    print_top(top, out)
    for p, fig in figs.items():
        print_part(fig, p != "heldout" or args.show_heldout, out)
    return report


def main(argv: Iterable[str] | None = None) -> int:
    run(parse_args(argv))
    return 0


if __name__ == "__main__":
    sys.exit(main())
