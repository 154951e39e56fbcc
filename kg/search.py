"""Full-text search over labels, surface forms and mention sentences (SQLite FTS5, stdlib ``sqlite3``).

``kg build`` writes ``search.sqlite`` next to the store. Every word is indexed as a set of
*terms*: the phonetic fold (:func:`kg.text.names.fold`: Latin letters, case, accents and spelling
variants collapsed) of the word, of its Kazakh stem without the case ending
(:func:`kg.text.kk_morph.split_suffix`) and of its Russian dictionary forms
(:func:`kg.text.ru_morph.lemmas`). A query word is expanded the same way and matches any of its
terms, so «Қазақстанның», «Казахстана», «kazakhstan» all find Қазақстан.

>>> terms("Қазақстанның") >= terms("Қазақстан"), terms("Казахстане") >= terms("Kazakhstan")
(True, True)
>>> sorted(terms("2015"))
['2015']
>>> match_expression("Қазақстанның саясаты")
'("kazakstan" OR "kazakstaning") AND ("sasat" OR "sasata" OR "sasati")'
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.fsutil import code_stamp, write_atomic
from kg.store import open_store, run_query
from kg.text.kk_morph import split_suffix
from kg.text.lang import own_letters
from kg.text.names import fold
from kg.text.ru_morph import lemmas

INDEX_FILE = "search.sqlite"
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)
_KAZAKH_ONLY = own_letters("kk")
#: Indexed fields, best first: a hit in a label outranks one in a surface form or a sentence.
FIELDS = ("label", "form", "sentence")
_LABELS = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <http://schema.org/>
SELECT ?s ?l WHERE { ?s rdfs:label|skos:prefLabel|skos:altLabel|schema:name ?l FILTER(isIRI(?s)) }"""
_MENTIONS = """PREFIX kg: <https://w3id.org/kazkg/ontology#>
SELECT ?e ?text ?sentence WHERE { ?m kg:mentionOf ?e ; kg:mentionText ?text .
  OPTIONAL { ?m kg:sentenceText ?sentence } }"""


@dataclass(frozen=True)
class Hit:
    """One IRI found: its display label, the field that matched and the matching text."""

    iri: str
    label: str
    field: str
    text: str


@lru_cache(maxsize=200_000)
def terms(word: str) -> frozenset[str]:
    """The index terms of one word (see the module docstring); digits stay as they are."""
    if word.isdigit():
        return frozenset({word})
    forms = {word}
    if _CYRILLIC.search(word):
        forms.add(split_suffix(word)[0])
        if not _KAZAKH_ONLY.search(word):  # a word with ә, ғ, қ … is no Russian word
            forms.update(lemmas(word))
    else:
        forms.add(re.sub(r"(?i)'s$", "", word))
    return frozenset(f for f in map(fold, forms) if f)


def words(text: str) -> list[str]:
    """The words of ``text`` (letters and digits).

    >>> words("Закон «Об общественных советах» (2015)")
    ['Закон', 'Об', 'общественных', 'советах', '2015']
    """
    return _WORD.findall(text)


def indexed(text: str) -> str:
    """The terms of every word of ``text``, space-separated (what FTS5 indexes)."""
    return " ".join(sorted({t for w in words(text) for t in terms(w)}))


def match_expression(query: str, prefix: bool = False) -> str:
    """The FTS5 query for ``query``: every word must match, each by any of its terms;
    ``prefix``: the last word may be the start of a term (completion as one types).

    >>> match_expression("Қазақ", prefix=True)
    '("kazak"*)'
    """
    groups = []
    found_words = [sorted(terms(w)) for w in words(query)]
    for i, found in enumerate(found_words):
        star = "*" if prefix and i == len(found_words) - 1 else ""
        if found:
            groups.append("(" + " OR ".join(f'"{t}"{star}' for t in found) + ")")
    return " AND ".join(groups)


def _rows(store_dir: Path, labels: dict[str, str] | None = None) -> Iterator[tuple[str, str, str]]:
    """``(iri, field, text)`` for every label, surface form and mention sentence, sorted, unique;
    ``labels``, if given, is filled meanwhile with the label shown for each IRI (English, else
    Kazakh, else Russian, else any), from the same labels query."""
    store = open_store(store_dir)
    found: set[tuple[str, str, str]] = set()
    best: dict[str, tuple[int, str]] = {}
    for row in run_query(store, _LABELS):
        iri, label = row["s"].value, row["l"]
        found.add((iri, "label", label.value))
        key = (_RANK.get(label.language or "", 3), label.value)
        if iri not in best or key < best[iri]:
            best[iri] = key
    if labels is not None:
        labels.update((iri, label) for iri, (_, label) in best.items())
    for row in run_query(store, _MENTIONS):
        found.add((row["e"].value, "form", row["text"].value))
        if row["sentence"] is not None:
            found.add((row["e"].value, "sentence", row["sentence"].value))
    yield from sorted(found)


#: The order of preference of a display label's language.
_RANK = {"en": 0, "kk": 1, "ru": 2}


def write_index(store_dir: Path, path: Path, terms_cache: Path | None = None) -> int:
    """Build the search index of the store at ``store_dir`` into ``path`` (replaced atomically);
    returns the number of entries. ``terms_cache``: a file of the words' terms kept from the
    last build (see :class:`TermsCache`), so a rebuild works out only the new words' terms."""
    path = Path(path)
    known = TermsCache.read(terms_cache)
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    try:
        db.execute("CREATE VIRTUAL TABLE entries USING fts5(terms, iri UNINDEXED, field UNINDEXED, "
                   "text UNINDEXED, tokenize='unicode61 remove_diacritics 2')")
        db.execute("CREATE TABLE labels (iri TEXT PRIMARY KEY, label TEXT NOT NULL)")
        count = 0
        labels: dict[str, str] = {}
        for iri, fld, text in _rows(store_dir, labels):
            db.execute("INSERT INTO entries VALUES (?, ?, ?, ?)", (known.indexed(text), iri, fld, text))
            count += 1
        db.executemany("INSERT INTO labels VALUES (?, ?)", sorted(labels.items()))
        db.commit()
    finally:
        db.close()
    os.replace(tmp, path)
    known.save(terms_cache)
    return count


class TermsCache:
    """The terms of words (:func:`terms`) remembered between builds: read from a JSON file
    written by the same code and morphology dictionaries (:func:`terms_stamp`), and written
    back with the words of this index only (so it does not grow with old builds).

    >>> import tempfile
    >>> f = Path(tempfile.mkdtemp()) / "terms.json"
    >>> TermsCache.read(f).indexed("Қазақстанның") == indexed("Қазақстанның")
    True
    >>> c = TermsCache.read(None); _ = c.indexed("Астана"); c.save(f)
    >>> sorted(TermsCache.read(f).known)
    ['Астана']
    """

    def __init__(self, known: dict[str, frozenset[str]]) -> None:
        self.known = known
        self.used: dict[str, frozenset[str]] = {}

    @classmethod
    def read(cls, path: Path | None) -> TermsCache:
        if path is None:
            return cls({})
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            if data.get("stamp") != terms_stamp():
                return cls({})
            return cls({w: frozenset(ts) for w, ts in data["terms"].items()})
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return cls({})  # no cache, or a damaged one: every word is worked out

    def terms(self, word: str) -> frozenset[str]:
        found = self.used.get(word)
        if found is None:
            found = self.known.get(word)
            if found is None:
                found = terms(word)
            self.used[word] = found
        return found

    def indexed(self, text: str) -> str:
        """:func:`indexed`, with the remembered terms."""
        return " ".join(sorted({t for w in words(text) for t in self.terms(w)}))

    def save(self, path: Path | None) -> None:
        if path is not None:
            data = {"stamp": terms_stamp(),
                    "terms": {w: sorted(ts) for w, ts in sorted(self.used.items())}}
            write_atomic(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def terms_stamp() -> str:
    """What the terms of a word depend on: our code and the morphology packages' versions."""
    from importlib.metadata import PackageNotFoundError, version

    versions = []
    for package in ("pymorphy3", "pymorphy3-dicts-ru", "Unidecode"):
        try:
            versions.append(f"{package}={version(package)}")
        except PackageNotFoundError:
            versions.append(f"{package}=-")
    return code_stamp() + ";" + ";".join(versions)


def index_path(store_dir: Path) -> Path:
    """Where the index of a build's store lives (next to it, in the build folder)."""
    return Path(store_dir).parent / INDEX_FILE


def search(path: Path, query: str, limit: int = 20, prefix: bool = False) -> list[Hit]:
    """The IRIs matching every word of ``query``, best first (labels, shortest first, then
    forms, then sentences; within a field by BM25 rank), one hit per IRI. ``prefix``: the last word may
    be the start of a word (see :func:`match_expression`).

    Raises ``FileNotFoundError`` when there is no index at ``path``.
    """
    expression = match_expression(query, prefix)
    if not expression:
        return []
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no search index (run `kg build` again)")
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = db.execute(
            "SELECT e.iri, COALESCE(l.label, ''), e.field, e.text FROM entries e "
            "LEFT JOIN labels l ON l.iri = e.iri WHERE entries MATCH ? "
            "ORDER BY CASE e.field WHEN 'label' THEN 0 WHEN 'form' THEN 1 ELSE 2 END, "
            # a label, and any name in completion, shortest first: «Қазақстанның» finds Kazakhstan
            # before a long institution name that says Қазақстан twice
            "CASE WHEN ? OR e.field = 'label' THEN length(e.text) ELSE 0 END, bm25(entries), e.iri "
            "LIMIT ?", (expression, prefix, limit * 20)).fetchall()
    finally:
        db.close()
    hits: dict[str, Hit] = {}
    for iri, label, fld, text in rows:
        if iri not in hits:
            hits[iri] = Hit(iri, label, fld, text)
    return list(hits.values())[:limit]


def entries(path: Path, fields: tuple[str, ...] = FIELDS) -> Iterator[tuple[str, str, str, str]]:
    """``(iri, display label, field, text)`` of every entry of the index at ``path`` in one of
    ``fields``, sorted (what the static pages' client-side search is made of)."""
    db = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
    try:
        marks = ", ".join("?" * len(fields))
        yield from db.execute(
            "SELECT e.iri, COALESCE(l.label, ''), e.field, e.text FROM entries e LEFT JOIN labels l "
            f"ON l.iri = e.iri WHERE e.field IN ({marks}) ORDER BY e.iri, e.field, e.text", fields)
    finally:
        db.close()


def hits_json(hits: Iterable[Hit]) -> str:
    """Hits as a JSON array of objects (``iri``, ``label``, ``field``, ``text``)."""
    return json.dumps([h.__dict__ for h in hits], ensure_ascii=False)
