"""Recipe for the kazkg Kazakh NER model: split -> augment -> train (select the step count
on dev) -> train-final (train+dev, fixed steps) -> evaluate -> package. Run from the repo
root with the project's venv, e.g.::

    python pipelines/ner/train.py all            # the shipped model's recipe, end to end
    python pipelines/ner/train.py prepare
    python pipelines/ner/train.py augment --name sel --copies 1
    python pipelines/ner/train.py train --corpus sel --steps 6000 --out output/ner/runs/r1
    python pipelines/ner/train.py curve --run output/ner/runs/r1
    python pipelines/ner/train.py augment --name final --parts train,dev --copies 1
    python pipelines/ner/train.py train-final --corpus final --steps 4000 --out output/ner/runs/final
    python pipelines/ner/train.py evaluate --model output/ner/runs/final/model-last
    python pipelines/ner/train.py package --model output/ner/runs/final/model-last

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

REPLACEABLE = "PERSON,ORGANISATION,GPE,LOCATION,LAW,PROJECT"

# The shipped model's settings, chosen on the dev part (see kg/models/kk_ner/MODEL_CARD.md).
FINAL_AUGMENT = ["--labels", "extractor+FACILITY,EVENT,NORP,DATE", "--factor", "LAW=5",
                 "--factor", "PROJECT=2", "--factor", "ORGANISATION=2", "--copies", "0"]
FINAL_TRAIN: list[str] = []
FINAL_STEPS = 3200
FINAL_VERSION = "0.2.0"

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
    repeated (``--factor LAW=5 --factor PROJECT=2``; a sentence gets its largest factor).
    The 0.1.0 model's recipe; ``augment`` supersedes it."""
    import spacy

    import kg.text.kazakh  # noqa: F401
    from kg.evaluate.conll import read_conll

    factors = _factors(args.factor)
    out = []
    for s in read_conll(DATA / "train.conll"):
        out += [s] * _factor_of(s, factors)
    write_docbin(spacy.blank("kk"), out, CORPUS / "train_os.spacy")
    print(f"train_os.spacy: {len(out)} sentences (factors {factors})")


def _factors(items: list[str]) -> dict[str, int]:
    return {k: int(v) for k, _, v in (f.partition("=") for f in items)}


def _factor_of(sentence, factors: dict[str, int]) -> int:
    return max([factors.get(label, 1) for label, _, _ in sentence.entities()] or [1])


def _labels_arg(value: str) -> tuple[str, ...] | None:
    from augment import EXTRACTOR_LABELS

    if value == "all":
        return None
    if value == "extractor":
        return EXTRACTOR_LABELS
    if value.startswith("extractor+"):
        return EXTRACTOR_LABELS + tuple(value.split("+", 1)[1].split(","))
    return tuple(value.split(","))


def step_augment(args: argparse.Namespace) -> None:
    """Write corpus/NAME.spacy (training sentences) and corpus/NAME-dev.spacy (the dev part).

    Both keep only ``--labels`` (other entities become O). Training sentences are the
    ``--parts`` (``train`` for selection runs, ``train,dev`` for the final model); a sentence
    holding a label with a ``--factor`` is repeated that many times (largest factor wins),
    and each repetition gets ``--copies`` mention-replaced variants (augment.Replacer: same
    class names from kg/lexicon/data and from the parts' own mentions, case endings carried over),
    seeded by ``--seed``.
    """
    import spacy

    import kg.text.kazakh  # noqa: F401
    from augment import keep_labels, make_replacer
    from kg.evaluate.conll import read_conll

    labels = _labels_arg(args.labels)
    factors = _factors(args.factor)
    nlp = spacy.blank("kk")
    parts = args.parts.split(",")
    if "test" in parts:
        raise SystemExit("the held-out test part is never used for training")
    source = [keep_labels(s, labels) for part in parts for s in read_conll(DATA / f"{part}.conll")]
    replacer = make_replacer(source, nlp.tokenizer, seed=args.seed, use_catalogue=not args.no_catalogue)
    replace = tuple(args.replace.split(","))
    out = []
    n_aug = 0
    for s in source:
        n = _factor_of(s, factors)
        out += [s] * n
        if not any(label in replace for label, _, _ in s.entities()):
            continue
        for _ in range(args.copies * n):
            variant = replacer.replace(s, replace)
            if variant is not None:
                out.append(variant)
                n_aug += 1
    write_docbin(nlp, out, CORPUS / f"{args.name}.spacy")
    dev = [keep_labels(s, labels) for s in read_conll(DATA / "dev.conll")]
    write_docbin(nlp, dev, CORPUS / f"{args.name}-dev.spacy")
    stats = {
        "parts": parts, "labels": labels or "all", "factors": factors, "copies": args.copies,
        "replace": replace, "seed": args.seed, "catalogue": not args.no_catalogue, "source_sentences": len(source),
        "augmented_sentences": n_aug, "training_sentences": len(out),
    }
    (CORPUS / f"{args.name}.json").write_text(json.dumps(stats, indent=2, ensure_ascii=False))
    print(json.dumps(stats, ensure_ascii=False))


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


# Per-checkpoint dev scores of selection runs: spaCy calls the ``before_to_disk`` callback
# with the averaged weights right before logging each evaluation, so the callback scores the
# dev part (exact spans, kg.evaluate.ner) and the logger writes the row with its step.
_DEV_LOG: dict[str, object] = {}


def _register_dev_log() -> None:
    from spacy.util import registry

    @registry.callbacks("kazkg.ner_dev_eval.v1")
    def ner_dev_eval(dev: str):
        from kg.evaluate.conll import read_conll
        from kg.evaluate.ner import FOCUS_LABELS, evaluate_sentences

        sentences = read_conll(dev)

        def callback(nlp):
            result = evaluate_sentences(nlp, sentences)
            _DEV_LOG["row"] = {
                "focus_f": round(result.micro(FOCUS_LABELS).f1, 4),
                "focus_p": round(result.micro(FOCUS_LABELS).precision, 4),
                "focus_r": round(result.micro(FOCUS_LABELS).recall, 4),
                "per_label": {x.label: [x.tp, x.fp, x.fn] for x in result.labels},
            }
            return nlp

        return callback

    @registry.loggers("kazkg.ner_dev_logger.v1")
    def ner_dev_logger(path: str, keep_checkpoints: bool = False):
        console = registry.get("loggers", "spacy.ConsoleLogger.v1")(progress_bar=False)

        def setup(nlp, stdout=sys.stdout, stderr=sys.stderr):
            log_step, finalize = console(nlp, stdout, stderr)
            fh = open(path, "a", encoding="utf-8")

            def log(info):
                log_step(info)
                if info is not None and "row" in _DEV_LOG:
                    row = {"step": info["step"], "epoch": info["epoch"], "seconds": info["seconds"],
                           "ents_f": info["other_scores"].get("ents_f"), **_DEV_LOG.pop("row")}
                    fh.write(json.dumps(row) + "\n")
                    fh.flush()
                    print(f"  dev focus F1 (PER+ORG+GPE+LAW+PRO) at step {row['step']}: "
                          f"{row['focus_f']:.4f}", file=stdout, flush=True)
                    if keep_checkpoints and row["step"] > 0:
                        # model-last was just written with the averaged weights of this step:
                        # keep it as the train-only model at that step count
                        run = Path(path).parent
                        dst = run / "checkpoints" / f"step-{row['step']}"
                        shutil.rmtree(dst, ignore_errors=True)
                        shutil.copytree(run / "model-last", dst)

            def done():
                finalize()
                fh.close()

            return log, done

        return setup


def _overlay(base: dict, extra: dict) -> None:
    """Merge ``extra`` into ``base``; a block naming another function replaces the old block
    wholesale (its arguments differ), e.g. a CharacterEmbed embed over MultiHashEmbed."""
    for key, value in extra.items():
        old = base.get(key)
        if isinstance(value, dict) and isinstance(old, dict) and \
                value.get("@architectures", old.get("@architectures")) == old.get("@architectures"):
            _overlay(old, value)
        else:
            base[key] = value


def _train_config(args: argparse.Namespace, out: Path):
    """config.cfg (+ pretrain.cfg with --init-tok2vec) with the run's settings, saved in out/."""
    from spacy.util import load_config

    config = load_config(HERE / "config.cfg", interpolate=False)
    if getattr(args, "init_tok2vec", None):
        # spaCy only loads init_tok2vec when [pretraining] names the component and layer,
        # so train with config.cfg + pretrain.cfg merged (the same tok2vec settings).
        config = config.merge(load_config(HERE / "pretrain.cfg", interpolate=False))
        config["paths"]["init_tok2vec"] = str(Path(args.init_tok2vec).resolve())
    if getattr(args, "corpus", None):
        config["paths"]["train"] = f"output/ner/corpus/{args.corpus}.spacy"
        config["paths"]["dev"] = f"output/ner/corpus/{args.corpus}-dev.spacy"
    if getattr(args, "steps", None):
        # a fixed step count: no epoch limit, no early stopping
        config["training"]["max_steps"] = args.steps
        config["training"]["max_epochs"] = 0
        config["training"]["patience"] = 0
    for extra in getattr(args, "merge", None) or []:
        _overlay(config, load_config(extra, interpolate=False))
    for key, value in _parse_sets(args.set).items():
        *sections, name = key.split(".")
        node = config
        for sec in sections:
            node = node.setdefault(sec, {})
        node[name] = value
    out.mkdir(parents=True, exist_ok=True)
    return config


def step_train(args: argparse.Namespace) -> None:
    """``spacy train`` with config.cfg on a corpus written by ``augment`` (or train_os.spacy);
    logs the dev focus-label F1 of every checkpoint to OUT/dev_scores.jsonl."""
    from spacy.cli.train import train

    import kg.text.kazakh  # noqa: F401

    os.chdir(ROOT)
    out = Path(args.out)
    config = _train_config(args, out)
    _register_dev_log()
    dev_log = out / "dev_scores.jsonl"
    dev_log.unlink(missing_ok=True)
    config["training"]["before_to_disk"] = {"@callbacks": "kazkg.ner_dev_eval.v1",
                                            "dev": str(DATA / "dev.conll")}
    config["training"]["logger"] = {"@loggers": "kazkg.ner_dev_logger.v1", "path": str(dev_log),
                                    "keep_checkpoints": args.keep_checkpoints}
    config.to_disk(out / "train_config.cfg")
    train(out / "train_config.cfg", out)


def step_train_final(args: argparse.Namespace) -> None:
    """Train the shipped model: a corpus holding train+dev, a fixed ``--steps`` chosen on dev
    by a selection run, one evaluation at the end (dev is in the training data, so its score
    means nothing), no early stopping. Package OUT/model-last."""
    from spacy.cli.train import train

    import kg.text.kazakh  # noqa: F401

    os.chdir(ROOT)
    out = Path(args.out)
    stats = json.loads((CORPUS / f"{args.corpus}.json").read_text(encoding="utf-8"))
    if "dev" not in stats["parts"]:
        print(f"warning: corpus {args.corpus} holds {stats['parts']} only", file=sys.stderr)
    config = _train_config(args, out)
    config["training"]["eval_frequency"] = args.steps
    config.to_disk(out / "train_config.cfg")
    train(out / "train_config.cfg", out)


def step_curve(args: argparse.Namespace) -> None:
    """Dev focus F1 per checkpoint of a ``train`` run, and the step with the best mean over a
    window of neighbouring checkpoints (a steadier choice than the single best)."""
    rows = [json.loads(x) for x in open(Path(args.run) / "dev_scores.jsonl", encoding="utf-8")]
    rows = [r for r in rows if r["step"] > 0]
    k = args.window
    best = None
    for i, r in enumerate(rows):
        win = rows[max(0, i - k): i + k + 1]
        mean = sum(w["focus_f"] for w in win) / len(win)
        if len(win) == 2 * k + 1 and (best is None or mean > best[0]):
            best = (mean, r["step"])
        print(f"step {r['step']:>6}  epoch {r['epoch']:>3}  ents_f {r['ents_f'] or 0:.4f}  "
              f"focus P {r['focus_p']:.4f} R {r['focus_r']:.4f} F1 {r['focus_f']:.4f}  "
              f"(window mean {mean:.4f})")
    if best:
        print(f"best window mean {best[0]:.4f} at step {best[1]} (window +-{k} checkpoints)")


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
    # training-time hooks of this recipe (not registered outside it)
    cfg["training"]["before_to_disk"] = None
    cfg["training"]["logger"] = {"@loggers": "spacy.ConsoleLogger.v1", "progress_bar": False}
    cfg.to_disk(dst / "config.cfg")
    meta_path = dst / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    # spaCy's "performance" is the last dev evaluation: meaningless for a train+dev model
    # (dev is in its training data); the held-out scores are in MODEL_CARD.md.
    meta["performance"] = {}
    meta.update(
        name="kk_ner",
        version=args.version,
        description=f"Kazakh NER ({len(meta['labels']['ner'])} KazNERD classes: "
        f"{', '.join(meta['labels']['ner'])}), CNN tok2vec + transition NER, CPU",
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
    p = sub.add_parser("augment")
    p.add_argument("--name", required=True, help="writes output/ner/corpus/NAME{,-dev}.spacy")
    p.add_argument("--parts", default="train", help="train, or train,dev for the final model")
    p.add_argument("--labels", default="extractor",
                   help="'extractor' (the 7 labels kk_extract uses), 'extractor+A,B', 'all' "
                        "or a comma list")
    p.add_argument("--factor", action="append", default=[], help="oversampling, e.g. LAW=5")
    p.add_argument("--copies", type=int, default=0, help="mention-replaced variants per sentence")
    p.add_argument("--replace", default=REPLACEABLE,
                   help="labels whose mentions are replaced in the variants")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--no-catalogue", action="store_true",
                   help="replace with the parts' own mentions only, not kg/lexicon/data names")
    p = sub.add_parser("pretrain")
    p.add_argument("--out", default=str(OUT / "pretrain" / "default"))
    p.add_argument("--set", action="append", default=[])
    for name in ("train", "train-final"):
        p = sub.add_parser(name)
        p.add_argument("--out", default=str(OUT / "runs" / ("default" if name == "train" else "final")))
        p.add_argument("--corpus", default=None if name == "train" else "final",
                       help="a corpus NAME written by augment (default for train: config.cfg's)")
        p.add_argument("--steps", type=int, default=None if name == "train" else FINAL_STEPS,
                       help="fixed number of steps (no early stopping)")
        p.add_argument("--init-tok2vec", default=None)
        p.add_argument("--merge", action="append", default=[],
                       help="a partial config file laid over config.cfg (e.g. charembed.cfg)")
        p.add_argument("--set", action="append", default=[])
        if name == "train":
            p.add_argument("--keep-checkpoints", action="store_true",
                           help="copy model-last to OUT/checkpoints/step-N at every dev evaluation "
                                "(the train-only twin of a final model at N steps)")
    p = sub.add_parser("curve")
    p.add_argument("--run", required=True)
    p.add_argument("--window", type=int, default=2)
    p = sub.add_parser("evaluate")
    p.add_argument("--model", default=str(OUT / "runs" / "final" / "model-last"))
    p.add_argument("--data", default=str(DATA / "test.conll"))
    p = sub.add_parser("package")
    p.add_argument("--model", default=str(OUT / "runs" / "final" / "model-last"))
    p.add_argument("--version", default=FINAL_VERSION)
    p = sub.add_parser("all")
    args = ap.parse_args(argv)
    if args.step == "all":
        # The shipped model (see README): train+dev, extractor labels, augmented, fixed steps.
        step_prepare(ap.parse_args(["prepare"]))
        step_augment(ap.parse_args(["augment", "--name", "final", "--parts", "train,dev", *FINAL_AUGMENT]))
        step_train_final(ap.parse_args(["train-final", *FINAL_TRAIN]))
        step_evaluate(ap.parse_args(["evaluate"]))
        step_package(ap.parse_args(["package"]))
        return
    {
        "prepare": step_prepare,
        "oversample": step_oversample,
        "augment": step_augment,
        "train-final": step_train_final,
        "curve": step_curve,
        "pretrain": step_pretrain,
        "train": step_train,
        "evaluate": step_evaluate,
        "package": step_package,
    }[args.step](args)


if __name__ == "__main__":
    main()
