"""Exact-span NER evaluation of a spaCy pipeline on a CoNLL IOB2 file.

The gold tokens are fed to the pipeline as they are (no re-tokenisation), so scores
measure the entity recogniser alone. A predicted entity counts only if its label, start
and end all equal a gold entity's.

>>> s = LabelScore("GPE", tp=8, fp=2, fn=0)
>>> (s.precision, s.recall, round(s.f1, 3), s.support)
(0.8, 1.0, 0.889, 8)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence

from kg.evaluate.conll import Sentence, iter_conll

if TYPE_CHECKING:
    from spacy.language import Language

FOCUS_LABELS: tuple[str, ...] = ("PERSON", "ORGANISATION", "GPE", "LAW", "PROJECT")


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


@dataclass(frozen=True)
class LabelScore:
    """Counts and scores for one label (or a micro total, ``label="micro"``)."""

    label: str
    tp: int
    fp: int
    fn: int

    @property
    def support(self) -> int:
        """Number of gold entities."""
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)


@dataclass(frozen=True)
class NerEval:
    """Per-label scores (sorted by label) plus counts of sentences and tokens."""

    labels: tuple[LabelScore, ...]
    sentences: int
    tokens: int

    def get(self, label: str) -> LabelScore:
        """Scores of one label (all zeros if the label never occurred)."""
        for score in self.labels:
            if score.label == label:
                return score
        return LabelScore(label, 0, 0, 0)

    def micro(self, labels: Iterable[str] | None = None) -> LabelScore:
        """Micro-averaged totals over ``labels`` (all labels if ``None``)."""
        wanted = None if labels is None else set(labels)
        chosen = [s for s in self.labels if wanted is None or s.label in wanted]
        return LabelScore(
            "micro",
            sum(s.tp for s in chosen),
            sum(s.fp for s in chosen),
            sum(s.fn for s in chosen),
        )


def score_spans(
    gold: Sequence[Iterable[tuple[str, int, int]]],
    pred: Sequence[Iterable[tuple[str, int, int]]],
    sentences: int | None = None,
    tokens: int = 0,
) -> NerEval:
    """Compare gold and predicted ``(label, start, end)`` spans sentence by sentence.

    >>> r = score_spans([[("GPE", 0, 1), ("LAW", 2, 4)]], [[("GPE", 0, 1), ("LAW", 2, 3)]])
    >>> (r.get("GPE").tp, r.get("LAW").fp, r.get("LAW").fn, r.micro().f1)
    (1, 1, 1, 0.5)
    """
    if len(gold) != len(pred):
        raise ValueError("gold and pred must have one entry per sentence")
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for g_spans, p_spans in zip(gold, pred):
        g, p = set(g_spans), set(p_spans)
        for label, _, _ in g & p:
            tp[label] += 1
        for label, _, _ in p - g:
            fp[label] += 1
        for label, _, _ in g - p:
            fn[label] += 1
    names = sorted(set(tp) | set(fp) | set(fn))
    scores = tuple(LabelScore(n, tp[n], fp[n], fn[n]) for n in names)
    return NerEval(scores, len(gold) if sentences is None else sentences, tokens)


def predict_spans(
    nlp: "Language", sentences: Sequence[Sentence], batch_size: int = 256
) -> list[tuple[tuple[str, int, int], ...]]:
    """Run ``nlp`` on the sentences' own tokens and return entity spans per sentence."""
    from spacy.tokens import Doc

    docs = (Doc(nlp.vocab, words=list(s.tokens)) for s in sentences)
    return [
        tuple((e.label_, e.start, e.end) for e in doc.ents)
        for doc in nlp.pipe(docs, batch_size=batch_size)
    ]


def evaluate_sentences(nlp: "Language", sentences: Sequence[Sentence]) -> NerEval:
    """Score ``nlp`` on already-read sentences."""
    pred = predict_spans(nlp, sentences)
    gold = [s.entities() for s in sentences]
    return score_spans(gold, pred, len(sentences), sum(len(s.tokens) for s in sentences))


def evaluate_conll(path: str | Path, nlp: "Language") -> NerEval:
    """Score ``nlp`` on a CoNLL IOB2 file (KazNERD format) with exact-span matching.

    Example (needs a trained model)::

        >>> from kg.extract.kk.model import load_kk_ner      # doctest: +SKIP
        >>> r = evaluate_conll("test.conll", load_kk_ner())  # doctest: +SKIP
        >>> print(format_table(r))                   # doctest: +SKIP
    """
    return evaluate_sentences(nlp, list(iter_conll(path)))


def format_table(result: NerEval, focus: Sequence[str] = FOCUS_LABELS) -> str:
    """A plain-text table: one row per label, then micro totals (all labels, ``focus``).

    >>> print(format_table(score_spans([[("GPE", 0, 1)]], [[("GPE", 0, 1)]]), focus=("GPE",)))
    label                              P       R      F1  support
    GPE                            1.000   1.000   1.000        1
    -------------------------------------------------------------
    micro (all)                    1.000   1.000   1.000        1
    micro (GPE)                    1.000   1.000   1.000        1
    """
    head = f"{'label':<28}{'P':>8}{'R':>8}{'F1':>8}{'support':>9}"
    rows = [head]

    def row(name: str, s: LabelScore) -> str:
        return f"{name:<28}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}{s.support:>9d}"

    rows += [row(s.label, s) for s in result.labels]
    rows.append("-" * len(head))
    rows.append(row("micro (all)", result.micro()))
    if focus:
        rows.append(row("micro (" + "+".join(f[:3] for f in focus) + ")", result.micro(focus)))
    return "\n".join(rows)
