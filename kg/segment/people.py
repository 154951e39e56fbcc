"""Author names: recognising name lists, repairing look-alike letters, aligning spellings.

>>> parse_names("Бақытжан Бұқарбай{1}, Елнұр Бейсенбаев{2}")
(('Бақытжан Бұқарбай', (1,)), ('Елнұр Бейсенбаев', (2,)))
>>> repair_lookalikes("Bakhytzhан")
'Bakhytzhan'
>>> align_names(["Бақытжан Бұқарбай", "Елнұр Бейсенбаев"], ["Elnur Beisenbayev", "Bakhytzhan Bukharbayev"])
(1, 0)
"""

from __future__ import annotations

import itertools
import re

from rapidfuzz import fuzz
from unidecode import unidecode

from kg.segment.lines import markers_of, strip_markers

_CYR = "а-яёәғқңөұүһі"
_LAT = "a-zıçğöşüéèáíóúñ"
_WORD = rf"(?:[{_CYR.upper()}{_LAT.upper()}A-ZА-ЯЁ][{_CYR}{_LAT}'’ʼ`-]+)"
_INITIAL = rf"(?:[{_CYR.upper()}A-ZА-ЯЁ][{_CYR}a-z]?\.)"
_NAME = re.compile(
    rf"^(?:{_INITIAL}\s?){{0,3}}{_WORD}(?:\s+(?:{_INITIAL}|{_WORD}|[A-ZА-Я]\.)){{0,3}}$"
)
_STOPWORDS = re.compile(
    r"(?i)университет|university|институт|institute|академ|academy|кафедр|department|"
    r"министр|ministry|баспа|журнал|редак|editor|магистр|master|доктор|doctor|профессор|"
    r"professor|кандидат|candidate|директор|director|докторант|student|phd|e-mail|"
    r"\b(?:және|мен|и|and|of|the|в|на)\b"
)
_SEPARATORS = re.compile(r"\s*(?:,|;|\band\b|\bи\b|\bжәне\b|&)\s*")
_KK_TO_RU = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")
# Look-alike letters map visually; the others by transliteration.
_LATIN_TO_CYR = str.maketrans(
    "aceopxyikmtbhABCEHKMOPTXYdfglnrsuvzjqwDFGILNRSUVZJQW",
    "асеорхуікмтвнАВСЕНКМОРТХУдфглнрсувзжқуДФГІЛНРСУВЗЖҚУ",
)
_CYR_LETTER = re.compile(rf"[{_CYR}{_CYR.upper()}А-ЯЁ]")
_LAT_LETTER = re.compile(r"[a-zA-Z]")


def parse_names(text: str) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Split an author line into (name, markers) pairs; empty if it is not one."""
    parts = [p for p in re.split(r"\s*[,;]\s*(?![\d}])|\s+(?:and|и|және|&)\s+", text) if p]
    out: list[tuple[str, tuple[int, ...]]] = []
    for part in parts:
        markers = markers_of(part)
        name = strip_markers(part).strip(" .,*–—-")
        if not name:
            if out and markers:  # "Name{1}, {2}" written as "Name¹,²"
                out[-1] = (out[-1][0], out[-1][1] + markers)
                continue
            return ()
        name = repair_lookalikes(re.sub(r"\s+", " ", name))
        if not is_name(name):
            return ()
        out.append((name, markers))
    return tuple(out)


def is_name(text: str) -> bool:
    """A personal name: 1-4 capitalised words or initials, no institution words.

    >>> is_name("А. К. Хасенова"), is_name("Svante E. Cornell"), is_name("Қазақ ұлттық университеті")
    (True, True, False)
    """
    if len(text) > 60 or _STOPWORDS.search(text) or any(ch.isdigit() for ch in text):
        return False
    return bool(_NAME.match(text)) and (len(text.split()) >= 2 or "." in text)


def is_name_list(text: str) -> bool:
    """True when the whole (cleaned) line is a list of personal names."""
    return bool(parse_names(text))


def repair_lookalikes(text: str) -> str:
    """Fix words mixing Latin and Cyrillic letters by the word's majority script.

    >>> repair_lookalikes("Aсия Akkuлиева")
    'Асия Аккулиева'
    """
    return re.sub(r"[\w'’-]+", _repair_word, text)


def _repair_word(m: re.Match[str]) -> str:
    word = m.group()
    cyr, lat = len(_CYR_LETTER.findall(word)), len(_LAT_LETTER.findall(word))
    if not cyr or not lat:
        return word
    if lat >= cyr:
        return "".join(ch if not _CYR_LETTER.match(ch) else _to_latin(ch) for ch in word)
    return word.translate(_LATIN_TO_CYR)


def _to_latin(text: str) -> str:
    return _latin(text, keep_case=True)


def _latin(text: str, keep_case: bool = False) -> str:
    s = unidecode(text.translate(_KK_TO_RU)).replace("'", "")
    return s if keep_case else s.lower()


def name_similarity(a: str, b: str) -> float:
    """0-100 similarity of two spellings across scripts (transliterated)."""
    la, lb = _latin(a), _latin(b)
    la, lb = _simplify(la), _simplify(lb)
    return max(fuzz.token_sort_ratio(la, lb), fuzz.ratio(la, lb))


def _simplify(s: str) -> str:
    for src, dst in (("kh", "h"), ("zh", "j"), ("sh", "s"), ("ch", "c"), ("yu", "u"),
                     ("ya", "a"), ("iy", "i"), ("yi", "i"), ("y", "i"), ("j", "j"),
                     ("q", "k"), ("ts", "c"), ("ss", "s"), ("-", " ")):
        s = s.replace(src, dst)
    return re.sub(r"[^a-z ]", "", s)


def align_names(reference: list[str], other: list[str]) -> tuple[int | None, ...]:
    """For each ``reference`` name, the index of the same person in ``other`` (or None).

    Equal lengths keep printed order unless another order fits clearly better;
    otherwise names pair by transliteration similarity above a threshold.
    """
    if not reference or not other:
        return tuple(None for _ in reference)
    score = [[name_similarity(r, o) for o in other] for r in reference]
    if len(reference) == len(other) and len(other) <= 7:
        identity = tuple(range(len(other)))
        best = max(
            itertools.permutations(range(len(other))),
            key=lambda p: (sum(score[i][j] for i, j in enumerate(p)), p == identity),
        )
        gain = sum(score[i][j] for i, j in enumerate(best)) - sum(
            score[i][i] for i in range(len(other))
        )
        return best if gain > 25 * len(other) / 2 else identity
    pairs = sorted(
        ((score[i][j], i, j) for i in range(len(reference)) for j in range(len(other))),
        reverse=True,
    )
    taken_r: dict[int, int] = {}
    taken_o: set[int] = set()
    for s, i, j in pairs:
        if s >= 55 and i not in taken_r and j not in taken_o:
            taken_r[i] = j
            taken_o.add(j)
    return tuple(taken_r.get(i) for i in range(len(reference)))
