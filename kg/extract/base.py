"""The extractor protocol: one paragraph of one language in, its mentions out.

Each language package (``kg/extract/<code>/``) defines one class that satisfies
:class:`Extractor`, usually by extending :class:`BaseExtractor`, and registers it in
:data:`kg.extract.EXTRACTORS`.

>>> class Shouting(BaseExtractor):
...     lang, version = "xx", "kazkg-xx/0.1"
...     def extract(self, paragraph):
...         return self.build_mentions(paragraph, [Candidate(0, 5, "ORG", "rule", "HELLO")])
>>> [(m.text, m.extractor) for m in Shouting().extract(ParagraphText("HELLO world", "d1"))]
[('HELLO', 'kazkg-xx/0.1:rule')]
>>> isinstance(Shouting(), Extractor)
True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Protocol, runtime_checkable

from kg.extract.filters import apply_filters
from kg.extract.spans import Candidate
from kg.model import Mention

__all__ = ["BaseExtractor", "Extractor", "ParagraphText"]


@dataclass(frozen=True)
class ParagraphText:
    """One paragraph to extract from, offsets being indices into ``text``.

    ``known_names`` are person names already known for the document (the authors' names
    from the article headers); an extractor may look for them verbatim.
    """

    text: str
    document_id: str = ""
    known_names: tuple[str, ...] = ()


@runtime_checkable
class Extractor(Protocol):
    """Finds entity mentions in paragraphs of one language.

    ``lang`` is its language code, ``version`` its name and version, which begins every
    mention's ``extractor`` (``kazkg-kk/0.1`` -> ``kazkg-kk/0.1:rule``).
    """

    lang: ClassVar[str]
    version: ClassVar[str]

    def extract(self, paragraph: ParagraphText) -> list[Mention]:
        """The mentions of one paragraph, in text order."""
        ...

    def extract_all(self, paragraphs: Sequence[ParagraphText]) -> list[list[Mention]]:
        """The mentions of each paragraph (an extractor may batch its model here)."""
        ...


@dataclass(frozen=True)
class BaseExtractor:
    """What extractors share: the option to skip statistical models, the loop, the mentions.

    ``use_model=False`` runs rules and gazetteers only (no statistical NER), for tests and
    quick checks.
    """

    use_model: bool = True
    lang: ClassVar[str] = ""
    version: ClassVar[str] = ""

    def extract(self, paragraph: ParagraphText) -> list[Mention]:
        """The mentions of one paragraph, in text order."""
        raise NotImplementedError

    def extract_all(self, paragraphs: Sequence[ParagraphText]) -> list[list[Mention]]:
        """The mentions of each paragraph, one after the other."""
        return [self.extract(p) for p in paragraphs]

    def build_mentions(self, paragraph: ParagraphText,
                       chosen: Iterable[Candidate]) -> list[Mention]:
        """The mentions of chosen candidates, their ``extractor`` being version:source.

        The precision filters (:mod:`kg.extract.filters`) run first: junk is dropped,
        comma lists of institutions are split, thinkers typed as places become persons.
        """
        text, document_id = paragraph.text, paragraph.document_id
        kept = apply_filters(text, self.lang, chosen, paragraph.known_names)
        return [Mention(document_id, c.start, c.end, text[c.start:c.end], c.label, self.lang,
                        c.canonical, f"{self.version}:{c.source}")
                for c in kept]
