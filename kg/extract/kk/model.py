"""Lazy loader for the shipped Kazakh NER pipeline (``kg/models/kk_ner``).

spaCy and the model are loaded on first call only, then cached.

>>> from kg.extract.kk.model import MODEL_DIR
>>> MODEL_DIR.name
'kk_ner'

Example (loads the model, ~1 s)::

    >>> nlp = load_kk_ner()                                              # doctest: +SKIP
    >>> [(e.text, e.label_) for e in nlp("Қасым-Жомарт Тоқаев Астанаға келді.").ents]  # doctest: +SKIP
    [('Қасым-Жомарт Тоқаев', 'PERSON'), ('Астанаға', 'GPE')]
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_DIR: Path = Path(__file__).resolve().parents[2] / "models" / "kk_ner"


@lru_cache(maxsize=4)
def load_kk_ner(path: str | None = None) -> "Language":
    """Load (once) the Kazakh NER pipeline from ``path`` or the shipped ``MODEL_DIR``."""
    import spacy

    import kg.text.kazakh  # noqa: F401  (registers the "kk" language)

    target = Path(path) if path else MODEL_DIR
    if not (target / "meta.json").exists():
        raise FileNotFoundError(f"no spaCy pipeline at {target}")
    return spacy.load(target)


def extract_entities(text: str) -> list[tuple[str, str, int, int]]:
    """``(text, label, start_char, end_char)`` for each entity the shipped model finds."""
    doc = load_kk_ner()(text)
    return [(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents]
