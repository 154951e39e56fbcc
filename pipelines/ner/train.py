"""Recipe for the kazkg Kazakh NER model: split -> convert -> pretrain -> train -> evaluate
-> package. Run from the repo root with the project's venv, e.g.::

    python pipelines/ner/train.py all            # the shipped model's recipe, end to end
    python pipelines/ner/train.py prepare
    python pipelines/ner/train.py oversample --factor LAW=5 --factor PROJECT=2 --factor ORGANISATION=2
    python pipelines/ner/train.py pretrain --out output/ner/pretrain/p1
    python pipelines/ner/train.py train --out output/ner/runs/r1 \\
        --init-tok2vec output/ner/pretrain/p1/model-last.bin
    python pipelines/ner/train.py evaluate --model output/ner/runs/r1/model-best
    python pipelines/ner/train.py package --model output/ner/runs/r1/model-best

``--set section.key=value`` (repeatable) overrides config.cfg settings for pretrain/train.
Every artefact goes under output/ner/ (git-ignored); only ``package`` writes into the repo
(kg/models/kk_ner/). The held-out test part is never used by pretrain or train.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

HERE = Path(__file__).resolve().parent
KAZNERD = Path("/work/shared/datasets/kaznerd/IOB2_valid.txt")
CORPUS_GLOB = "/work/shared/corpus/*.txt"
OUT = ROOT / "output" / "ner"
DATA = OUT / "data"
CORPUS = OUT / "corpus"
RAW = OUT / "pretrain" / "raw.jsonl"
PACKAGE_DIR = ROOT / "kg" / "models" / "kk_ner"

_NO_SPACE_BEFORE = set(".,:;!?)]}»”%…")
_NO_SPACE_AFTER = set("([{«“")


def spaces_for(tokens: tuple[str, ...]) -> list[bool]:
    """Guess ``Doc.spaces`` for a tokenised sentence so ``doc.text`` reads naturally."""
    out: list[bool] = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        out.append(nxt is not None and tok not in _NO_SPACE_AFTER and nxt not in _NO_SPACE_BEFORE)
    return out


def _parse_sets(items: list[str]) -> dict[str, object]:
    from spacy.cli._util import parse_config_overrides

    args: list[str] = []
    for item in items:
        key, _, value = item.partition("=")
        args += [f"--{key}", value]
    return parse_config_overrides(args)


def write_docbin(nlp, sentences, path: Path) -> None:
    """Save sentences (gold tokens and entities) as a spaCy DocBin."""
    from spacy.tokens import Doc, DocBin
    from spacy.training import biluo_tags_to_spans, iob_to_biluo

    db = DocBin(store_user_data=False)
    for s in sentences:
        doc = Doc(nlp.vocab, words=list(s.tokens), spaces=spaces_for(s.tokens))
        doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(list(s.tags)))
        db.add(doc)
    db.to_disk(path)


def step_oversample(args: argparse.Namespace) -> None:
    """Write corpus/train_os.spacy: the train part with sentences holding rare labels
    repeated (``--factor LAW=5 --factor PROJECT=2``; a sentence gets its largest factor)."""
    import spacy

    import kg.text.kazakh  # noqa: F401
    from kg.evaluate.conll import read_conll

    factors = {k: int(v) for k, _, v in (f.partition("=") for f in args.factor)}
    out = []
    for s in read_conll(DATA / "train.conll"):
        n = max([factors.get(label, 1) for label, _, _ in s.entities()] or [1])
        out += [s] * n
    write_docbin(spacy.blank("kk"), out, CORPUS / "train_os.spacy")
    print(f"train_os.spacy: {len(out)} sentences (factors {factors})")


def step_prepare(args: argparse.Namespace) -> None:
    """Split KazNERD, write CoNLL parts, DocBins and the raw pretraining text."""
    import glob

    import spacy

    import kg.text.kazakh  # noqa: F401  (registers "kk")
    from kg.evaluate.conll import read_conll, split_sentences, write_conll

    split = split_sentences(read_conll(KAZNERD), dev=args.dev, test=args.test, salt=args.salt)
    DATA.mkdir(parents=True, exist_ok=True)
    CORPUS.mkdir(parents=True, exist_ok=True)
    nlp = spacy.blank("kk")
    sizes = {}
    for part in ("train", "dev", "test"):
        sents = getattr(split, part)
        write_conll(sents, DATA / f"{part}.conll")
        write_docbin(nlp, sents, CORPUS / f"{part}.spacy")
        sizes[part] = {"sentences": len(sents), "tokens": sum(len(s.tokens) for s in sents)}
    RAW.parent.mkdir(parents=True, exist_ok=True)
    n_raw = 0
    with open(RAW, "w", encoding="utf-8") as fh:
        for s in split.train + split.dev:  # never the held-out test sentences
            doc_text = "".join(t + (" " if sp else "") for t, sp in zip(s.tokens, spaces_for(s.tokens)))
            fh.write(json.dumps({"text": doc_text}, ensure_ascii=False) + "\n")
            n_raw += 1
        for path in sorted(glob.glob(CORPUS_GLOB)):
            text = Path(path).read_text(encoding="utf-8", errors="replace")
            for para in text.split("\n\n"):
                para = " ".join(para.split())
                if len(para) >= 40:
                    fh.write(json.dumps({"text": para}, ensure_ascii=False) + "\n")
                    n_raw += 1
    sizes["pretrain_texts"] = n_raw
    (OUT / "split_sizes.json").write_text(json.dumps(sizes, indent=2))
    print(json.dumps(sizes, indent=2))


def step_pretrain(args: argparse.Namespace) -> None:
    """``spacy pretrain`` of config.cfg's tok2vec with pretrain.cfg merged in."""
    from spacy.training.pretrain import pretrain
    from spacy.util import load_config

    import kg.text.kazakh  # noqa: F401

    os.chdir(ROOT)
    base = load_config(HERE / "config.cfg", overrides=_parse_sets(args.set), interpolate=False)
    extra = load_config(HERE / "pretrain.cfg", interpolate=False)
    merged = base.merge(extra)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    merged.to_disk(out / "config.cfg")
    pretrain(merged.interpolate(), out, silent=False)


def step_train(args: argparse.Namespace) -> None:
    """``spacy train`` with config.cfg (optionally initialised from pretrained weights)."""
    from spacy.cli.train import train

    import kg.text.kazakh  # noqa: F401

    from spacy.util import load_config

    os.chdir(ROOT)
    overrides = _parse_sets(args.set)
    config_path = HERE / "config.cfg"
    if args.init_tok2vec:
        # spaCy only loads init_tok2vec when [pretraining] names the component and layer,
        # so train with config.cfg + pretrain.cfg merged (the same tok2vec settings).
        overrides["paths.init_tok2vec"] = str(Path(args.init_tok2vec).resolve())
        merged = load_config(config_path, interpolate=False).merge(
            load_config(HERE / "pretrain.cfg", interpolate=False)
        )
        Path(args.out).mkdir(parents=True, exist_ok=True)
        config_path = Path(args.out) / "train_config.cfg"
        merged.to_disk(config_path)
    train(config_path, Path(args.out), overrides=overrides)


def step_evaluate(args: argparse.Namespace) -> None:
    """Exact-span scores of a trained pipeline on a CoNLL file (default: held-out test)."""
    import spacy

    import kg.text.kazakh  # noqa: F401
    from kg.evaluate.ner import evaluate_conll, format_table

    nlp = spacy.load(args.model)
    result = evaluate_conll(args.data, nlp)
    print(f"model: {args.model}\ndata: {args.data} ({result.sentences} sentences, {result.tokens} tokens)")
    print(format_table(result))


TRAINING_ONLY = ("training", "pretrain")


def step_package(args: argparse.Namespace) -> None:
    """Copy a trained pipeline into kg/models/kk_ner/ (the model card is kept)."""
    src = Path(args.model)
    dst = PACKAGE_DIR
    card = dst / "MODEL_CARD.md"
    saved = card.read_text(encoding="utf-8") if card.exists() else None
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns(*TRAINING_ONLY))
    from spacy.util import load_config

    cfg = load_config(dst / "config.cfg", interpolate=False)
    cfg["paths"]["init_tok2vec"] = None  # a training-time path, meaningless in the package
    cfg.to_disk(dst / "config.cfg")
    meta_path = dst / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        name="kk_ner",
        version="0.1.0",
        description="Kazakh NER (25 KazNERD classes), CNN tok2vec + transition NER, CPU",
        author="kazkg",
        license="CC BY 4.0 (model trained on KazNERD)",
        sources=[
            {
                "name": "KazNERD",
                "author": "Rustem Yeshpanov, Yerbolat Khassanov, Huseyin Atakan Varol",
                "url": "IS2AI/KazNERD",
                "license": "CC BY 4.0",
            }
        ],
    )
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")
    if saved is not None:
        card.write_text(saved, encoding="utf-8")
    size = sum(p.stat().st_size for p in dst.rglob("*") if p.is_file())
    print(f"packaged {src} -> {dst} ({size / 1e6:.1f} MB)")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="step", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("--dev", type=float, default=0.1)
    p.add_argument("--test", type=float, default=0.1)
    p.add_argument("--salt", default="kazkg")
    p = sub.add_parser("oversample")
    p.add_argument("--factor", action="append", default=[])
    p = sub.add_parser("pretrain")
    p.add_argument("--out", default=str(OUT / "pretrain" / "default"))
    p.add_argument("--set", action="append", default=[])
    p = sub.add_parser("train")
    p.add_argument("--out", default=str(OUT / "runs" / "default"))
    p.add_argument("--init-tok2vec", default=None)
    p.add_argument("--set", action="append", default=[])
    p = sub.add_parser("evaluate")
    p.add_argument("--model", default=str(OUT / "runs" / "default" / "model-best"))
    p.add_argument("--data", default=str(DATA / "test.conll"))
    p = sub.add_parser("package")
    p.add_argument("--model", default=str(OUT / "runs" / "default" / "model-best"))
    p = sub.add_parser("all")
    args = ap.parse_args(argv)
    if args.step == "all":
        # The shipped model: no pretraining (it did not help on dev), rare labels oversampled.
        step_prepare(ap.parse_args(["prepare"]))
        step_oversample(
            ap.parse_args(["oversample", "--factor", "LAW=5", "--factor", "PROJECT=2",
                           "--factor", "ORGANISATION=2"])
        )
        step_train(ap.parse_args(["train"]))
        step_evaluate(ap.parse_args(["evaluate"]))
        step_package(ap.parse_args(["package"]))
        return
    {
        "prepare": step_prepare,
        "oversample": step_oversample,
        "pretrain": step_pretrain,
        "train": step_train,
        "evaluate": step_evaluate,
        "package": step_package,
    }[args.step](args)


if __name__ == "__main__":
    main()
