"""The ``kk_stem`` spaCy component: each token's ``lemma_`` becomes its lowercased stem
without the Kazakh case ending (``kg.text.kk_morph.split_suffix``), a feature the Kazakh
NER model's hash embeddings read besides the word itself.

Kazakh is agglutinative: ``Тоқаевтың`` and ``Тоқаевқа`` share no NORM, but share the stem
``тоқаев``. The component runs before ``tok2vec`` in the model's pipeline (and as an
annotating component while training). Importing ``kg.text.kazakh`` registers it, so
``spacy.load`` of the packaged model works offline.

>>> import kg.text.kazakh, spacy
>>> nlp = spacy.blank("kk"); _ = nlp.add_pipe("kk_stem")
>>> [t.lemma_ for t in nlp("Тоқаевтың АҚШ-қа сапары")]
['тоқаев', 'ақш', 'сапары']
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from kg.text.kk_morph import split_suffix

_CACHE_SIZE = 200_000


@lru_cache(maxsize=_CACHE_SIZE)
def stem_of(word: str) -> str:
    """The lowercased stem of one token (the token itself when no ending is cut).

    >>> stem_of("Қазақстанның"), stem_of("Одаққа"), stem_of(",")
    ('қазақстан', 'одақ', ',')
    """
    return split_suffix(word)[0].lower()


@Language.component("kk_stem")
def kk_stem(doc: Doc) -> Doc:
    """Set ``token.lemma_`` to :func:`stem_of` the token's text."""
    for token in doc:
        token.lemma_ = stem_of(token.text)
    return doc


__all__ = ["kk_stem", "stem_of"]
