"""Articles as the JSON objects of the ``kg articles`` contract.

>>> from kg.model import Article, Author, Span
>>> a = Article("d", "x.txt", 1, Span(0, 9), Span(0, 9), authors=(Author({"en": "A B"}),))
>>> article_to_dict(a)["authors"]
[{'en': 'A B'}]
"""

from __future__ import annotations

from typing import Any

from kg.kinds import LANGS
from kg.model import Article


def article_to_dict(article: Article) -> dict[str, Any]:
    """The contract's JSON object for one article (plus ``abstract`` and ``body``)."""
    return {
        "source": article.source,
        "order": article.order,
        "title": _by_lang(article.title),
        "authors": [_by_lang(a.names) for a in article.authors],
        "affiliations": [
            {
                "author_index": list(f.author_index),
                "text": f.text,
                "city": f.city,
                "country": f.country,
                "institution": f.institution,
            }
            for f in article.affiliations
        ],
        "emails": list(article.emails),
        "orcids": list(article.orcids),
        "keywords": {k: list(v) for k, v in _by_lang(article.keywords).items()},
        "doi": article.doi,
        "references": [{"text": r.text, "doi": r.doi, "year": r.year} for r in article.references],
        "abstract": _by_lang(article.abstract),
        "body": {"start": article.body.start, "end": article.body.end},
    }


def _by_lang(values: dict) -> dict:
    """Keep kk, ru, en order whatever order the header used."""
    return {k: values[k] for k in LANGS if k in values}
