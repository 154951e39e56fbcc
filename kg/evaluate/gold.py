"""Exact-span evaluation against the stand-off gold sample ``tests/data/ner_gold.jsonl``.

The gold file holds offsets, hashes and labels only; the text is read from the corpus and
each paragraph's sha1 is checked (see ``tests/data/README.md``). A predicted span counts
only if its start, end and label all equal a gold span's.

>>> gold = GoldParagraph("x.txt", 0, 9, "ru", "body", "Казахстан",
...                      (GoldEntity(0, 9, "GPE", "Казахстан"),))
>>> s = score([(0, 9, "GPE"), (0, 4, "ORG")], gold)
>>> (s.get("GPE").f1, s.get("ORG").fp, round(s.micro().precision, 2))
(1.0, 1, 0.5)

Command line (prints the per-label tables)::

    python -m kg.evaluate.gold --lang ru --lang en
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.evaluate.ner import LabelScore
from kg.extract import EXTRACTORS, extractor_for
from kg.extract.base import ParagraphText

__all__ = [
    "ALL_LABELS", "HEADLINE_LABELS", "GoldEntity", "GoldParagraph", "LabelScore", "Scores",
    "evaluate", "format_scores", "load_gold", "score",
]

log = logging.getLogger(__name__)

HEADLINE_LABELS: tuple[str, ...] = ("PERSON", "ORG", "GPE", "LAW", "PROGRAM")
ALL_LABELS: tuple[str, ...] = (*HEADLINE_LABELS, "GPE_SUB")

Triple = tuple[int, int, str]


@dataclass(frozen=True)
class GoldEntity:
    """One gold span, offsets relative to its paragraph."""

    start: int
    end: int
    label: str
    canonical: str


@dataclass(frozen=True)
class GoldParagraph:
    """A gold paragraph with its text (read from the corpus) and entities."""

    source: str
    start: int
    end: int
    lang: str
    kind: str
    text: str
    entities: tuple[GoldEntity, ...]

    @property
    def spans(self) -> frozenset[Triple]:
        """The gold ``(start, end, label)`` triples."""
        return frozenset((e.start, e.end, e.label) for e in self.entities)


@dataclass(frozen=True)
class Scores:
    """Per-label counts (sorted by label); add two to pool paragraphs or languages."""

    labels: tuple[LabelScore, ...] = ()

    def get(self, label: str) -> LabelScore:
        """Scores of one label (zeros if it never occurred)."""
        return next((s for s in self.labels if s.label == label), LabelScore(label, 0, 0, 0))

    def micro(self, labels: Iterable[str] | None = None) -> LabelScore:
        """Micro totals over ``labels`` (all labels if None)."""
        wanted = None if labels is None else set(labels)
        chosen = [s for s in self.labels if wanted is None or s.label in wanted]
        return LabelScore("micro", sum(s.tp for s in chosen), sum(s.fp for s in chosen),
                          sum(s.fn for s in chosen))

    def __add__(self, other: Scores) -> Scores:
        counts: dict[str, Counter[str]] = {}
        for s in (*self.labels, *other.labels):
            c = counts.setdefault(s.label, Counter())
            c.update(tp=s.tp, fp=s.fp, fn=s.fn)
        return Scores(tuple(LabelScore(k, c["tp"], c["fp"], c["fn"])
                            for k, c in sorted(counts.items())))


def load_gold(path: str | Path, corpus_dir: str | Path) -> list[GoldParagraph]:
    """The gold paragraphs whose corpus file is present and whose sha1 still matches.

    Missing files and changed paragraphs are skipped with a warning.
    """
    out: list[GoldParagraph] = []
    texts: dict[str, str | None] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            rec = json.loads(line)
            source = rec["source"]
            if source not in texts:
                file = Path(corpus_dir) / source
                texts[source] = file.read_text(encoding="utf-8") if file.is_file() else None
                if texts[source] is None:
                    log.warning("gold: corpus file %s not found, its paragraphs are skipped", file)
            text = texts[source]
            if text is None:
                continue
            para = text[rec["start"]:rec["end"]]
            if hashlib.sha1(para.encode("utf-8")).hexdigest() != rec["sha1"]:
                log.warning("gold: %s @%d changed (sha1 mismatch), skipped", source, rec["start"])
                continue
            entities = tuple(GoldEntity(e["start"], e["end"], e["label"], e["canonical"])
                             for e in rec["entities"])
            out.append(GoldParagraph(source, rec["start"], rec["end"], rec["lang"],
                                     rec.get("kind", ""), para, entities))
    return out


def score(pred: Iterable[Triple], gold: GoldParagraph | Iterable[Triple]) -> Scores:
    """Exact-span counts of predicted ``(start, end, label)`` against one paragraph's gold."""
    gold_set = gold.spans if isinstance(gold, GoldParagraph) else frozenset(gold)
    pred_set = frozenset(pred)
    counts: dict[str, Counter[str]] = {}
    for _, _, label in pred_set | gold_set:
        counts.setdefault(label, Counter())
    for triple in pred_set:
        counts[triple[2]]["tp" if triple in gold_set else "fp"] += 1
    for triple in gold_set - pred_set:
        counts[triple[2]]["fn"] += 1
    return Scores(tuple(LabelScore(k, c["tp"], c["fp"], c["fn"])
                        for k, c in sorted(counts.items())))


def evaluate(paragraphs: Iterable[GoldParagraph],
             extract: Callable[[str], Iterable[Triple]]) -> Scores:
    """Pooled scores of ``extract`` (paragraph text -> triples) over the paragraphs."""
    total = Scores()
    for para in paragraphs:
        total = total + score(extract(para.text), para)
    return total


def format_scores(scores: Scores, labels: Sequence[str] = ALL_LABELS) -> str:
    """A plain-text table: one row per label, micro totals for the headline labels.

    >>> print(format_scores(Scores((LabelScore("GPE", 3, 1, 0),)), ("GPE",)))
    label        P      R     F1   tp   fp   fn
    GPE      0.750  1.000  0.857    3    1    0
    micro*   0.750  1.000  0.857    3    1    0
    """
    rows = ["label        P      R     F1   tp   fp   fn"]

    def row(name: str, s: LabelScore) -> str:
        return (f"{name:<8} {s.precision:5.3f}  {s.recall:5.3f}  {s.f1:5.3f} "
                f"{s.tp:4d} {s.fp:4d} {s.fn:4d}")

    rows += [row(label, scores.get(label)) for label in labels]
    headline = [label for label in labels if label in HEADLINE_LABELS]
    rows.append(row("micro*", scores.micro(headline)))
    return "\n".join(rows)


Quad = tuple[int, int, str, str]


def _extractor(lang: str) -> Callable[[str], list[Quad]]:
    """The built-in extractor of ``lang`` as text -> ``(start, end, label, canonical)``.

    Nested parent mentions (:mod:`kg.extract.filters.chains`) are left out: the gold
    scheme is flat, one span per name.
    """
    extractor = extractor_for(lang)
    return lambda text: [(m.start, m.end, m.label, m.canonical)
                         for m in extractor.extract(ParagraphText(text))
                         if not m.nested_parent]


def main(argv: Sequence[str] | None = None) -> None:
    """Print per-label P/R/F1 of the built-in extractors on the gold paragraphs."""
    root = Path(__file__).resolve().parents[2]
    ap = argparse.ArgumentParser(description="Exact-span NER scores on the gold sample.")
    ap.add_argument("--gold", default=str(root / "tests" / "data" / "ner_gold.jsonl"))
    ap.add_argument("--corpus", default=str(root.parent / "shared" / "corpus"))
    ap.add_argument("--lang", action="append", choices=tuple(EXTRACTORS))
    ap.add_argument("--errors", action="store_true", help="list false positives and negatives")
    args = ap.parse_args(argv)
    paragraphs = load_gold(args.gold, args.corpus)
    for lang in args.lang or ["ru", "en"]:
        extract = _extractor(lang)
        chosen = [p for p in paragraphs if p.lang == lang]
        t0 = time.perf_counter()
        outputs = [extract(p.text) for p in chosen]
        seconds = time.perf_counter() - t0
        total, same, matched = Scores(), 0, 0
        for para, out in zip(chosen, outputs):
            pred = {(s, e, label) for s, e, label, _ in out}
            total = total + score(pred, para)
            gold_canonical = {(g.start, g.end, g.label): g.canonical for g in para.entities}
            for s, e, label, canonical in out:
                if (s, e, label) in gold_canonical:
                    matched += 1
                    same += canonical == gold_canonical[(s, e, label)]
            if args.errors:
                for s, e, label in sorted(pred - para.spans):
                    print(f"  FP {para.source[:3]}@{para.start} {label:8} {para.text[s:e]!r}")
                for s, e, label in sorted(para.spans - pred):
                    print(f"  FN {para.source[:3]}@{para.start} {label:8} {para.text[s:e]!r}")
        words = sum(len(p.text.split()) for p in chosen)
        print(f"\n[{lang}] {len(chosen)} paragraphs, {words} words, "
              f"{seconds:.2f} s (first call includes model loading)")
        print(format_scores(total))
        print(f"canonical form equal to gold on {same}/{matched} matched spans")


if __name__ == "__main__":
    main()
