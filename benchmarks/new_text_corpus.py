"""Make a corpus of genuinely new text at any factor, for the scale benchmarks.

Run: .venv/bin/python benchmarks/new_text_corpus.py FACTOR OUTDIR [--corpus DIR] [--seed N]

Unlike ``benchmarks/scale_corpus.py`` (which repeats the same text, shuffled by article, so the
entity set and the networks stay at their 1x size), every copy of every document here is new
text that looks like another issue of the same journal:

* **paragraphs recombined across documents**: each body paragraph (a block of at least
  ``LONG`` characters: headers, author lines, keywords and references are shorter and stay
  in place, so articles are still found) is replaced, with probability ``--swap``, by a body
  paragraph of the same language drawn from any document of the corpus;
* **sentences recombined**: in every other text block of at least ``MID`` characters with two
  or more sentences, with probability ``--splice``, one sentence after the first is replaced
  by a sentence of the same language drawn from the whole corpus;
* **KazNERD validation sentences mixed in**: after a Kazakh body paragraph, with probability
  ``--nerd``, a new paragraph of 3–6 consecutive sentences of the KazNERD *validation* split
  (``../shared/datasets/kaznerd/IOB2_valid.txt``; the test split is never read), each sentence
  used once before any is reused;
* **capitalised names varied per copy**: a capitalised word that does not start a sentence
  (and is not an acronym) gets its first three letters rewritten, with probability
  ``--vary`` per word start and copy, by a per-copy substitution that keeps vowels vowels,
  consonants consonants, the script and the case. The rewrite depends on the first three
  letters only, so inflected forms (``Назарбаев``, ``Назарбаевтың``) stay one name within a
  copy, while every copy has its own names: the entity set and the networks grow with the
  factor, as an archive of many journal years would.

Everything is drawn from ``random.Random`` seeded by strings (``seed/copy/document``), so the
same arguments give byte-identical files. The corpus is read at run time and the output is
written to OUTDIR, which must be outside the repository (never commit it). Prints the files,
words and the share of distinct paragraphs (blank-line separated blocks) written.

>>> vary_names("Алматы мен Астана. Бүгін Назарбаевтың сөзі.", copy=1, seed=1, share=1.0)[:11]
'Алматы мен '
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
KAZNERD = REPO.parent / "shared" / "datasets" / "kaznerd" / "IOB2_valid.txt"
LONG = 400  # characters: a block at least this long is a body paragraph
#: first words of abstracts and keyword lines (never moved: they start articles)
LEADS = ("аңдатпа", "андатпа", "аннотац", "abstract", "summary", "резюме", "түйін", "key",
         "ключев")
MID = 120  # characters: a block at least this long with 2+ sentences gets a sentence spliced in
SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[«\"(]?[^\W\d_])")

KK_LETTERS = set("әіңғүұқөһӘІҢҒҮҰҚӨҺ")
VOWELS = {
    "cyrl": "аәеиіоөұүуыэ",
    "latn": "aeiou",
}
CONSONANTS = {
    "cyrl": "бвгғджзйкқлмнңпрстфхшһ",
    "latn": "bcdfghjklmnprstvwz",
}
WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*", re.UNICODE)
SENTENCE_END = re.compile(r"[.!?…:;]\s*[\"'»”)\]*_]*\s*$|^\W*$")


def language(block: str) -> str:
    """``kk``, ``ru`` or ``en`` by the letters of ``block`` (Kazakh letters mark Kazakh).

    >>> language("Қазақстан және әлем"), language("Россия и мир"), language("The world")
    ('kk', 'ru', 'en')
    """
    cyrillic = sum("а" <= c.lower() <= "я" or c in "ёЁ" for c in block)
    if any(c in KK_LETTERS for c in block):
        return "kk"
    return "ru" if cyrillic > len(block) // 4 else "en"


def blocks(text: str) -> list[str]:
    """The blank-line separated blocks of ``text`` (separators kept out, blocks stripped of
    trailing blank space)."""
    return [b for b in re.split(r"\n[ \t]*\n", text) if b.strip()]


def is_body(block: str) -> bool:
    """A body paragraph: long, starting with a letter (not a numbered reference, a table, a
    bold lead or an abstract, which the segmenter reads as the start of an article).

    >>> is_body("Аңдатпа. " + "сөз " * 200), is_body("Мәтін " * 200)
    (False, True)
    """
    first = block.split(None, 1)[0].strip(".:").lower() if block.strip() else ""
    return (len(block) >= LONG and block[:1].isalpha() and not any(c in block for c in "|\t")
            and not first.startswith(LEADS))


def sentences(block: str) -> list[str]:
    """The sentences of a block (split after ``.!?`` before a letter).

    >>> sentences("Бірінші сөйлем. Екінші сөйлем! 3 емес.")
    ['Бірінші сөйлем.', 'Екінші сөйлем! 3 емес.']
    """
    return SENTENCE.split(block.strip())


def splice(block: str, pool: list[str], rng: random.Random) -> str:
    """``block`` with one sentence after the first replaced by one drawn from ``pool``."""
    parts = sentences(block)
    parts[rng.randrange(1, len(parts))] = rng.choice(pool)
    return " ".join(parts)


def _spliceable(block: str) -> bool:
    return len(block) >= MID and block.lstrip(" *_#>")[:1].isalpha() and "|" not in block \
        and len(sentences(block)) >= 2


def _script(word: str) -> str | None:
    c = word[0].lower()
    if c in VOWELS["cyrl"] or c in CONSONANTS["cyrl"] or "а" <= c <= "я":
        return "cyrl"
    if c in VOWELS["latn"] or c in CONSONANTS["latn"]:
        return "latn"
    return None


def _new_prefix(prefix: str, script: str, rng: random.Random) -> str:
    out = []
    for c in prefix:
        low = c.lower()
        for table in (VOWELS[script], CONSONANTS[script]):
            if low in table:
                new = rng.choice(table)
                out.append(new.upper() if c.isupper() else new)
                break
        else:
            out.append(c)
    return "".join(out)


def vary_names(text: str, copy: int, seed: int, share: float) -> str:
    """``text`` with capitalised words not starting a sentence renamed for ``copy``.

    A word qualifies when it starts with a capital, has a lower-case letter after it (not an
    acronym), is at least 4 letters long and is not the first word of a line or sentence. Its
    first three letters are rewritten when the draw for ``(seed, copy, first three letters)``
    falls under ``share``; the rewrite is drawn from the same seed, so all forms of a name
    change together.

    >>> vary_names("Мен Назарбаев пен Назарбаевтың", copy=3, seed=1, share=1.0).split()[1][3:]
    'арбаев'
    >>> a = vary_names("x Назарбаев, x Назарбаевтың", copy=3, seed=1, share=1.0)
    >>> a.split()[1][:3] == a.split()[3][:3] != "Наз"
    True
    >>> vary_names("x Назарбаев", copy=4, seed=1, share=0.0)
    'x Назарбаев'
    """
    cache: dict[str, str] = {}

    def rename(m: re.Match) -> str:
        word = m.group(0)
        if len(word) < 4 or not word[0].isupper() or not any(c.islower() for c in word[1:]):
            return word
        before = text[max(0, m.start() - 40):m.start()]
        line = before.rsplit("\n", 1)[-1]
        if "\n" in before and not any(c.isalnum() for c in line) or SENTENCE_END.search(before):
            return word
        script = _script(word)
        prefix = word[:3]
        if script is None:
            return word
        if prefix not in cache:
            rng = random.Random(f"{seed}/{copy}/{prefix}")
            cache[prefix] = _new_prefix(prefix, script, rng) if rng.random() < share else prefix
        return cache[prefix] + word[3:]

    return WORD.sub(rename, text)


def kaznerd_sentences(path: Path = KAZNERD) -> list[str]:
    """The sentences of the KazNERD validation split, detokenised (``token TAG`` lines)."""
    if path.name.lower().startswith(("iob2_test", "test")):
        raise ValueError("the KazNERD test split must never be read")
    sentences, tokens = [], []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if line.strip():
            tokens.append(line.rsplit(" ", 1)[0])
        elif tokens:
            sentences.append(_detokenise(tokens))
            tokens = []
    return sentences


def _detokenise(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = re.sub(r" ([.,!?;:)»%])", r"\1", text)
    return re.sub(r"([(«]) ", r"\1", text)


class NerdFeed:
    """Consecutive KazNERD sentences in a seeded order, each used once before any repeats."""

    def __init__(self, sentences: list[str], seed: int) -> None:
        self.sentences = sentences
        self.order = list(range(len(sentences)))
        random.Random(f"{seed}/kaznerd").shuffle(self.order)
        self.at = 0

    def paragraph(self, rng: random.Random) -> str:
        size = rng.randint(3, 6)
        start = self.order[self.at % len(self.order)]
        self.at += 1
        return " ".join(self.sentences[(start + i) % len(self.sentences)] for i in range(size))


def new_copy(text: str, name: str, copy: int, pools: tuple[dict, dict], feed: NerdFeed,
             seed: int, swap: float, nerd: float, vary: float, mix: float) -> str:
    """Copy ``copy`` of a document: body paragraphs swapped, sentences spliced and KazNERD
    paragraphs added, then names varied. ``pools`` holds the body paragraphs and the sentences
    of the corpus by language."""
    rng = random.Random(f"{seed}/{copy}/{name}")
    paragraphs, lines = pools
    out = []
    for block in blocks(text):
        lang = language(block)
        if is_body(block) and rng.random() < swap and paragraphs.get(lang):
            block = rng.choice(paragraphs[lang])
        if _spliceable(block) and rng.random() < mix and lines.get(lang):
            block = splice(block, lines[lang], rng)
        out.append(block)
        if is_body(block) and lang == "kk" and rng.random() < nerd:
            out.append(feed.paragraph(rng))
    return vary_names("\n\n".join(out) + "\n", copy, seed, vary)


def generate(corpus: Path, factor: int, out: Path, seed: int = 1, swap: float = 0.5,
             nerd: float = 0.15, vary: float = 0.6, mix: float = 0.8
             ) -> Iterator[tuple[Path, str]]:
    """Yield ``(file, text)`` for every copy (1..factor) of every document of ``corpus``."""
    sources = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".md"))
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sources}
    pool: dict[str, list[str]] = {}
    lines: dict[str, list[str]] = {}
    for text in texts.values():
        for block in blocks(text):
            if is_body(block):
                pool.setdefault(language(block), []).append(block)
            if _spliceable(block):
                lines.setdefault(language(block), []).extend(sentences(block)[1:])
    beside = corpus.resolve().parent / "datasets" / "kaznerd" / "IOB2_valid.txt"
    nerd_sentences = kaznerd_sentences(beside if beside.is_file() else KAZNERD)
    lines.setdefault("kk", []).extend(nerd_sentences)
    feed = NerdFeed(nerd_sentences, seed)
    for copy in range(1, factor + 1):
        for p in sources:
            text = new_copy(texts[p.stem], p.stem, copy, (pool, lines), feed, seed, swap, nerd,
                            vary, mix)
            yield out / f"{p.stem}_new{copy:03d}{p.suffix}", text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("factor", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--swap", type=float, default=0.5, help="share of body paragraphs replaced")
    ap.add_argument("--nerd", type=float, default=0.15,
                    help="chance of a KazNERD paragraph after a Kazakh body paragraph")
    ap.add_argument("--vary", type=float, default=0.6, help="share of name starts renamed per copy")
    ap.add_argument("--splice", type=float, default=0.8,
                    help="chance of one sentence replaced in a multi-sentence block")
    args = ap.parse_args()
    if args.out.resolve().is_relative_to(REPO):
        sys.exit("refusing to write inside the repository")
    args.out.mkdir(parents=True, exist_ok=True)
    files = words = 0
    seen: set[int] = set()
    paragraphs = texts = 0
    seen_texts: set[int] = set()
    for path, text in generate(args.corpus, args.factor, args.out, args.seed, args.swap,
                               args.nerd, args.vary, args.splice):
        path.write_text(text, encoding="utf-8")
        files += 1
        words += len(text.split())
        for block in blocks(text):
            paragraphs += 1
            seen.add(hash(block.strip()))
            if len(block) >= MID:
                texts += 1
                seen_texts.add(hash(block.strip()))
    print(f"{args.out}: {files} files, {words:,} words (factor {args.factor}, seed {args.seed})")
    print(f"distinct paragraphs: {len(seen):,} of {paragraphs:,} blocks "
          f"({len(seen) / max(paragraphs, 1):.1%}); of the {texts:,} blocks of {MID}+ characters "
          f"{len(seen_texts) / max(texts, 1):.1%}")


if __name__ == "__main__":
    main()
