"""Bibliographic triples: an issue's journal, volume, number and year from its masthead
(:mod:`kg.segment.masthead`), references split into their parts, and the laws they cite.

An issue is a ``kg:JournalIssue`` (``schema:PublicationIssue``, ``bibo:Issue``) labelled
``Title, vol. V, № N, YEAR`` (tagged with the title's language) with ``schema:issueNumber``/``bibo:issue``, ``bibo:volume`` and
``kg:issueYear``; it is ``kg:inJournal`` a ``kg:Journal`` (``schema:Periodical``) keyed by its
ISSN (``schema:issn``; ``bibo:issn``/``bibo:eissn`` for print/online) with ``kg:doiPrefix``, and
``schema:isPartOf`` a ``schema:PublicationVolume`` where a volume is printed. A reference gets
``dcterms:title``, ``kg:referenceAuthor`` (one per name), ``kg:referenceContainer``,
``bibo:volume``/``bibo:issue``/``bibo:pages``, and ``dcterms:references`` the law entities
its text names (:func:`law_names`, :func:`cited_laws`).

>>> names = law_names({("law", "k"): Entity("law", "k", {"kk": "«Қоғамдық кеңестер туралы» Заң"}),
...                    ("law", "s"): Entity("law", "s", {"en": "On State Service (Ukraine, 1993)"})})
>>> cited_laws("Verkhovna Rada of Ukraine. (1993). On State Service. <https://x>", names)
['s']
>>> cited_laws("Verkhovna Rada of Ukraine. (2016). On State Service. <https://x>", names)
[]
>>> cited_laws("«Қоғамдық  кеңестер туралы» ҚР 2015 жылғы № 383-V Заңы", names)
['k']
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from rdflib.namespace import DCTERMS, RDF, RDFS

from kg.iri import journal_key, volume_key
from kg.model import Reference
from kg.rdf.terms import GraphLines, integer, literal
from kg.rdf.vocab import BIBO, KG, SCHEMA
from kg.resolve import Entity
from kg.segment.masthead import Masthead
from kg.text.lang import detect_language

_QUOTED = re.compile(r"[«“\"„]([^»”\"“]{8,200})[»”\"“]")
#: A law's whole name counts as cited only from this length on (short ones match too much).
MIN_NAME = 12


def t(value) -> str:
    return f"<{value}>"


def add_issue(g: GraphLines, issue: str, masthead: Masthead, fallback: str, iri) -> None:
    """The issue's label and number, its volume and its journal (``iri(kind, key)`` mints)."""
    lang = detect_language(masthead.title) if masthead.title else None  # labels in the title's language
    g.add(issue, t(RDFS.label), literal(masthead.label(fallback), lang))
    if masthead.year:
        g.add(issue, t(KG.issueYear), integer(masthead.year))
    if masthead.number:
        g.add(issue, t(SCHEMA.issueNumber), literal(masthead.number))
        g.add(issue, t(BIBO.issue), literal(masthead.number))
    if masthead.volume:
        g.add(issue, t(BIBO.volume), literal(masthead.volume))
    key = journal_key(tuple(i for i, _ in sorted(masthead.issns, key=lambda x: x[1] != "print")),
                      masthead.title)
    if key is None:
        return
    journal = iri("journal", key)
    g.add(journal, t(RDF.type), t(KG.Journal))
    g.add(journal, t(RDF.type), t(SCHEMA.Periodical))
    if masthead.title:
        g.add(journal, t(RDFS.label), literal(masthead.title, lang))
        g.add(journal, t(SCHEMA.name), literal(masthead.title, lang))
    for issn, medium in masthead.issns:
        g.add(journal, t(SCHEMA.issn), literal(issn))
        g.add(journal, t(BIBO.eissn if medium == "online" else BIBO.issn), literal(issn))
    if masthead.doi_prefix:
        g.add(journal, t(KG.doiPrefix), literal(masthead.doi_prefix))
    g.add(issue, t(KG.inJournal), journal)
    if masthead.volume:
        volume = iri("volume", volume_key(key, masthead.volume))
        g.add(volume, t(RDF.type), t(SCHEMA.PublicationVolume))
        g.add(volume, t(SCHEMA.volumeNumber), literal(masthead.volume))
        g.add(volume, t(RDFS.label), literal(f"{masthead.title or key}, vol. {masthead.volume}", lang))
        g.add(volume, t(SCHEMA.isPartOf), journal)
        g.add(issue, t(SCHEMA.isPartOf), volume)
    else:
        g.add(issue, t(SCHEMA.isPartOf), journal)


def add_reference_parts(g: GraphLines, node: str, ref: Reference, laws: Mapping[str, list[str]], iri,
                        people: Mapping[str, str] | None = None) -> None:
    """The parts of one reference, the laws it names and (``dcterms:creator``) the persons its
    authors are, where ``people`` (an author's name as printed -> person IRI) knows them."""
    if ref.title:
        g.add(node, t(DCTERMS.title), literal(ref.title))
    for name in ref.authors:
        g.add(node, t(KG.referenceAuthor), literal(name))
        person = (people or {}).get(name.rstrip(","))
        if person is not None:
            g.add(node, t(DCTERMS.creator), person)
    if ref.container:
        g.add(node, t(KG.referenceContainer), literal(ref.container))
    for prop, value in ((BIBO.volume, ref.volume), (BIBO.issue, ref.issue), (BIBO.pages, ref.pages)):
        if value:
            g.add(node, t(prop), literal(value))
    for key in cited_laws(ref.text, laws):
        g.add(node, t(DCTERMS.references), iri("law", key))


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("ё", "е").split())


def law_names(entities: Mapping[tuple[str, str], Entity]) -> LawNames:
    """Law key -> the normalised names that identify it in a reference: the quoted title of
    each of its labels and aliases, else the whole label from :data:`MIN_NAME` characters."""
    out = LawNames()
    for (kind, key), entity in entities.items():
        if kind != "law":
            continue
        names = set()
        for name in (*entity.labels.values(), *(alias for _, alias in entity.aliases)):
            dated = _DATED_TITLE.match(name)
            if dated:  # "On State Service (Ukraine, 1993)", as its reference entry writes it
                title, year = _norm(dated.group(1)), dated.group(2)
                names.update({f"({year}). {title}", f"({year}) {title}"})
                continue
            quoted = _QUOTED.findall(name)
            names.update(_norm(q) for q in quoted) if quoted else (
                names.add(_norm(name)) if len(name) >= MIN_NAME else None)
        if names:
            out[key] = sorted(names)
    return out


#: A generic act title kept apart by its year (and country): ``On State Service (Ukraine, 1993)``.
_DATED_TITLE = re.compile(r"^(.+?) \((?:[^(),]+, )?(1[89]\d\d|20\d\d)\)$")

#: Characters of a law name that file it in :class:`LawNames`' index.
ANCHOR = 4


class LawNames(dict):
    """``{law key: [normalised name, ...]}`` with an index of the names by their first
    :data:`ANCHOR` characters, made on first use: finding the laws a reference names costs
    its length, not the number of laws (a large archive knows thousands).

    >>> LawNames({"k": ["о языках"]}).find("закон «о языках в рк»")
    ['k']
    """

    _index: tuple | None = None

    def find(self, norm: str) -> list[str]:
        """The keys of the laws whose names the normalised ``norm`` contains, sorted."""
        if self._index is None:
            self._index = _anchor_index(self)
        index, lengths, always = self._index
        found = set(always)
        starts = norm.startswith
        for i in range(len(norm)):
            for length in lengths:
                for name, key in index.get(norm[i:i + length], ()):
                    if key not in found and starts(name, i):
                        found.add(key)
        return sorted(found)


def _anchor_index(laws: Mapping[str, list[str]]) -> tuple[dict, tuple[int, ...], frozenset]:
    """Names by their first characters, the anchor lengths in use, and the laws with an
    empty name (which every text contains)."""
    index: dict[str, list[tuple[str, str]]] = {}
    always = set()
    for key, names in laws.items():
        for name in names:
            if name:
                index.setdefault(name[:ANCHOR], []).append((name, key))
            else:
                always.add(key)
    return index, tuple(sorted({len(a) for a in index})), frozenset(always)


def cited_laws(text: str, laws: Mapping[str, list[str]]) -> list[str]:
    """The keys of the laws whose names ``text`` contains, sorted."""
    if not isinstance(laws, LawNames):
        laws = LawNames(laws)
    return laws.find(_norm(text))
