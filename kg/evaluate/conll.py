"""Read CoNLL IOB2 files (one ``token TAG`` per line, blank line between sentences) and
split them deterministically into train / dev / test.

The split is by a hash of a *normalised* sentence key, not the raw tokens: KazNERD holds
many near-duplicate pairs that differ only in how numbers are written
("жүз жиырма сегізінші бабы" vs "128-інші бабы"). The key drops numbers, numeral words
and punctuation, so both variants of a pair always land in the same part.

>>> s = Sentence(("Астана", "қаласы"), ("B-GPE", "O"))
>>> s.entities()
(('GPE', 0, 1),)
>>> split_of(s) in ("train", "dev", "test")
True
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

PARTS: tuple[str, ...] = ("train", "dev", "test")

_NUMERAL = re.compile(
    r"^(бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он|жиырма|отыз|қырық|елу|алпыс|жетпіс"
    r"|сексен|тоқсан|жүз|мың|миллион|миллиард|нөл)"
)
_PUNCT = re.compile(r"^\W+$")


@dataclass(frozen=True)
class Sentence:
    """One sentence: parallel tuples of tokens and IOB2 tags."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]

    def entities(self) -> tuple[tuple[str, int, int], ...]:
        """Entity spans as ``(label, start, end)`` token offsets (end exclusive).

        A stray ``I-X`` that does not continue an ``X`` span starts a new span (the usual
        lenient IOB reading).

        >>> Sentence(("a", "b", "c"), ("B-LAW", "I-LAW", "I-GPE")).entities()
        (('LAW', 0, 2), ('GPE', 2, 3))
        """
        return tags_to_spans(self.tags)


@dataclass(frozen=True)
class Split:
    """The three parts of a deterministic split."""

    train: tuple[Sentence, ...]
    dev: tuple[Sentence, ...]
    test: tuple[Sentence, ...]

    def sizes(self) -> dict[str, int]:
        return {"train": len(self.train), "dev": len(self.dev), "test": len(self.test)}


def tags_to_spans(tags: Iterable[str]) -> tuple[tuple[str, int, int], ...]:
    """Turn IOB2 tags into ``(label, start, end)`` spans.

    >>> tags_to_spans(["O", "B-PERSON", "I-PERSON", "O", "B-GPE"])
    (('PERSON', 1, 3), ('GPE', 4, 5))
    """
    spans: list[tuple[str, int, int]] = []
    label: str | None = None
    start = 0
    i = -1
    for i, tag in enumerate(tags):
        prefix, _, name = tag.partition("-")
        if prefix == "I" and label == name:
            continue
        if label is not None:
            spans.append((label, start, i))
            label = None
        if prefix in ("B", "I") and name:
            label, start = name, i
    if label is not None:
        spans.append((label, start, i + 1))
    return tuple(spans)


def iter_conll(path: str | Path) -> Iterator[Sentence]:
    """Yield sentences from a CoNLL file; the tag is the last column, the token the first.

    Lines starting with ``-DOCSTART-`` are skipped.
    """
    tokens: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for lineno, raw in enumerate(fh, 1):
            line = raw.strip()
            if not line or line.startswith("-DOCSTART-"):
                if tokens:
                    yield Sentence(tuple(tokens), tuple(tags))
                    tokens, tags = [], []
                continue
            cols = line.split()
            if len(cols) < 2:
                raise ValueError(f"{path}:{lineno}: expected 'token TAG', got {line!r}")
            tokens.append(cols[0])
            tags.append(cols[-1])
    if tokens:
        yield Sentence(tuple(tokens), tuple(tags))


def read_conll(path: str | Path) -> list[Sentence]:
    """All sentences of a CoNLL IOB2 file, in file order."""
    return list(iter_conll(path))


def split_key(sentence: Sentence) -> str:
    """The normalised text used to place a sentence in a split part.

    >>> split_key(Sentence(("Бабы", "128-інші", "."), ("O",) * 3))
    'бабы'
    >>> split_key(Sentence(("Бабы", "жүз", "жиырма", "."), ("O",) * 4))
    'бабы'
    """
    kept = [
        tok.lower()
        for tok in sentence.tokens
        if not any(ch.isdigit() for ch in tok)
        and not _NUMERAL.match(tok.lower())
        and not _PUNCT.match(tok)
    ]
    return " ".join(kept) or " ".join(sentence.tokens)


def split_of(sentence: Sentence, dev: float = 0.1, test: float = 0.1, salt: str = "kazkg") -> str:
    """Which part (``"train"``, ``"dev"`` or ``"test"``) a sentence belongs to.

    Stable across runs, machines and Python versions (SHA-1, not ``hash()``).
    """
    digest = hashlib.sha1(f"{salt}\x00{split_key(sentence)}".encode("utf-8")).digest()
    u = int.from_bytes(digest[:8], "big") / 2**64
    if u < test:
        return "test"
    if u < test + dev:
        return "dev"
    return "train"


def split_sentences(
    sentences: Iterable[Sentence], dev: float = 0.1, test: float = 0.1, salt: str = "kazkg"
) -> Split:
    """Split sentences into train / dev / test by :func:`split_of`, keeping file order.

    >>> sp = split_sentences([Sentence(("Алматы",), ("B-GPE",))] * 3)
    >>> sum(sp.sizes().values())
    3
    """
    parts: dict[str, list[Sentence]] = {p: [] for p in PARTS}
    for sent in sentences:
        parts[split_of(sent, dev, test, salt)].append(sent)
    return Split(tuple(parts["train"]), tuple(parts["dev"]), tuple(parts["test"]))


def write_conll(sentences: Iterable[Sentence], path: str | Path) -> None:
    """Write sentences back in the same ``token TAG`` format."""
    with open(path, "w", encoding="utf-8") as fh:
        for sent in sentences:
            for tok, tag in zip(sent.tokens, sent.tags):
                fh.write(f"{tok} {tag}\n")
            fh.write("\n")
