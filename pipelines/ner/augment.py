"""Training-data helpers for the Kazakh NER recipe: label filtering and mention replacement.

Mention replacement makes copies of training sentences in which each PERSON, ORGANISATION,
GPE, LOCATION, LAW and PROJECT span is replaced by another name of the same class, taken
from the gazetteers and catalogue (``kg/lexicon/data/*.tsv``) or from the training sentences' own
mentions. Kazakh puts the case ending on the last word of a name, so when the replaced
span's last word carries a case ending :func:`kg.text.kk_morph.split_suffix` can detect
(``Тоқаевтың`` = ``Тоқаев`` + ``тың``), the new name's last word gets the same case with the
allomorph its own sounds call for (:func:`inflect`): ``Қарин`` + genitive = ``Қариннің``,
``Білім министрлігі`` + dative = ``Білім министрлігіне``. A replacement whose last word
cannot be inflected reliably (acronyms, digits) is only used for nominative spans.

Everything is deterministic for a given seed (pools are sorted, one ``random.Random``).

>>> inflect("Қарин", "gen"), inflect("Астана", "dat"), inflect("министрлігі", "dat", True)
('Қариннің', 'Астанаға', 'министрлігіне')
>>> case_of("ның"), case_of("-тан"), case_of("мыз")
('gen', 'abl', None)
"""

from __future__ import annotations

import csv
import random
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from kg.evaluate.conll import Sentence

ROOT = Path(__file__).resolve().parents[2]
KG_DATA = ROOT / "kg" / "lexicon" / "data"

# Labels the Kazakh extractor uses (kg/extract/kk/model.py), POSITION included.
EXTRACTOR_LABELS: tuple[str, ...] = (
    "PERSON", "ORGANISATION", "GPE", "LOCATION", "LAW", "PROJECT", "POSITION",
)
REPLACEABLE: tuple[str, ...] = ("PERSON", "ORGANISATION", "GPE", "LOCATION", "LAW", "PROJECT")

# --- inflection -----------------------------------------------------------------------------

_VOWELS = set("аәеёоөұүыіэюя")  # у and и count as consonants (й/у glides): Атыраудың
_BACK = set("аоұыя")
_FRONT = set("әөүіеэи")
_SONORANT = set("лрйужзи")
_NASAL = set("мнң")
_KK_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")

# case -> (ending classes in order: (back, front, after-letters)), plus the form after a
# third-person possessive (Республикасы-на, министрлігі-нде).
_CASES: dict[str, tuple[list[tuple[str, str, str]], tuple[str, str] | None]] = {
    "gen": ([("ның", "нің", "V N"), ("дың", "дің", "S"), ("тың", "тің", "X")], None),
    "dat": ([("ға", "ге", "V S N"), ("қа", "ке", "X")], ("на", "не")),
    "acc": ([("ны", "ні", "V"), ("ды", "ді", "S N"), ("ты", "ті", "X")], ("н", "н")),
    "loc": ([("да", "де", "V S N"), ("та", "те", "X")], ("нда", "нде")),
    "abl": ([("дан", "ден", "V S"), ("нан", "нен", "N"), ("тан", "тен", "X")], ("нан", "нен")),
    "rel": ([("дағы", "дегі", "V S N"), ("тағы", "тегі", "X")], ("ндағы", "ндегі")),
    # -бен only after ж/з: handled in inflect()
    "ins": ([("мен", "мен", "V S N"), ("пен", "пен", "X")], None),
}
_CASE_OF: dict[str, str] = {}
for _case, (_rows, _poss) in _CASES.items():
    for _b, _f, _ in _rows:
        _CASE_OF.setdefault(_b, _case)
        _CASE_OF.setdefault(_f, _case)
    if _poss:
        _CASE_OF.setdefault(_poss[0], _case)
        _CASE_OF.setdefault(_poss[1], _case)
_CASE_OF.update({"бен": "ins", "пен": "ins"})
_NOT_INFLECTABLE = re.compile(r".*[0-9»\"”)\].]$|^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9.&-]{2,}$|.*[A-Za-z]")


def case_of(suffix: str) -> str | None:
    """The case of a case ending as :func:`kg.text.kk_morph.split_suffix` returns it."""
    return _CASE_OF.get(suffix.lstrip("-").lower())


def _sound_class(word: str) -> str:
    core = word.lower().rstrip("ьъ")
    last = core[-1:] or "а"
    if last in _VOWELS:
        return "V"
    if last in _SONORANT:
        return "S"
    if last in _NASAL:
        return "N"
    return "X"


def _front(word: str) -> bool:
    low = word.lower()
    if low.rstrip("ьъ")[-1:] in ("к", "г"):
        return True
    if low.rstrip("ьъ")[-1:] in ("қ", "ғ"):
        return False
    vowels = [ch for ch in low if ch in _BACK or ch in _FRONT]
    if len(vowels) > 1 and re.search(r"[оеё]в$", low):
        vowels.pop()  # surnames in -ов/-ев follow the root: Тоқаевтың, Медведевтің
    for ch in reversed(vowels):
        if ch in _BACK:
            return False
        if ch in _FRONT:
            return True
    return False


def inflect(word: str, case: str, possessive: bool = False) -> str | None:
    """``word`` with the ending of ``case`` chosen by vowel harmony and its last sound.

    ``possessive``: the word is a third-person possessive (the head of a compound name such
    as ``Республикасы``, ``университеті``), which takes -на/-нда/-нан/-н. Returns ``None``
    for words whose pronunciation the spelling does not give (acronyms, digits, Latin).

    >>> inflect("Ресей", "gen"), inflect("Тоқаев", "abl"), inflect("Путин", "ins")
    ('Ресейдің', 'Тоқаевтан', 'Путинмен')
    >>> inflect("Республикасы", "loc", True), inflect("АҚШ", "gen")
    ('Республикасында', None)
    """
    if case not in _CASES or not word or _NOT_INFLECTABLE.match(word):
        return None
    rows, poss = _CASES[case]
    front = _front(word)
    if possessive and word[-1] in "ыі":
        if poss:
            return word + poss[1 if front else 0]
        return word + ("нің" if front else "ның") if case == "gen" else word + "мен"
    cls = _sound_class(word)
    if case == "ins" and word[-1].lower() in "жз":
        return word + "бен"
    for back_form, front_form, after in rows:
        if cls in after.split():
            return word + (front_form if front else back_form)
    return None


def is_possessive_name(tokens: Sequence[str]) -> bool:
    """A multi-word name whose last word ends in the possessive -ы/-і (``Білім министрлігі``)."""
    return len(tokens) > 1 and tokens[-1][-1:] in ("ы", "і") and len(tokens[-1]) > 3


# --- label filtering -----------------------------------------------------------------------


def keep_labels(sentence: Sentence, labels: Iterable[str] | None) -> Sentence:
    """The sentence with entities of other labels turned into ``O`` (``None``: keep all).

    >>> keep_labels(Sentence(("a", "b", "c"), ("B-GPE", "B-DATE", "I-DATE")), ["GPE"]).tags
    ('B-GPE', 'O', 'O')
    """
    if labels is None:
        return sentence
    keep = set(labels)
    tags = ["O"] * len(sentence.tokens)
    for label, start, end in sentence.entities():
        if label in keep:
            tags[start] = f"B-{label}"
            for i in range(start + 1, end):
                tags[i] = f"I-{label}"
    return Sentence(sentence.tokens, tuple(tags))


# --- replacement pools ---------------------------------------------------------------------


def _tsv(name: str) -> list[dict[str, str]]:
    with open(KG_DATA / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def _kk_names(row: dict[str, str]) -> list[str]:
    """The row's Kazakh name and its aliases written with Kazakh-only letters."""
    names = [row["kk"]] if row.get("kk") else []
    names += [a for a in (row.get("aliases") or "").split("|") if set(a) & _KK_LETTERS]
    return [" ".join(n.split()) for n in names if n.strip() and "(" not in n]


_QUOTED = re.compile(r"«([^«»]+)»")


def catalogue_names() -> dict[str, list[str]]:
    """Kazakh names per KazNERD label from kg/lexicon/data: countries and places -> GPE,
    institutions -> ORGANISATION, legal acts -> LAW, programmes and strategies -> PROJECT.

    KazNERD tags a law by its quoted title (``Педагог мәртебесі туралы``) and a programme
    by its quoted name (``Нұрлы жол``), so quoted titles are used without the quotes.
    """
    out: dict[str, set[str]] = {"GPE": set(), "ORGANISATION": set(), "LAW": set(), "PROJECT": set()}
    for row in _tsv("countries.tsv") + _tsv("places.tsv"):
        out["GPE"].update(_kk_names(row))
    for row in _tsv("institutions.tsv"):
        out["ORGANISATION"].update(_kk_names(row))
    for row in _tsv("legal_acts.tsv"):
        label = "PROJECT" if row["kind"] in ("program", "strategy", "concept") else "LAW"
        for name in _kk_names(row):
            quoted = _QUOTED.search(name)
            if quoted:
                out[label].add(quoted.group(1).strip())
            elif "«" not in name and "»" not in name:
                out[label].add(name)
    return {k: sorted(v) for k, v in out.items()}


def nominative_mentions(sentences: Iterable[Sentence], labels: Iterable[str]) -> dict[str, list[str]]:
    """Each label's mentions in the sentences, with the last word's case ending removed."""
    from kg.text.kk_morph import split_suffix

    wanted = set(labels)
    out: dict[str, set[str]] = {label: set() for label in wanted}
    for s in sentences:
        for label, start, end in s.entities():
            if label not in wanted:
                continue
            tokens = list(s.tokens[start:end])
            stem, suffix = split_suffix(tokens[-1])
            if suffix and case_of(suffix) is None:
                continue
            tokens[-1] = stem
            out[label].add(" ".join(tokens))
    return {k: sorted(v) for k, v in out.items()}


class Replacer:
    """Deterministic mention replacement over pools of tokenised names per label."""

    def __init__(self, pools: dict[str, list[tuple[str, ...]]],
                 catalogue: dict[str, list[tuple[str, ...]]], seed: int = 0,
                 catalogue_share: float = 0.5) -> None:
        self.pools = pools
        self.catalogue = catalogue
        self.rng = random.Random(seed)
        self.catalogue_share = catalogue_share

    def _pick(self, label: str, case: str | None, avoid: tuple[str, ...]) -> tuple[str, ...] | None:
        sources = [self.pools.get(label) or [], self.catalogue.get(label) or []]
        for _ in range(8):
            use_cat = bool(sources[1]) and (not sources[0] or self.rng.random() < self.catalogue_share)
            pool = sources[1] if use_cat else sources[0]
            if not pool:
                return None
            name = pool[self.rng.randrange(len(pool))]
            if name == avoid:
                continue
            if case is None:
                return name
            last = inflect(name[-1], case, is_possessive_name(name))
            if last is not None:
                return (*name[:-1], last)
        return None

    def replace(self, sentence: Sentence, labels: Iterable[str] = REPLACEABLE) -> Sentence | None:
        """A copy of ``sentence`` with every replaceable span swapped; None if none was."""
        from kg.text.kk_morph import split_suffix

        wanted = set(labels)
        tokens: list[str] = []
        tags: list[str] = []
        pos = 0
        changed = False
        for label, start, end in sentence.entities():
            tokens += sentence.tokens[pos:start]
            tags += sentence.tags[pos:start]
            pos = end
            span = sentence.tokens[start:end]
            new: tuple[str, ...] | None = None
            if label in wanted:
                stem, suffix = split_suffix(span[-1])
                case = case_of(suffix) if suffix else None
                if not suffix or case is not None:
                    new = self._pick(label, case, (*span[:-1], stem))
            if new is None:
                tokens += span
                tags += sentence.tags[start:end]
            else:
                changed = True
                tokens += new
                tags += [f"B-{label}"] + [f"I-{label}"] * (len(new) - 1)
        tokens += sentence.tokens[pos:]
        tags += sentence.tags[pos:]
        return Sentence(tuple(tokens), tuple(tags)) if changed else None


def make_replacer(sentences: Sequence[Sentence], tokenize, seed: int = 0,
                  use_catalogue: bool = True) -> Replacer:
    """A :class:`Replacer` whose pools are the sentences' own mentions and the catalogue.

    ``tokenize`` turns a name into tokens the way KazNERD does (the ``kk`` tokenizer).
    """
    def tok(names: Iterable[str]) -> list[tuple[str, ...]]:
        out = {tuple(t.text for t in tokenize(n)) for n in names}
        return sorted(t for t in out if t)

    own = {k: tok(v) for k, v in nominative_mentions(sentences, REPLACEABLE).items()}
    cat = {k: tok(v) for k, v in catalogue_names().items()} if use_catalogue else {}
    return Replacer(own, cat, seed=seed)
