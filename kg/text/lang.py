"""Language identification for paragraphs, among the languages of :data:`kg.kinds.LANGUAGES`.

The script with the most letters narrows the choice; within a script, a language's own
letters (Kazakh ``ә ғ қ ң ө ұ ү һ і``) are a strong signal, and lingua (restricted to our
languages) decides the rest. A new row in ``LANGUAGES`` is detected without a change here
(a new script needs its basic letters in :data:`ALPHABETS`).

>>> detect_language("Қазақстан Республикасының Конституциясы")
'kk'
>>> detect_language("The Constitution of the Republic of Kazakhstan")
'en'
>>> detect_language("Конституция")
'ru'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg import kinds
from kg.text.bounds import MAX_PARAGRAPH, drop_long_tokens

__all__ = ["ALPHABETS", "CAPITALS", "detect_language", "own_letters", "script_letters"]

#: The basic letters of each script (a character class); a language's own letters are added.
ALPHABETS: dict[str, str] = {"Cyrl": "а-яёА-ЯЁ", "Latn": "a-zA-Z"}
#: The capital letters of every script and language, as the body of a character class:
#: ``rf"[{CAPITALS}]"`` matches "K", «Қ» and «Ж».
CAPITALS = "A-ZА-ЯЁ" + "".join(dict.fromkeys(ch for row in kinds.LANGUAGES for ch in row.letters
                                             if ch.isupper()))

# Own letters must make this share of a paragraph's letters of their script, and be two or more.
_MARK_SHARE, _MARK_MIN = 0.015, 2
# Below this many letters of its script, a paragraph is too short for lingua.
_SHORT = 12


@dataclass(frozen=True)
class _Script:
    """The letters of one script and its languages (``own``: their own letters), in table order."""

    letters: re.Pattern[str]
    codes: tuple[str, ...]
    own: tuple[re.Pattern[str] | None, ...]

    @property
    def plain(self) -> str:
        """The first language of the script without letters of its own (Russian among Cyrillic)."""
        return next((c for c, own in zip(self.codes, self.own) if own is None), self.codes[0])


Row = tuple[str, str, str, str]  # code, script, lingua name, own letters


def _rows() -> tuple[Row, ...]:
    return tuple((lang.code, lang.script, lang.lingua, lang.letters) for lang in kinds.LANGUAGES)


def _class(letters: str) -> str:
    return "".join(re.escape(ch) for ch in letters)


@lru_cache(maxsize=4)
def _scripts(rows: tuple[Row, ...]) -> tuple[_Script, ...]:
    """The scripts of ``rows`` in order of first appearance."""
    out = []
    for script in dict.fromkeys(row[1] for row in rows):
        mine = [row for row in rows if row[1] == script]
        own_letters = "".join(row[3] for row in mine)
        out.append(_Script(
            re.compile(f"[{ALPHABETS.get(script, '')}{_class(own_letters)}]"),
            tuple(row[0] for row in mine),
            tuple(re.compile(f"[{_class(row[3])}]") if row[3] else None for row in mine),
        ))
    return tuple(out)


@lru_cache(maxsize=8)
def _detector(names: tuple[str, ...]):  # pragma: no cover - trivial factory
    from lingua import Language, LanguageDetectorBuilder  # deferred: loads lingua's models

    return LanguageDetectorBuilder.from_languages(*(getattr(Language, n) for n in names)).build()


def _lingua(text: str, rows: tuple[Row, ...], codes: tuple[str, ...], fallback: str) -> str:
    """lingua's choice for ``text`` among ``codes`` (``fallback`` if it has none)."""
    names = {row[2]: row[0] for row in rows if row[0] in codes}
    text = drop_long_tokens(text[:MAX_PARAGRAPH])  # lingua is quadratic in a word's length
    guess = _detector(tuple(names)).detect_language_of(text) if text.strip() else None
    return names.get(guess.name, fallback) if guess is not None else fallback


def script_letters(script: str) -> re.Pattern[str]:
    """A letter of ``script`` (ISO 15924), its languages' own letters included.

    >>> bool(script_letters("Cyrl").search("ә")), bool(script_letters("Latn").search("Қазақ"))
    (True, False)
    """
    rows = _rows()
    return next(s.letters for s in _scripts(rows) if s.codes[0] in {r[0] for r in rows if r[1] == script})


def own_letters(code: str) -> re.Pattern[str] | None:
    """A letter only language ``code`` writes in its script (:data:`kg.kinds.LANGUAGES`), or
    None if it has none.

    >>> bool(own_letters("kk").search("Қазақ")), bool(own_letters("kk").search("Казах")), own_letters("ru")
    (True, False, None)
    """
    rows = _rows()
    return next(own for s in _scripts(rows) for c, own in zip(s.codes, s.own) if c == code)


def detect_language(text: str, default: str = "kk", guess: bool = True) -> str:
    """The code of the language of a paragraph (``default`` if it has no letters); with
    ``guess=False`` only scripts and own letters decide, never lingua (for a name alone).

    >>> detect_language("Уильям Фиерман", guess=False), detect_language("Ерлан Қарин", guess=False)
    ('ru', 'kk')
    """
    rows = _rows()
    scripts = _scripts(rows)
    counts = [len(s.letters.findall(text)) for s in scripts]
    if not any(counts):
        return default
    best = max(range(len(scripts)), key=lambda i: counts[i])  # ties: the earlier script
    script, letters = scripts[best], counts[best]
    if len(script.codes) == 1:
        return script.codes[0]
    own = {c: len(p.findall(text)) for c, p in zip(script.codes, script.own) if p is not None}
    marked = tuple(c for c, n in own.items() if n / letters >= _MARK_SHARE and n >= _MARK_MIN)
    if len(marked) == 1 or marked and not guess:
        return marked[0]
    if marked:
        return _lingua(text, rows, marked, marked[0])
    if letters < _SHORT or not guess:
        present = [c for c, n in own.items() if n]
        return max(present, key=lambda c: own[c]) if present else script.plain
    return _lingua(text, rows, tuple(row[0] for row in rows), script.plain)


#: A script that holds this share of a paragraph's letters (and at least :data:`_SECOND_MIN`
#: of them) is a second language of the paragraph.
_SECOND_SHARE, _SECOND_MIN = 0.3, 25


def second_language(text: str, lang: str) -> str | None:
    """The language of the other script of a paragraph in ``lang`` when that script holds a
    good part of its letters («Дереккөз: Халықаралық электр байланысы одағы (International
    Telecommunication Union) …», detected as English), else None.

    >>> t = "Дереккөз: Халықаралық электр байланысы одағы (International Telecommunication Union)"
    >>> second_language(t, "en"), second_language("Қазақстан Республикасы Үкіметі", "kk")
    ('kk', None)
    """
    scripts = _scripts(_rows())
    counts = [len(s.letters.findall(text)) for s in scripts]
    total = sum(counts)
    mine = next((i for i, s in enumerate(scripts) if lang in s.codes), None)
    for i, script in enumerate(scripts):
        if i == mine or counts[i] < _SECOND_MIN or counts[i] < _SECOND_SHARE * total:
            continue
        words = " ".join(w for w in text.split() if script.letters.search(w))
        return detect_language(words, script.codes[0], guess=False)
    return None
