"""Shared fixtures: paths to the real corpus (read by path, never copied)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"


def corpus_file(prefix: str) -> Path:
    """The real corpus file starting with ``prefix``; skips if shared/ is absent."""
    matches = sorted(CORPUS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"shared corpus file {prefix} not available")
    return matches[0]
