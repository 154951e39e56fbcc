"""Incremental ``kg build``: a full build, then one small new document, then nothing new.

Run (from the repo root; CORPUS is the real corpus or a folder of ``new_text_corpus.py``)::

    nice -n 19 .venv/bin/python benchmarks/incremental_build.py ../shared/corpus --work /tmp/kazkg-incr
    nice -n 19 .venv/bin/python benchmarks/incremental_build.py /tmp/kazkg-scale/new10x --work /tmp/kazkg-incr10

The corpus is copied to ``WORK/corpus`` (outside the repository) and built from scratch into
``WORK/out`` (no extraction cache). Then one small document of new text is added (the
smallest document of the real corpus, made new by ``new_text_corpus.py`` with another seed: a
cache miss) and the same output folder is rebuilt, then rebuilt once more with nothing new.
Each build is ``python -m kg build`` in a child process, measured by ``build_speed.py``
(wall, CPU of the process tree, peak memory); the manifest says what extraction did
(documents extracted, worker processes started); a build that left the output as it was
(nothing new, :mod:`kg.rebuild`) is named so. Prints figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from build_speed import loadavg, whole_build  # noqa: E402
from new_text_corpus import CORPUS, generate  # noqa: E402


def small_new_document(folder: Path, seed: int, source: Path = CORPUS) -> tuple[Path, str]:
    """The smallest real document, as new text (another seed: not in any cache)."""
    made = list(generate(source, 1, folder, seed))
    path, text = min(made, key=lambda item: len(item[1]))
    return folder / f"zz_added_{path.name}", text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--work", type=Path, default=Path("/tmp/kazkg-incr"))
    ap.add_argument("--seed", type=int, default=1001, help="seed of the added document")
    ap.add_argument("--workers", type=int, default=0, help="0: automatic, as kg build")
    ap.add_argument("--source", type=Path, default=CORPUS, help="the real corpus (new text from it)")
    args = ap.parse_args()
    if args.work.resolve().is_relative_to(HERE.parent):
        sys.exit("refusing to write inside the repository")
    corpus, out = args.work / "corpus", args.work / "out"
    shutil.rmtree(args.work, ignore_errors=True)
    shutil.copytree(args.corpus, corpus)
    for path in corpus.iterdir():
        path.chmod(0o644)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in corpus.iterdir())
    rows = []
    print(f"== full build: {words:,} words, load {loadavg()}", flush=True)
    rows.append(("full build", words, whole_build(str(corpus), out, args.workers, words)))
    added, text = small_new_document(corpus, args.seed, args.source)
    added.write_text(text, encoding="utf-8")
    new_words = len(text.split())
    print(f"== one document added ({added.name}, {new_words:,} words), load {loadavg()}", flush=True)
    rows.append(("+1 small document", words + new_words,
                 whole_build(str(corpus), out, args.workers, words + new_words)))
    print(f"== nothing new, load {loadavg()}", flush=True)
    rows.append(("nothing new", words + new_words,
                 whole_build(str(corpus), out, args.workers, words + new_words)))
    print(f"   load at end: {loadavg()}")
    full = rows[0][2]
    print("\nbuild | words | wall s | x full | CPU-s | x full | documents extracted | "
          "workers started | peak tree MB")
    built_at = None
    for name, w, f in rows:
        ex = f["manifest"].get("extraction", {})
        if f["manifest"].get("built_at") == built_at:  # the output was left as it was
            name, ex = f"{name} (skipped: unchanged)", {"documents": 0, "workers": 0}
        built_at = f["manifest"].get("built_at")
        print(f"{name} | {w:,} | {f['wall']:.1f} | {f['wall'] / full['wall']:.3f} | {f['cpu']:.1f}"
              f" | {f['cpu'] / full['cpu']:.3f} | {ex.get('documents', '?')} | "
              f"{ex.get('workers', '?')} | {f['tree_mb']:,.0f}")


if __name__ == "__main__":
    main()
