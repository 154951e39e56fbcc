"""The frozen dataclasses passed between the pipeline's pure functions.

They hold only plain Python values (no spaCy or rdflib objects) so they can be
serialised, cached and sent to other processes.

>>> Span(3, 7).length
4
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from kg.kinds import LANGS


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` into a document's text."""

    start: int
    end: int

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True)
class Paragraph:
    """A blank-line separated block of a document, with its detected language."""

    start: int
    end: int
    lang: str


@dataclass(frozen=True)
class Document:
    """One decoded input file.

    ``id`` is a content hash, so the same bytes always give the same id.
    """

    id: str
    source: str
    text: str
    encoding: str
    paragraphs: tuple[Paragraph, ...] = ()

    @property
    def langs(self) -> tuple[str, ...]:
        """Languages present, most frequent (by characters) first."""
        weight: dict[str, int] = {}
        for p in self.paragraphs:
            weight[p.lang] = weight.get(p.lang, 0) + p.end - p.start
        return tuple(sorted(weight, key=lambda k: (-weight[k], k)))


@dataclass(frozen=True)
class Author:
    """One person with the spellings printed in each language's header.

    ``email`` and ``orcid`` are set when the header ties them to this author.
    """

    names: dict[str, str]
    email: str | None = None
    orcid: str | None = None

    def name(self) -> str:
        """The first available spelling, in kk, ru, en order."""
        return next((self.names[k] for k in LANGS if k in self.names), "")


@dataclass(frozen=True)
class Affiliation:
    """An affiliation line, linked to the authors (0-based) who carry its marker."""

    author_index: tuple[int, ...]
    text: str
    city: str | None = None
    country: str | None = None
    institution: str | None = None


@dataclass(frozen=True)
class Reference:
    """One entry of an article's (original-language) reference list, with the parts of it that
    could be told apart (:mod:`kg.segment.citation`): authors as printed, title, container
    (journal or collection), volume, issue and pages."""

    text: str
    doi: str | None = None
    year: int | None = None
    authors: tuple[str, ...] = ()
    title: str | None = None
    container: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None


@dataclass(frozen=True)
class Article:
    """The scholarly skeleton of one article, or the body of a header-less document.

    Dictionaries are keyed by language code (``kk``, ``ru``, ``en``); a language
    key is absent where the text has none.
    """

    document_id: str
    source: str
    order: int
    span: Span
    body: Span
    title: dict[str, str] = field(default_factory=dict)
    abstract: dict[str, str] = field(default_factory=dict)
    keywords: dict[str, tuple[str, ...]] = field(default_factory=dict)
    authors: tuple[Author, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()
    emails: tuple[str, ...] = ()
    orcids: tuple[str, ...] = ()
    doi: str | None = None
    references: tuple[Reference, ...] = ()

    @property
    def has_header(self) -> bool:
        return bool(self.title or self.authors)


#: The extractor source of a parent institution nested in a unit's span (``kg.extract.filters.chains``).
PARENT_SOURCE = "parent"
#: The extractor of names found in reference lists (:mod:`kg.extract.references`).
REFERENCE_SOURCE = "kazkg-ref/0.1:reference"
#: The extractor of names found in an issue's front matter outside its editorial lists: the
#: cover and the tables of contents (:mod:`kg.extract.front_matter`).
CONTENTS_SOURCE = "kazkg-front/0.1:contents"
#: The extractor of names in reference entries' titles that no table knows, and of the persons
#: they name: such a name is kept only if the corpus names the same thing elsewhere
#: (:mod:`kg.extract.reference_text`).
REFERENCE_TEXT_SOURCE = "kazkg-ref/0.1:reference-text"
#: The extractors of reference lists.
REFERENCE_SOURCES = frozenset({REFERENCE_SOURCE, REFERENCE_TEXT_SOURCE})
#: Extractors whose names are kept only as things other mentions of the corpus name.
CORPUS_KNOWN_ONLY = frozenset({REFERENCE_TEXT_SOURCE})
#: Extractors whose person names join persons the corpus has (a reference's author may also be one of their own).
KNOWN_PERSONS_ONLY = frozenset({REFERENCE_SOURCE, REFERENCE_TEXT_SOURCE, CONTENTS_SOURCE})


@dataclass(frozen=True)
class Mention:
    """A span of text naming an entity, with its canonical (uninflected) form.

    ``name_start``/``name_end`` (same offsets as ``start``/``end``), where set, mark the name
    inside a longer span: ``Нұрлы жол`` in ``«Нұрлы жол» мемлекеттік бағдарламасы``.

    >>> m = Mention("d", 10, 26, "Алатау ауданының", "GPE_SUB", "kk", "Алатау ауданы", "", 10, 16)
    >>> m.name, Mention("d", 0, 6, "Алатау", "GPE_SUB", "kk", "Алатау").name
    ('Алатау', 'Алатау')
    """

    document_id: str
    start: int
    end: int
    text: str
    label: str
    lang: str
    canonical: str
    extractor: str = ""
    name_start: int | None = None
    name_end: int | None = None
    #: The canonical name of the act in the reference-list entry a law mention's citation
    #: points at (``the Budget Code [31]`` -> ``Budget Code of Ukraine``), else empty.
    cites: str = ""

    @property
    def nested_parent(self) -> bool:
        """True for a parent institution named inside a unit's span (``…:parent``).

        >>> Mention("d", 0, 6, "ЮНЕСКО", "ORG", "kk", "ЮНЕСКО", "kazkg-kk/0.1:parent").nested_parent
        True
        """
        return self.extractor.endswith(":" + PARENT_SOURCE)

    @property
    def name(self) -> str:
        """The name inside the span (the whole span text where no name span is set)."""
        if self.name_start is None or self.name_end is None:
            return self.text
        return self.text[self.name_start - self.start:self.name_end - self.start]

    def shifted(self, by: int) -> Mention:
        """The mention with every offset moved by ``by`` (paragraph -> document offsets)."""
        moved = {"start": self.start + by, "end": self.end + by}
        if self.name_start is not None and self.name_end is not None:
            moved.update(name_start=self.name_start + by, name_end=self.name_end + by)
        return replace(self, **moved)


@dataclass(frozen=True)
class Problem:
    """A file that could not be processed, and why (one line for the user)."""

    source: str
    message: str

    def __str__(self) -> str:
        """``source: message`` on one line: control characters (a newline in a file name) escaped.

        >>> str(Problem("a\\nwarning: b.txt", "empty file"))
        'a\\\\nwarning: b.txt: empty file'
        """
        return f"{one_line(self.source)}: {one_line(self.message)}"


def one_line(text: str) -> str:
    """``text`` with every control, line or paragraph separator character escaped."""
    return "".join(ch.encode("unicode_escape").decode("ascii")
                   if ch in _BREAKING or ord(ch) < 32 or ord(ch) == 127 else ch for ch in text)


_BREAKING = frozenset("\x85\u2028\u2029")
