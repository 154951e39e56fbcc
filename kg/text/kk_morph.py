"""Rule-based Kazakh normaliser: strip the case ending of a name to get its nominative.

Kazakh is head-final, so the case ending of a multi-word name sits on its last word. The rules
follow vowel harmony (back ``а о ұ ы я`` / front ``ә ө ү і е э``) and consonant assimilation
(``-ның/-дың/-тың``, ``-ға/-қа``, ``-да/-та``, ``-дан/-нан/-тан`` ...), and cut one ending,
possibly compound (``-ындағы``, ``-ларының`` keep their possessive part). The third-person
possessive is kept, since in names it marks the compound (``Қазақстан Республикасы``,
``Білім министрлігі``). Hyphenated endings after acronyms and digits are cut too (``АҚШ-тың``).

The rules are conservative: a stem shorter than three letters, a stem whose last sound does not
take that ending, or a known nominative (``Алматы``, ``Қызылорда``, ``...стан``) is left alone.
A lexicon of known nominatives (say, the gazetteer's names) picks among the possible cuts,
including ones the rules alone never make (``Одағы`` -> ``Одақ``, plurals).

>>> normalize_kk("Қазақстан Республикасының")
'Қазақстан Республикасы'
>>> split_suffix("АҚШ-тың")
('АҚШ', '-тың')
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["KkLexicon", "normalize_kk", "split_suffix", "candidates", "strip_possessive"]

# --- sound classes --------------------------------------------------------------------------

_BACK = frozenset("аоұыя")
_FRONT = frozenset("әөүіеэ")
_VOWELS = frozenset("аәеёиоөуұүыіэюя")
_SONORANT = frozenset("лрйужзи")  # take д-endings: Ресейдің, Тараздың, Атыраудың
_NASAL = frozenset("мнң")  # take н-endings: Қазақстанның, Қазақстаннан
_VOICELESS = frozenset("кқпстшфхцчщһбвгдғ")  # б в г д devoice at the end: Тоқаевтың
_POSSESSIVE = frozenset("ыі")  # a stem ending in the 3rd person possessive

V, SON, NAS, VL, POSS = "V", "SON", "NAS", "VL", "POSS"

_CLASSES: dict[str, frozenset[str]] = {
    V: _VOWELS,
    SON: _SONORANT,
    NAS: _NASAL,
    VL: _VOICELESS,
    POSS: _POSSESSIVE,
}


@dataclass(frozen=True)
class _Ending:
    """A case ending and the classes of stem-final letter it may follow."""

    text: str
    after: frozenset[str]
    harmony: str | None  # "back", "front" or None (invariant, like -мен)
    needs_head: bool = False  # accusative -н: only after a known institution head noun


def _ending(text: str, *after: str, needs_head: bool = False) -> _Ending:
    if any(c in "аы" for c in text):
        harmony: str | None = "back"
    elif text.startswith(("мен", "бен", "пен")) or not any(c in _VOWELS for c in text):
        harmony = None
    else:
        harmony = "front"
    return _Ending(text, frozenset(after), harmony, needs_head)


def _pair(back: str, front: str, *after: str) -> list[_Ending]:
    return [_ending(back, *after), _ending(front, *after)]


_ENDINGS: tuple[_Ending, ...] = tuple(
    # genitive
    _pair("ның", "нің", V, NAS)
    + _pair("дың", "дің", SON)
    + _pair("тың", "тің", VL)
    # dative
    + _pair("ға", "ге", V, SON, NAS)
    + _pair("қа", "ке", VL)
    + _pair("на", "не", POSS)
    # accusative
    + _pair("ны", "ні", V)
    + _pair("ды", "ді", SON, NAS)
    + _pair("ты", "ті", VL)
    + [_ending("н", POSS, needs_head=True)]
    # locative
    + _pair("да", "де", V, SON, NAS)
    + _pair("та", "те", VL)
    + _pair("нда", "нде", POSS)
    # ablative
    + _pair("дан", "ден", V, SON)
    + _pair("нан", "нен", NAS, POSS)
    + _pair("тан", "тен", VL)
    # locative + relative -ғы/-гі
    + _pair("дағы", "дегі", V, SON, NAS)
    + _pair("тағы", "тегі", VL)
    + _pair("ндағы", "ндегі", POSS)
    # instrumental (no harmony)
    + [_ending("мен", V, SON, NAS), _ending("бен", SON, NAS), _ending("пен", VL)]
    + [_ending("менен", V, SON, NAS), _ending("бенен", SON, NAS), _ending("пенен", VL)]
    # genitive + -кі ("that of")
    + _pair("ныкі", "нікі", V, NAS)
    + _pair("дыкі", "дікі", SON)
    + _pair("тыкі", "тікі", VL)
)

# Endings written after a hyphen, on acronyms and numbers: АҚШ-тың, 2020-да, «Нұр Отан»-ға.
_HYPHEN_ENDINGS = frozenset(e.text for e in _ENDINGS)
#: The endings, longest first (the order :func:`candidates` tries them in).
_LONGEST_FIRST: tuple[_Ending, ...] = tuple(sorted(_ENDINGS, key=lambda e: -len(e.text)))

_PLURALS = ("лар", "лер", "дар", "дер", "тар", "тер")

# Head nouns of institution names: their possessive form takes the accusative -н
# (Республикасын, министрлігін), which is too ambiguous elsewhere (Тұрсын, Алтын, Жалын).
# fmt: off
_HEADS: tuple[str, ...] = (
    "республика", "федерация", "корольдік", "әмірлік", "штат", "одақ", "ұйым", "министрлік",
    "министр", "университет", "институт", "академия", "комитет", "агенттік", "орталық", "қор",
    "партия", "кеңес", "мәжіліс", "сенат", "парламент", "үкімет", "сот", "әкімдік", "әкім",
    "палата", "қауымдастық", "серіктестік", "ассоциация", "қоғам", "компания", "корпорация",
    "банк", "департамент", "басқарма", "аппарат", "президент", "төраға", "мектеп", "колледж",
    "музей", "театр", "кітапхана", "газет", "журнал", "облыс", "аудан", "қала", "арал", "ұл",
    "қыз", "мемлекет", "конфедерация", "әкімшілік", "жамағат", "құрылтай", "кешен", "үй",
    "сарай", "алаң", "көше", "даңғыл", "мешіт", "ғимарат", "зауыт", "парк", "ауыл", "кент",
    "аймақ", "өлке", "көл", "тау", "өзен", "теңіз", "шығанақ", "жағалау", "мұхит", "құрлық",
)
# fmt: on

# Known nominatives that look inflected; and stem endings that are never cut.
# fmt: off
_PROTECTED_WORDS = frozenset(
    {
        "алматы", "астана", "ақорда", "орда", "тараз", "абай", "түркістан", "ұлытау",
        "қызылорда", "қарағанды", "өскемен", "шортанды", "қайыңды", "қамысты", "тасты",
        "бұлақты", "сүлеймен", "канада", "гренада", "уганда", "руанда", "фарида", "мекке",
        "иордан", "флорида", "невада", "линда", "ванда", "берді", "нұрдан", "ордабасы",
        "құрметті", "ақылды", "жорға", "қарға", "балға", "кармен", "шымкент", "семей",
        "егемен", "түркімен", "қабырға",
    }
)
_PROTECTED_ENDINGS: tuple[str, ...] = (
    "стан", "орда", "зада", "берді", "келді", "гелді", "пошта", "қазына",
)
# fmt: on

_DEVOICE = {"ғ": "қ", "г": "к", "б": "п"}
_MIN_STEM = 3
_MIN_POSSESSIVE = 5
_ACRONYM = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9.&]{2,}|.*[0-9»\")]")
#: A foreign (Latin-script) word, which takes its case ending after a hyphen: Twitter-дегі.
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9&.'’]*")
_SPACE = re.compile(r"\s+")


# --- lexicon ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class KkLexicon:
    """Known nominative forms, lowercased: whole names and their last words.

    >>> lex = KkLexicon.of(["Еуропалық Одақ"])
    >>> "одақ" in lex.words, "еуропалық одақ" in lex.phrases
    (True, True)
    """

    phrases: frozenset[str]
    words: frozenset[str]

    @classmethod
    def of(cls, names: Iterable[str]) -> KkLexicon:
        phrases = {" ".join(n.lower().split()) for n in names if n and n.strip()}
        words = {p.rsplit(" ", 1)[-1] for p in phrases}
        return cls(frozenset(phrases), frozenset(words))


def _as_lexicon(lexicon: KkLexicon | Iterable[str] | None) -> KkLexicon | None:
    if lexicon is None or isinstance(lexicon, KkLexicon):
        return lexicon
    return KkLexicon.of(lexicon)


# --- rules -----------------------------------------------------------------------------------


def _final_letter(stem: str) -> str:
    """The last letter that carries sound (skipping ь and ъ)."""
    core = stem.rstrip("ьъ")
    return core[-1] if core else ""


def _vowel_class(ch: str) -> set[str]:
    if ch in _BACK:
        return {"back"}
    if ch in _FRONT or ch == "и":  # и is ій: Тбилисиде, Қалиден
        return {"front"}
    return {"back", "front"}  # у, ю, ё: either


def _harmonies(stem: str) -> set[str]:
    """Which endings the stem's vowels allow. Surnames in -ов/-ев also follow the root."""
    vowels = [c for c in stem if c in _VOWELS]
    if not vowels:
        return {"back", "front"}
    allowed = _vowel_class(vowels[-1])
    if len(vowels) > 1 and re.search(r"(ов|ев|ёв)$", stem):
        allowed |= _vowel_class(vowels[-2])
    final = _final_letter(stem)
    if final in "кг":  # a back loan ending in front к takes front endings: банкке, Нью-Йоркте
        allowed.add("front")
    elif final in "қғ":
        allowed.add("back")
    return allowed


def _letters(s: str) -> int:
    return sum(c.isalpha() for c in s.rsplit("-", 1)[-1])


def _head_ok(stem: str) -> bool:
    """Is ``stem`` (ending in a possessive) the possessive of a known head noun?"""
    base = _strip_possessive(stem, minimum=2)
    if base is None:
        return False
    # a head inside a compound word: телерадиокешені, Байтұрсынұлы (but not Токио-дағы)
    return base in _HEADS or any(
        base.endswith(h) for h in _HEADS if len(h) >= 5 or h in ("ұл", "қыз")
    )


def _allowed(stem: str, ending: _Ending) -> bool:
    final = _final_letter(stem)
    minimum = _MIN_STEM + 1 if ending.harmony is None and ending.text[0] in "мбп" else _MIN_STEM
    if _letters(stem) < minimum or not final:
        return False
    if not any(final in _CLASSES[c] for c in ending.after):
        return False
    if ending.harmony and ending.harmony not in _harmonies(stem):
        return False
    # -на, -нда, -н... follow only a possessive; a short one (Қазы-на) must be a known head.
    short_possessive = ending.after == {POSS} and _letters(stem) < _MIN_POSSESSIVE
    return not (ending.needs_head or short_possessive) or _head_ok(stem)


#: Stems ending in «с» after a vowel, whose possessive is «-і/-ы» (кеңесі, конгресі).
_S_STEMS = ("кеңес", "конгрес", "процес", "прогрес", "күрес", "бизнес", "ғылыми кеңес")


def _strip_possessive(stem: str, minimum: int = _MIN_STEM) -> str | None:
    """``республикасы`` -> ``республика``, ``одағы`` -> ``одақ``; None if no possessive.

    >>> _strip_possessive("кеңесі"), _strip_possessive("партиясы")
    ('кеңес', 'партия')
    """
    if len(stem) < 3 or stem[-1] not in _POSSESSIVE:
        return None
    if stem[:-1].lower().endswith(_S_STEMS):
        base = stem[:-1]  # кеңесі is кеңес + і, not кеңе + сі
    elif stem[-2] == "с" and stem[-3] in _VOWELS:
        base = stem[:-2]
    elif stem[-2] not in _VOWELS:
        base = stem[:-1]
        base = base[:-1] + _DEVOICE.get(base[-1], base[-1])
    else:
        return None
    return base if _letters(base) >= minimum else None


def strip_possessive(word: str) -> str | None:
    """A head noun without its possessive ending (``министрлігі`` -> ``министрлік``), or None.

    >>> strip_possessive("университеті")
    'университет'
    """
    return _strip_possessive(word)


def _protected(word: str) -> bool:
    return word in _PROTECTED_WORDS or word.endswith(_PROTECTED_ENDINGS)


def _bare_acronym(word: str) -> bool:
    """An acronym takes its ending after a hyphen (НАТО-ға), so НАФТА ends in no ending."""
    return 2 <= len(word) <= 6 and word.isupper()


def _hyphen_split(word: str) -> tuple[str, str] | None:
    head, sep, tail = word.rpartition("-")
    if sep and head and tail.lower() in _HYPHEN_ENDINGS and (
            _ACRONYM.fullmatch(head) or _LATIN_WORD.fullmatch(head)):
        return head, sep + tail
    return None


def candidates(word: str) -> list[tuple[str, str, bool]]:
    """Every plausible ``(stem, suffix, by_rule)`` cut of one word, most stripped first.

    ``by_rule`` is False for cuts only a lexicon may choose (possessive or plural removed).
    The uncut word is always last.

    >>> candidates("Одағы")
    [('Одақ', 'ы', False), ('Одағы', '', True)]
    """
    return list(_cuts(word))


@lru_cache(maxsize=65536)
def _cuts(word: str) -> tuple[tuple[str, str, bool], ...]:
    """:func:`candidates`, remembered: names and their words come again and again."""
    hyphen = _hyphen_split(word)
    if hyphen:
        return ((hyphen[0], hyphen[1], True), (word, "", True))
    low = word.lower()
    if len(low) != len(word) or _protected(low) or _bare_acronym(word):
        return ((word, "", True),)
    if _head_ok(low):  # ауданы, кешені: a head noun's possessive, not an accusative
        return tuple(_with_lexicon_cuts(word, []))
    ruled: list[tuple[str, str, bool]] = []
    for ending in _LONGEST_FIRST:
        if low.endswith(ending.text) and len(low) > len(ending.text):
            stem = low[: -len(ending.text)]
            by_rule = _allowed(stem, ending)
            if by_rule or (ending.needs_head and _letters(stem) >= _MIN_STEM):
                ruled.append((word[: len(stem)], word[len(stem) :], by_rule))
    return tuple(_with_lexicon_cuts(word, ruled))


def _with_lexicon_cuts(
    word: str, ruled: list[tuple[str, str, bool]]
) -> list[tuple[str, str, bool]]:
    """Add the cuts only a lexicon may choose, sort most-stripped first, end with the word."""
    extra: list[tuple[str, str, bool]] = []
    for stem, suffix, _ in [*ruled, (word, "", True)]:
        low_stem = stem.lower()
        base = _strip_possessive(low_stem)
        if base is not None:
            extra.append((_recase(base, stem), stem[len(base) :] + suffix, False))
            low_stem = base
        for plural in _PLURALS:
            if low_stem.endswith(plural) and _letters(low_stem) - 3 >= _MIN_STEM:
                cut = len(low_stem) - 3
                extra.append((_recase(low_stem[:cut], stem), stem[cut:] + suffix, False))
    seen: set[str] = set()
    out: list[tuple[str, str, bool]] = []
    for cand in sorted([*ruled, *extra], key=lambda c: -len(c[1])) + [(word, "", True)]:
        if cand[0] not in seen:
            seen.add(cand[0])
            out.append(cand)
    return out


def _recase(base: str, original: str) -> str:
    """``base`` (lowercase, maybe with a devoiced last letter) in ``original``'s letter case."""
    return "".join(
        o if o.lower() == b else (b.upper() if o.isupper() else b)
        for b, o in zip(base, original, strict=False)
    )


def _choose(prefix: str, word: str, lexicon: KkLexicon | None) -> tuple[str, str]:
    """The lexicon's pick, else the longest rule cut.

    A whole name in the lexicon may pick any cut (``Еуропалық Одағы`` -> ``Еуропалық Одақ``);
    a known last word alone picks only among rule cuts, so ``Кеңес Одағы`` keeps its possessive
    when only ``Еуропалық Одақ`` is known.
    """
    cands = _cuts(word)
    if lexicon is not None:
        ordered = [cands[-1], *cands[:-1]]  # the word itself first: a known name is never cut
        for stem, suffix, _ in ordered:
            if " ".join(f"{prefix}{stem}".lower().split()) in lexicon.phrases:
                return stem, suffix
        for stem, suffix, by_rule in ordered:
            if by_rule and stem.lower() in lexicon.words:
                return stem, suffix
    for stem, suffix, by_rule in cands:
        if by_rule:
            return stem, suffix
    return word, ""


# --- public API ------------------------------------------------------------------------------


def split_suffix(word: str, lexicon: KkLexicon | Iterable[str] | None = None) -> tuple[str, str]:
    """Split one word into its nominative stem and its case ending (``""`` if none).

    >>> split_suffix("Республикасының")
    ('Республикасы', 'ның')
    >>> split_suffix("Алматы")
    ('Алматы', '')
    """
    return _choose("", word, _as_lexicon(lexicon))


def normalize_kk(text: str, lexicon: KkLexicon | Iterable[str] | None = None) -> str:
    """The nominative of a Kazakh name: its last word loses its case ending.

    >>> normalize_kk("Еуропалық Одаққа")
    'Еуропалық Одақ'
    >>> normalize_kk("Еуропалық Одағы", lexicon=["Еуропалық Одақ"])
    'Еуропалық Одақ'
    """
    stripped = text.strip()
    if not stripped:
        return stripped
    parts = _SPACE.split(stripped)
    last = parts[-1]
    prefix = stripped[: len(stripped) - len(last)]
    core = last.rstrip(".,;:!?")
    trail = last[len(core) :]
    if not core:
        return stripped
    stem, _ = _choose(prefix, core, _as_lexicon(lexicon))
    return f"{prefix}{stem}{trail}"
