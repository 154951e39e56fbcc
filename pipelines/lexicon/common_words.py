"""Write kg/lexicon/data/common_words.tsv: Kazakh, Russian and English common words (lemmas).

A capitalised common noun at a sentence start or in a heading («Кітап», «Жауап», «Лоббизм»,
«Конференция») is not a name; the extractors' filters (``kg.extract.filters``) look words
up in this list (``kg.lexicon.common``). The list holds words only (one ``lemma<TAB>lang``
per line, sorted), no sentences.

Sources:

* KazNERD, **validation split only** (``../shared/datasets/kaznerd/IOB2_valid.txt``, CC BY 4.0):
  tokens written in lower case (tagged ``O``, or inside dates, ordinals, positions ...), lemmatised with ``kg.text.kk_morph.normalize_kk``;
  a lemma that also occurs capitalised inside name spans (PERSON, GPE, LOCATION,
  ORGANISATION, ...) more than a quarter as often as in lower case is left out (``Бақыт`` the name, ``бақыт`` the word).
* Our corpus (``../shared/corpus``): lower-case words of each paragraph by its detected
  language: Kazakh as above, Russian lemmatised with pymorphy3 (``kg.text.ru_morph.lemma_ru``;
  words pymorphy3 knows as names, surnames or places are left out), English lower-cased. A word
  written capitalised inside sentences more often than in lower case is left out.

Kazakh lemmas need two lower-case occurrences in all; Russian and English ones one (the corpus
has little Russian and English prose), but an English word needs three letters or more.

Run from the repo root::

    .venv/bin/python pipelines/lexicon/common_words.py
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kg.ingest import split_paragraphs  # noqa: E402
from kg.text.kk_morph import normalize_kk  # noqa: E402
from kg.text.ru_morph import lemma_ru  # noqa: E402

OUT = ROOT / "kg" / "lexicon" / "data" / "common_words.tsv"
KAZNERD = ROOT.parent / "shared" / "datasets" / "kaznerd" / "IOB2_valid.txt"
CORPUS = ROOT.parent / "shared" / "corpus"
NAME_TAGS = ("PERSON", "GPE", "LOCATION", "ORGANISATION", "NORP", "FACILITY", "PRODUCT",
             "EVENT", "WORK_OF_ART", "PROJECT", "LAW")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?:;«\"“(\n]\s*$")


def _kk(word: str) -> str:
    return normalize_kk(word.lower()).lower()


def kaznerd_counts(path: Path) -> tuple[Counter[str], Counter[str]]:
    """Lower-case ``O`` lemma counts and in-entity lemma counts of the KazNERD file."""
    lower: Counter[str] = Counter()
    named: Counter[str] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) != 2 or not _WORD.fullmatch(parts[0]):
            continue
        token, tag = parts
        if token == token.lower():
            if len(token) >= 3:  # in ``O`` or inside a date, an ordinal, a position ...
                lower[_kk(token)] += 1
        elif tag[2:] in NAME_TAGS:
            named[_kk(token)] += 1
    return lower, named


def corpus_counts(folder: Path) -> dict[str, tuple[Counter[str], Counter[str]]]:
    """Per language: lower-case lemma counts and capitalised mid-sentence lemma counts."""
    out: dict[str, tuple[Counter[str], Counter[str]]] = {}
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for para in split_paragraphs(text):
            if para.lang not in ("kk", "ru", "en"):
                continue
            lower, upper = out.setdefault(para.lang, (Counter(), Counter()))
            chunk = text[para.start:para.end]
            for m in _WORD.finditer(chunk):
                word = m.group()
                if len(word) < 3 or (word.lower() != word and not word.istitle()):
                    continue  # acronyms and mixed case
                lemma = _lemma(word, para.lang)
                if lemma is None:
                    continue
                if word == word.lower():
                    lower[lemma] += 1
                elif not _SENTENCE_END.search(chunk[max(0, m.start() - 3):m.start()]) and m.start():
                    upper[lemma] += 1
    return out


def _lemma(word: str, lang: str) -> str | None:
    if lang == "kk":
        return _kk(word)
    if lang == "ru":
        lemma, proper = lemma_ru(word)
        return None if proper else lemma
    return word.lower()


def build(kaznerd: Path, corpus: Path) -> list[tuple[str, str]]:
    """The sorted ``(lemma, lang)`` rows."""
    kz_lower, kz_named = kaznerd_counts(kaznerd)
    per_lang = corpus_counts(corpus)
    rows: set[tuple[str, str]] = set()
    kk_lower, kk_upper = per_lang.get("kk", (Counter(), Counter()))
    for lemma in set(kz_lower) | set(kk_lower):
        low = kz_lower[lemma] + kk_lower[lemma]
        if low >= 2 and kz_named[lemma] * 4 <= low and kk_upper[lemma] <= low and len(lemma) >= 3:
            rows.add((lemma, "kk"))
    for lang in ("ru", "en"):
        lower, upper = per_lang.get(lang, (Counter(), Counter()))
        rows.update((lemma, lang) for lemma, n in lower.items()
                    if n >= 1 and upper[lemma] <= n and len(lemma) >= 3)
    return sorted(rows, key=lambda r: (r[1], r[0]))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kaznerd", type=Path, default=KAZNERD)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if "test" in args.kaznerd.name.lower():
        raise SystemExit("the KazNERD test split must not be used")
    rows = build(args.kaznerd, args.corpus)
    args.out.write_text("lemma\tlang\n" + "".join(f"{w}\t{lang}\n" for w, lang in rows),
                        encoding="utf-8")
    counts = Counter(lang for _, lang in rows)
    print(f"wrote {args.out}: {len(rows)} lemmas ({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))})")


if __name__ == "__main__":
    main()
