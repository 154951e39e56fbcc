"""Static entity pages (``kg build --pages``): the served entity pages as files, for sharing.

``entities/`` in the build output holds one HTML file per entity, article, journal, volume,
issue and source document (``country.kz.html`` for ``<base>country/kz``), rendered by the same code as
``kg serve``'s ``/id/...`` pages (:func:`kg.server.entities.render_entity`) from the same query,
with links made relative: to the other pages, to ``../networks/NAME.html`` for a network, and
to the IRI itself for anything without a page. ``entities/index.html`` lists them all and
searches their labels and surface forms in the browser (``search.js`` over ``labels.js``: no
server, works from ``file://``). Everything is sorted: a rebuild writes the same bytes.

>>> page_file("https://w3id.org/kazkg/id/country/kz", "https://w3id.org/kazkg/id/")
'country.kz.html'
>>> page_file("http://www.wikidata.org/entity/Q232", "https://w3id.org/kazkg/id/")
'x-d262c997e8973e31.html'
>>> normalise("Қазақстанның ÉLITE")
'қазақстанның elite'
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html import escape
from importlib import resources
from pathlib import Path

import pyoxigraph as ox

from kg.fsutil import write_atomic
from kg.iri import mint
from kg.kinds import KINDS, ONTOLOGY
from kg.search import entries, words
from kg.server.entities import Nav, page_document, page_query, render_entity
from kg.server.page import style_hash
from kg.store import open_store
from kg.text.kk_morph import split_suffix
from kg.text.ru_morph import lemmas

FOLDER = "entities"
#: The classes whose members get a page, and what the index calls them.
PAGE_CLASSES: dict[str, str] = {
    **{k.class_iri: k.names.get("en", k.key) for k in KINDS},
    ONTOLOGY + "Article": "Article",
    ONTOLOGY + "Journal": "Journal",
    "http://schema.org/PublicationVolume": "Journal volume",
    ONTOLOGY + "JournalIssue": "Journal issue",
    ONTOLOGY + "SourceDocument": "Source document",
}
_PLAIN = re.compile(r"([a-z][a-z0-9_-]*)/([A-Za-z0-9_-]+)")
_CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)
#: Stores up to this size on disk are copied into memory for the export (faster joins).
IN_MEMORY_LIMIT = 256 * 1024 * 1024
#: Entity pages allow the shared inline style and nothing else, as on ``kg serve``.
_POLICY = (f"default-src 'none'; style-src {style_hash()}; img-src 'self'; base-uri 'none'; "
           "form-action 'self'")
SITE_NAV = Nav("index.html", "all entities", "index.html",
               head=f'\n<meta http-equiv="Content-Security-Policy" content="{_POLICY}">')


def page_file(iri: str, base: str) -> str:
    """The file name of the page of ``iri``: ``KIND.KEY.html`` under ``base``, else a digest."""
    match = _PLAIN.fullmatch(iri[len(base):]) if base and iri.startswith(base) else None
    if match:
        return f"{match[1]}.{match[2]}.html"
    return "x-" + hashlib.sha1(iri.encode("utf-8")).hexdigest()[:16] + ".html"


def normalise(text: str) -> str:
    """Lower case without combining accents (``search.js`` does the same to a query)."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not "\u0300" <= c <= "\u036f"))


def search_terms(text: str) -> set[str]:
    """The normalised words of ``text`` with their Kazakh stems and Russian dictionary forms.

    >>> sorted(search_terms("Қазақстанның"))
    ['қазақстан', 'қазақстанның']
    """
    found = set()
    for word in words(text):
        forms = {word}
        if _CYRILLIC.search(word):
            forms.add(split_suffix(word)[0])
            forms.update(lemmas(word))
        found.update(t for t in map(normalise, forms) if t)
    return found


@dataclass(frozen=True)
class SiteLinks:
    """Links between static pages (the members :class:`kg.server.entities.Links` has)."""

    pages: Mapping[str, str]
    networks: Mapping[str, str] = field(default_factory=dict)
    formats: bool = False
    nav: Nav = SITE_NAV

    def href(self, iri: str) -> str:
        """The page of ``iri``, else the IRI itself if it is a web address, else ``#``."""
        found = self.pages.get(iri) or self.networks.get(iri)
        return found or (iri if iri.startswith(("http://", "https://")) else "#")


def page_iris(store: ox.Store) -> dict[str, str]:
    """Every IRI that gets a page, with what the index calls it (the first of its classes)."""
    values = " ".join(f"<{c}>" for c in PAGE_CLASSES)
    found: dict[str, str] = {}
    order = list(PAGE_CLASSES)
    query = f"SELECT ?s ?c WHERE {{ VALUES ?c {{ {values} }} ?s a ?c FILTER(isIRI(?s)) }}"
    for row in store.query(query, use_default_graph_as_union=True):
        iri, cls = row["s"].value, row["c"].value
        if iri not in found or order.index(cls) < order.index(found[iri]):
            found[iri] = cls
    return {iri: PAGE_CLASSES[cls] for iri, cls in sorted(found.items())}


def write_site(store_dir: Path, out_dir: Path, base: str, index: Path | None = None) -> int:
    """Write ``out_dir/entities/``: one page per entity and the searchable index; returns the
    number of pages. ``index`` is the build's search index (labels and surface forms)."""
    store_dir, folder = Path(store_dir), Path(out_dir) / FOLDER
    size = sum(p.stat().st_size for p in store_dir.rglob("*") if p.is_file())
    store = open_store(store_dir, in_memory=size <= IN_MEMORY_LIMIT)
    kinds = page_iris(store)
    files = {iri: page_file(iri, base) for iri in kinds}
    networks = {mint("network", p.stem, base): f"../networks/{p.name}"
                for p in sorted((Path(out_dir) / "networks").glob("*.html"))}
    links = SiteLinks(files, networks)
    for iri, name in files.items():
        result = store.query(page_query(iri), use_default_graph_as_union=True)
        rows = json.loads(result.serialize(format=ox.QueryResultsFormat.JSON))["results"]["bindings"]
        write_atomic(folder / name, render_entity(iri, rows, links))
    forms = _forms(index, kinds) if index is not None and Path(index).is_file() else {}
    write_atomic(folder / "labels.js", labels_script(files, kinds, forms))
    write_atomic(folder / "search.js", resources.files("kg.pages.assets").joinpath("search.js").read_bytes())
    write_atomic(folder / "index.html", index_page(files, kinds, forms))
    return len(files)


def _forms(index: Path, kinds: Mapping[str, str]) -> dict[str, tuple[str, list[str], list[str]]]:
    """IRI -> (display label, its labels in every language, its surface forms) from the search index."""
    out: dict[str, tuple[str, list[str], list[str]]] = {}
    for iri, label, fld, text in entries(index, ("label", "form")):
        if iri in kinds:
            out.setdefault(iri, (label, [], []))[1 if fld == "label" else 2].append(text)
    return out


def _terms(texts: Iterable[str]) -> set[str]:
    return set().union(*(search_terms(t) for t in texts))


def labels_script(files: Mapping[str, str], kinds: Mapping[str, str],
                  forms: Mapping[str, tuple[str, list[str], list[str]]]) -> str:
    """``labels.js``: ``KG_ENTITIES``, one ``[file, label, kind, label terms, other terms, labels,
    rank]`` per page: the terms of its labels in every language, those of its other surface forms,
    each label as ``[terms, words]`` (to prefer the shortest label matching) and the rank of its
    kind (named entities before keywords, articles and issues)."""
    order = list(dict.fromkeys(PAGE_CLASSES.values()))
    rows = []
    for iri, name in files.items():
        label, labels, texts = forms.get(iri, ("", [], []))
        own = _terms([label, *labels])
        other = _terms(texts) - own
        each = sorted({(" ".join(sorted(search_terms(x))), len(words(x))) for x in {label, *labels} if x})
        rows.append([name, label or iri, kinds[iri], " ".join(sorted(own)), " ".join(sorted(other)),
                     [list(x) for x in each], order.index(kinds[iri])])
    return "window.KG_ENTITIES = " + json.dumps(rows, ensure_ascii=False, separators=(",", ":")) + ";\n"


def index_page(files: Mapping[str, str], kinds: Mapping[str, str],
               forms: Mapping[str, tuple[str, list[str], list[str]]]) -> str:
    """``entities/index.html``: a search box (``search.js``) and every page, by kind."""
    by_kind: dict[str, list[tuple[str, str]]] = {}
    for iri, name in files.items():
        label = forms.get(iri, ("",))[0] or iri
        by_kind.setdefault(kinds[iri], []).append((label, name))
    sections = "".join(
        f"<h2>{escape(kind)} ({len(items)})</h2><ul>"
        + "".join(f'<li><a href="{escape(name)}">{escape(label)}</a></li>' for label, name in sorted(items))
        + "</ul>" for kind, items in _ordered(by_kind))
    body = (f'<p>{len(files)} pages · <a href="../index.html">dashboard</a></p>'
            '<ul id="hits" aria-live="polite"></ul>'
            f'<div id="all">{sections}</div>')
    nav = Nav("../index.html", "dashboard", "index.html",
              head='\n<script src="labels.js"></script>\n<script src="search.js" defer></script>')
    return page_document("Entities", body, nav=nav)


def _ordered(by_kind: dict[str, list[tuple[str, str]]]) -> Iterable[tuple[str, list[tuple[str, str]]]]:
    order = list(dict.fromkeys(PAGE_CLASSES.values()))
    return sorted(by_kind.items(), key=lambda kv: order.index(kv[0]))
