"""Deterministic IRIs minted from stable keys (never counters or blank nodes).

An IRI is ``{base}{kind}/{key}``; keys are ASCII slugs of names transliterated
from Kazakh, Russian or English, or content hashes for documents and mentions.

>>> slug("Бақытжан Бұқарбай")
'baqytzhan-buqarbai'
>>> slug("L.N. Gumilyov Eurasian National University")
'l-n-gumilyov-eurasian-national-university'
>>> mint("person", "baqytzhan-buqarbai")
'https://w3id.org/kazkg/id/person/baqytzhan-buqarbai'
"""

from __future__ import annotations

import hashlib
import re

from kg.text.names import name_key
from kg.text.translit import latin

DEFAULT_BASE = "https://w3id.org/kazkg/id/"
MAX_SLUG = 80


def slug(text: str) -> str:
    """A lowercase ASCII key; long ones are cut and suffixed with a short hash."""
    s = re.sub(r"[^a-z0-9]+", "-", latin(text).lower()).strip("-")
    if len(s) > MAX_SLUG:
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        s = s[:MAX_SLUG].rstrip("-") + "-" + digest
    return s or hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def person_key(name: str) -> str:
    """The key of a person known by ``name`` alone: its phonetic key, words sorted, so every
    script and word order gives the same key (catalogued people have the catalogue's key).

    >>> person_key("Kassym-Jomart Tokayev") == person_key("Қасым-Жомарт Тоқаев")
    True
    >>> person_key("Asel Aitkaliyeva")
    'aitkalieva-asel'
    >>> person_key("КЖ-03") != person_key("КЖ-07")
    True
    """
    digits = "".join(re.findall(r"\d+", name))
    return slug(f"{name_key(name)} {digits}".strip().replace(" ", "-")) or slug(name)


def mint(kind: str, key: str, base: str = DEFAULT_BASE) -> str:
    """The IRI of a ``kind`` of thing with ``key`` under ``base``."""
    if not base.endswith(("/", "#")):
        base += "/"
    return f"{base}{kind}/{key}"


# --- Key recipes: the strings every IRI is minted from ---------------------------------------

#: Kinds of records (not entities) that get IRIs, in the order of their Turtle prefixes.
RECORDS: tuple[str, ...] = ("article", "authorship", "affiliation", "mention", "reference",
                            "document", "issue", "journal", "volume", "graph")


def article_key(document_id: str, order: int) -> str:
    """The key of the ``order``-th article of a document.

    >>> article_key("20a0587045a20f02", 3)
    '20a0587045a20f02-3'
    """
    return f"{document_id}-{order}"


def authorship_key(document_id: str, order: int, position: int) -> str:
    """The key of an article's ``position``-th (1-based) authorship."""
    return f"{article_key(document_id, order)}-{position}"


def affiliation_key(document_id: str, order: int, affiliation: int, position: int) -> str:
    """The key of the tie between an article's ``affiliation``-th line and ``position``-th author (1-based)."""
    return f"{article_key(document_id, order)}-{affiliation}-{position}"


def reference_key(document_id: str, order: int, number: int) -> str:
    """The key of an article's ``number``-th (1-based) reference."""
    return f"{article_key(document_id, order)}-{number}"


def journal_key(issns: tuple[str, ...], title: str | None) -> str | None:
    """The key of a journal: its first ISSN (the print one where the masthead says which),
    else its title's slug; ``None`` without either.

    >>> journal_key(("0317-8471", "1050-124X"), "Demo Review"), journal_key((), "Demo Review")
    ('issn-0317-8471', 'demo-review')
    """
    if issns:
        return "issn-" + issns[0].lower()
    return slug(title) if title else None


def volume_key(journal: str, volume: str) -> str:
    """The key of a journal's volume.

    >>> volume_key("issn-0317-8471", "7")
    'issn-0317-8471-v7'
    """
    return f"{journal}-v{slug(volume)}"


def mention_key(document_id: str, start: int, end: int, label: str) -> str:
    """The key of a mention: its document, span and label.

    >>> mention_key("d1", 0, 9, "GPE_SUB")
    'd1-0-9-gpe-sub'
    """
    return f"{document_id}-{start}-{end}-{slug(label)}"


def document_graph_key(document_id: str) -> str:
    """The key (under ``graph/``) of a document's named graph."""
    return f"document/{document_id}"


def node_digest(node: str) -> str:
    """The key of a network node in its result IRIs: the start of the SHA-1 of its IRI.

    >>> node_digest("http://e/p1")
    'f389d65559ebed40'
    """
    return hashlib.sha1(node.encode("utf-8")).hexdigest()[:16]


def result_key(network: str, measure: str, digest: str) -> str:
    """The key (under ``analytics/``) of one node's score of one measure in one network.

    >>> result_key("coauthorship", "pagerank", node_digest("http://e/p1"))
    'coauthorship/pagerank/f389d65559ebed40'
    """
    return f"{network}/{measure}/{digest}"
