"""Shared fixtures: paths to the real corpus (read by path, never copied), the demo build."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.build import build
from kg.corpus import demo_corpus_path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
#: A line `kg build` logs as each stage ends (``resolve: 0.0 s``): progress, not a problem.
STAGE_LINE = re.compile(r"[\w+ -]+: \d+\.\d s")


def corpus_file(prefix: str) -> Path:
    """The real corpus file starting with ``prefix``; skips if shared/ is absent."""
    matches = sorted(CORPUS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"shared corpus file {prefix} not available")
    return matches[0]


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory) -> Path:
    """The output folder of ``kg build`` on the demo corpus, built once per session.

    Read-only for the tests that use it; the folder is the one test_queries.py and
    test_push.py build into, so a session builds the demo once.
    """
    out = tmp_path_factory.getbasetemp() / "kazkg-demo-build"
    if not (out / "manifest.json").is_file():
        build([demo_corpus_path()], out)
    return out
