"""A curated catalogue of institutions, laws and state programmes, with multilingual lookup.

The catalogue lives in ``kg/lexicon/data/institutions.tsv`` and ``kg/lexicon/data/legal_acts.tsv``: one row per
real-world thing with its English, Russian and Kazakh names and aliases (acronyms included).
A lookup turns a surface form as it appears in text (inflected, quoted, decorated with
"of the Republic of Kazakhstan", an acronym with a Kazakh case ending) into its entry:

1. candidate keys: quotes and punctuation dropped, case folded, the last word put into the
   nominative (:func:`kg.text.kk_morph.normalize_kk`, :func:`kg.text.ru_morph.normalize_ru`),
   ``ЕҰУ-дағы`` cut to ``ЕҰУ``, the quoted title of a law tried on its own;
2. an exact match of a key against the index of normalised names;
3. failing that, a conservative fuzzy match (``token_set_ratio`` >= 92 on Latin
   transliterations) among entries whose names share a head word (university, ministry, law,
   ...) with the query, both ways covered, and unambiguous.

Acronyms are matched case-sensitively (``WHO`` is the organisation, ``who`` is not).

>>> lookup_institution("ЕҰУ-дағы").key
'enu'
>>> lookup_act("«Нұрлы жол» бағдарламасы").key
'nurly-zhol'
>>> lookup_institution("Алматы") is None
True
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.kinds import LANGS
from kg.lexicon.fuzzy import best_match
from kg.lexicon.owners import without_owners
from kg.text.kk_morph import KkLexicon, normalize_kk
from kg.text.names import fold
from kg.text.ru_morph import normalize_ru
from kg.text.translit import latin

__all__ = ["CatalogEntry", "PROGRAM_KINDS", "entry_by_key", "read_entries", "institutions", "is_acronym",
           "legal_acts", "lookup_act", "lookup_institution", "sound_key"]

DATA = Path(__file__).parent / "data"

_QUOTES = "«»“”„‟\"'‘’‹›"
_QUOTED = re.compile(r"[«“„\"]([^«»“”„\"]{2,}?)[»”“\"]")
_DASH = re.compile(r"\s*[\u2010-\u2015\u2212-]\s*")
_NON_WORD = re.compile(r"[^\w\-]+")
_ACRONYM_SUFFIX = re.compile(r"^([0-9A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][0-9A-Za-zА-ЯЁӘҒҚҢӨҰҮҺІа-яёәғқңөұүһі/]*)-([а-яёәғқңөұүһі]+)$")
_KK_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_ABBREV = {"им": "имени"}
# Years that date a programme («2002-2010 электрондық Ресей», «… 2025 жылға дейін»).
_YEARS = re.compile(r"^(?:\d{4}\s*[-–]\s*)?\d{4}(?:\s*жылдарға арналған|\s*жылға дейінгі)?\s+"
                    r"|\s*\(?\d{4}\s*[-–]\s*\d{4}\)?$")

# Words that only decorate a name: "Law", "of the Republic of Kazakhstan", "ҚР", "Заңына".
_DECOR = frozenset(
    ["закон", "закона", "закону", "законом", "законе", "law", "of", "the", "republic", "kazakhstan", "республики", "республика", "республике", "казахстан", "рк", "қр", "қазақстан", "республикасының", "республикасы", "республикасында"]
)
_DECOR_PREFIX = ("заң",)  # заң, заңы, заңына, заңының ... (the Kazakh "law" in any case)
# A programme's head word before or after its name ("Targeted Social Assistance Programme",
# «Мемлекеттік бағдарлама …», «Государственная программа …»): an act is looked up without it too.
_PROGRAM_HEAD = re.compile(
    r"\s+(?:(?:state|national|government)\s+)?program(?:me)?$"
    r"|\s+(?:мемлекеттік\s+)?бағдарламасы$"
    r"|^(?:(?:the\s+)?(?:state|national)\s+)?program(?:me)?\s+(?!of\b)"
    r"|^(?:мемлекеттік\s+)?бағдарлама\s+|^(?:государственная\s+)?программа\s+(?!развития\b)",
    re.IGNORECASE)

@dataclass(frozen=True)
class CatalogEntry:
    """One curated thing: its ``key``, ``kind``, Wikidata QID, names by language, aliases.

    >>> e = CatalogEntry("un", "international", "Q1065", {"en": "United Nations"}, ("UN",))
    >>> e.name("en"), e.name("kk")
    ('United Nations', 'United Nations')
    """

    key: str
    kind: str
    wikidata: str
    names: dict[str, str] = field(hash=False)
    aliases: tuple[str, ...] = ()
    year: int | None = None
    ror: str = ""

    def name(self, lang: str = "en") -> str:
        """The name in ``lang``, else the English one."""
        return self.names.get(lang) or self.names.get("en", self.key)

    def surfaces(self) -> Iterator[str]:
        """Every name and alias."""
        yield from (n for n in self.names.values() if n)
        yield from self.aliases


# --- loading ---------------------------------------------------------------------------------


def read_entries(path: Path) -> tuple[CatalogEntry, ...]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        out = []
        for row in rows:
            year = (row.get("year") or "").strip()
            out.append(
                CatalogEntry(
                    key=row["key"].strip(),
                    kind=row["kind"].strip(),
                    wikidata=(row.get("wikidata") or "").strip(),
                    names={lang: row[lang].strip() for lang in LANGS if row.get(lang)},
                    aliases=tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()),
                    year=int(year) if year else None,
                    ror=(row.get("ror") or "").strip(),
                )
            )
    return tuple(out)


@lru_cache(maxsize=1)
def institutions() -> tuple[CatalogEntry, ...]:
    """All rows of ``institutions.tsv``."""
    return read_entries(DATA / "institutions.tsv")


@lru_cache(maxsize=1)
def legal_acts() -> tuple[CatalogEntry, ...]:
    """All rows of ``legal_acts.tsv``."""
    return read_entries(DATA / "legal_acts.tsv")


#: Catalogue kinds of legal acts that are programs (the others are laws).
PROGRAM_KINDS = frozenset({"program", "strategy", "concept", "national_project"})


def entry_by_key(key: str) -> CatalogEntry | None:
    """The institution or legal act whose key is ``key``, or None.

    >>> entry_by_key("kz-constitution").kind
    'constitution'
    """
    return _by_key().get(key)


@lru_cache(maxsize=1)
def _by_key() -> dict[str, CatalogEntry]:
    return {e.key: e for e in (*institutions(), *legal_acts())}


# --- normalisation ---------------------------------------------------------------------------


def _fold(text: str) -> str:
    """Lowercase words without quotes or punctuation (hyphens inside words kept).

    >>> _fold("Л.Н.Гумилев атындағы «ЕҰУ», им. Абая")
    'л н гумилев атындағы еұу имени абая'
    >>> _fold("Стратегия «Казахстан – 2050»")
    'стратегия казахстан-2050'
    """
    s = text.replace("ё", "е").replace("Ё", "Е")
    s = _DASH.sub("-", s)
    s = _NON_WORD.sub(" ", s).replace("_", " ")
    words = [w.strip("-") for w in s.lower().split()]
    return " ".join(_ABBREV.get(w, w) for w in words if w)


def _strip_decor(key: str) -> str:
    """``key`` without decorative words, if at least two words or a number remain, else ''."""
    words = [w for w in key.split() if w not in _DECOR and not w.startswith(_DECOR_PREFIX)]
    if len(words) >= 2 or any(ch.isdigit() for w in words for ch in w):
        return " ".join(words)
    return ""


def is_acronym(text: str) -> bool:
    """One word with at least two capitals (``ENU``, ``KazNU``, ``OSCE/ODIHR``)."""
    return " " not in text.strip() and sum(ch.isupper() for ch in text) >= 2


def _cut_acronym_suffixes(text: str) -> str:
    """``ЕҰУ-дағы`` -> ``ЕҰУ``, word by word."""
    out = []
    for word in text.split():
        m = _ACRONYM_SUFFIX.match(word)
        out.append(m.group(1) if m and is_acronym(m.group(1)) else word)
    return " ".join(out)


def _unquote(text: str) -> str:
    return " ".join("".join(" " if ch in _QUOTES else ch for ch in text).split())


def _morph_forms(text: str, lang: str | None, lexicon: object) -> list[str]:
    """``text`` with its name put into the nominative by the Kazakh and/or Russian rules."""
    forms: list[str] = []
    cyrillic = bool(_CYRILLIC.search(text))
    kazakh = lang == "kk" or any(ch in _KK_LETTERS for ch in text)
    if cyrillic and lang in (None, "kk"):
        forms.append(normalize_kk(text, lexicon=lexicon))  # type: ignore[arg-type]
    if cyrillic and lang in (None, "ru") and not kazakh:
        forms.append(normalize_ru(text, "ORG"))
    return forms


#: A dash between a plan's head phrase and its name: «Ұлт жоспары – 100 нақты қадам».
_SPACED_DASH = re.compile(r"\s+[–—-]\s+")
_PLAN_HEAD = re.compile(r"(?:жоспар|бағдарлама|стратегия|план|программ|стратеги|plan|program|strateg)",
                        re.IGNORECASE)


def _headed_sides(title: str) -> list[str]:
    """The name side of a title written «head phrase – name» or «name – head phrase», where
    the head side is at most three words holding a plan's head word.

    >>> _headed_sides("Ұлт жоспары – 100 нақты қадам"), _headed_sides("Абай – Шәкәрім")
    (['100 нақты қадам'], [])
    """
    sides = _SPACED_DASH.split(title)
    if len(sides) != 2:
        return []
    return [name for name, head in (sides, sides[::-1])
            if len(head.split()) <= 3 and _PLAN_HEAD.search(head) and not _PLAN_HEAD.search(name)]


def _surface_variants(surface: str, lang: str | None, lexicon: object) -> list[str]:
    """Raw variants of a query: whole, quoted titles, without years, without owners
    (:mod:`kg.lexicon.owners`), each also in the nominative."""
    base = _cut_acronym_suffixes(" ".join(surface.split()))
    pieces = [base] + [m.strip() for m in _QUOTED.findall(base)]
    pieces += [undated for piece in pieces if (undated := _YEARS.sub("", piece).strip()) != piece]
    pieces += [owned for piece in pieces if (owned := without_owners(piece))]
    out: list[str] = []
    for piece in pieces:
        plain = _unquote(piece)
        for form in [plain, *_morph_forms(plain, lang, lexicon)]:
            if form and form not in out:
                out.append(form)
    return out


# --- index -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Index:
    entries: tuple[CatalogEntry, ...]
    exact: dict[str, int]  # folded key -> entry position (ambiguous keys removed)
    acronyms: dict[str, int]  # case-kept acronym -> entry position
    latin: tuple[tuple[int, str], ...]  # (entry position, Latin-folded surface) for fuzzy
    lexicon: object
    sounds: dict[str, int]  # :func:`sound_key` key -> entry position


def _add(table: dict[str, int], ambiguous: set[str], key: str, pos: int) -> None:
    if not key or key in ambiguous:
        return
    if table.get(key, pos) != pos:
        del table[key]
        ambiguous.add(key)
    else:
        table[key] = pos


def sound_key(text: str) -> str:
    """The phonetic key of a name of two words or more (:func:`kg.text.names.fold` per word,
    «ң» and "ng" as "n"), else ''; equal for one name in Cyrillic and in any transliteration.

    >>> sound_key("Қазақстан Республикасының Конституциясы") == sound_key("Qazaqstan Respublikasynyn Konstitutsiyasy")
    True
    >>> sound_key("Bilim ministrligi") == sound_key("Білім министрлігі")
    True
    """
    words = [fold(w) for w in _fold(_unquote(text)).split()]
    words = [w.replace("ng", "n") for w in words if w]
    return " ".join(words) if len(words) >= 2 else ""


def _latin(text: str) -> str:
    return " ".join(_NON_WORD.sub(" ", latin(_fold(text)).lower()).split())


def _build(entries: tuple[CatalogEntry, ...]) -> _Index:
    exact: dict[str, int] = {}
    acronyms: dict[str, int] = {}
    amb_exact: set[str] = set()
    amb_acr: set[str] = set()
    sounds: dict[str, int] = {}
    amb_sound: set[str] = set()
    latin_keys: list[tuple[int, str]] = []
    kk_names: list[str] = []
    for pos, entry in enumerate(entries):
        for surface in entry.surfaces():
            plain = _unquote(surface)
            if is_acronym(plain):
                _add(acronyms, amb_acr, plain.replace("ё", "е"), pos)
                continue
            key = _fold(plain)
            _add(exact, amb_exact, key, pos)
            _add(exact, amb_exact, _strip_decor(key), pos)
            latin_keys.append((pos, _latin(plain)))
            _add(sounds, amb_sound, sound_key(plain), pos)
            if any(ch in _KK_LETTERS for ch in plain):
                kk_names.append(plain)
        if "kk" in entry.names:
            kk_names.append(_unquote(entry.names["kk"]))
    return _Index(entries, exact, acronyms, tuple(latin_keys), KkLexicon.of(kk_names), sounds)


@lru_cache(maxsize=2)
def _index(which: str) -> _Index:
    return _build(institutions() if which == "institutions" else legal_acts())


# --- lookup ----------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def _lookup(which: str, surface: str, lang: str | None) -> CatalogEntry | None:
    if not surface or not surface.strip():
        return None
    index = _index(which)
    quick = _fold(_unquote(surface))
    if quick in index.exact:  # fast path: already a catalogued form
        return index.entries[index.exact[quick]]
    variants = _surface_variants(surface, lang, index.lexicon)
    if which == "acts":
        variants += [bare for v in variants if (bare := _PROGRAM_HEAD.sub("", v).strip()) != v
                     and bare and bare not in variants]
        variants += [name for v in variants for name in _headed_sides(v) if name not in variants]
    for variant in variants:
        if is_acronym(variant):
            pos = index.acronyms.get(variant.replace("ё", "е"))
            if pos is not None:
                return index.entries[pos]
    keys: list[str] = []
    for variant in variants:
        key = _fold(variant)
        keys += [key, _strip_decor(key)]
    for key in keys:
        if key and key in index.exact:
            return index.entries[index.exact[key]]
    for variant in variants:  # another script or transliteration: «Қылмыстық кодексі», "Qylmystyq kodeksi"
        pos = index.sounds.get(sound_key(variant))
        if pos is not None:
            return index.entries[pos]
    pos = best_match(index.latin, [_latin(v) for v in variants])
    return None if pos is None else index.entries[pos]


def lookup_institution(surface: str, lang: str | None = None) -> CatalogEntry | None:
    """The catalogued institution ``surface`` names, in any language or case form, or None.

    >>> lookup_institution("Евразийского национального университета имени Л.Н. Гумилева").key
    'enu'
    """
    return _lookup("institutions", surface, lang)


def lookup_act(surface: str, lang: str | None = None) -> CatalogEntry | None:
    """The catalogued law, code, programme or treaty ``surface`` names, or None.

    A decree is not the law of the same title, nor the law the decree of it:

    >>> lookup_act("Закона Республики Казахстан «Об образовании»").key
    'law-education'
    >>> lookup_act("«Мемлекеттік қызмет туралы» Жарлығы").key
    'decree-civil-service-1995'
    """
    entry = _lookup("acts", surface, lang)
    form = act_form(surface)
    if entry is None or form is None or not ({form, entry.kind} & _EXCLUSIVE_FORMS) \
            or form == entry.kind:
        return entry
    title = _title(surface)  # a decree named like a law (or the reverse): that form's entry
    return next((e for e in legal_acts() if e.kind == form and title in _titles(e)), None)


#: Forms of legal acts that are never the same act as another form with the same title.
_EXCLUSIVE_FORMS = frozenset({"decree", "resolution"})
_FORM_HEADS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("decree", ("zharlyq", "zharlygh", "ukaz", "decree", "edict")),
    ("resolution", ("qauly", "postanovlen", "resolution")),
    ("law", ("zang", "zakon", "law", "act")),
    ("code", ("kodeks", "code")),
)


def act_form(surface: str) -> str | None:
    """The form of legal act a surface names by its head word (decree, resolution, law, code).

    >>> act_form("Президенттің 1995 жылғы Жарлығы"), act_form("Закон «О науке»"), act_form("«Нұрлы жол»")
    ('decree', 'law', None)
    """
    words = _latin(_unquote_all(surface)).split()
    for form, heads in _FORM_HEADS:
        if any(w == h or w.startswith(h) and h not in ("law", "act") for w in words for h in heads):
            return form
    return None


def _unquote_all(text: str) -> str:
    """``text`` without its quoted parts (a title's words are not the act's head word)."""
    return _QUOTED.sub(" ", text)


def _title(text: str) -> str:
    """The folded quoted title of ``text``, else all of it without decoration."""
    quoted = _QUOTED.findall(text)
    return _strip_decor(_fold(quoted[0] if quoted else _unquote(text)))


@lru_cache(maxsize=None)
def _titles(entry: CatalogEntry) -> frozenset[str]:
    return frozenset(_title(s) for s in entry.surfaces())
