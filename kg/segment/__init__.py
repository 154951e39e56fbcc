"""Split documents into articles and parse their trilingual headers.

>>> from kg.ingest import make_document
>>> from kg.segment import segment_document
>>> [a.has_header for a in segment_document(make_document("Just notes.", "n.txt"))]
[False]
"""

from kg.segment.articles import segment_document

__all__ = ["segment_document"]
