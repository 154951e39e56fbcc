"""Split a document into articles and assemble each article's skeleton.

Articles are anchored on their abstract/keyword markers: consecutive marker
blocks with no body or reference list between them are the language versions
of one header. The first block's head (names, affiliations, e-mails, title)
is found by walking up from its abstract. Documents with no markers may be in
the older format (``А. К. Хасенова`` above a title in capitals), or be one
header-less body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.model import Article, Author, Document, Span
from kg.segment.affiliations import find_emails, find_orcids
from kg.segment.headers import (
    Head,
    Marker,
    block_language,
    find_markers,
    marker_text,
    parse_head,
    parse_keywords,
)
from kg.segment.contacts import link_affiliations, raw_affiliations, with_contacts
from kg.segment.lines import Line, is_caps, split_lines
from kg.segment.people import align_names, parse_names
from kg.segment.references import is_entry_start, is_reference_heading, parse_entries
from kg.text.lang import detect_language

MAX_HEAD_LINES = 30
MAX_GAP_CHARS = 3000
_DOI = re.compile(r"(?i)\bdoi(?:\.org)?[:/\s]+\s*(10\.\d{4,9}/\S+)")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_INITIALS = re.compile(r"^(?:[А-ЯЁӘҒҚҢӨҰҮҺІA-Z]\.\s?){1,3}[А-ЯЁӘҒҚҢӨҰҮҺІA-Z][\w'-]+$")


@dataclass(frozen=True)
class Block:
    """One language version of a header."""

    lang: str
    abstract: str
    keywords: tuple[str, ...]
    head: Head
    first: int  # first line of the abstract (or keywords)
    last: int  # last line of the keywords (or abstract)


def segment_document(doc: Document) -> tuple[Article, ...]:
    """All articles of ``doc`` in order; a header-less document gives one body."""
    lines = split_lines(doc.text)
    groups = _group_blocks(lines, _pair_markers(lines, find_markers(lines)))
    starts = [_head_start(lines, g[0].first, groups[i - 1][-1].last if i else -1)
              for i, g in enumerate(groups)]
    zones = [(s, g[-1].last) for s, g in zip(starts, groups)]
    old = [i for i in range(len(lines))
           if not any(a <= i <= b for a, b in zones) and _old_header_at(lines, i)]
    entries = sorted([(s, g) for s, g in zip(starts, groups)] + [(i, None) for i in old],
                     key=lambda e: e[0])
    if not entries:
        return (_bodyless(doc, lines),)
    articles: list[Article] = []
    leading = _fragment(doc, lines, 0, entries[0][0])
    if leading:
        articles.append(leading)
    for k, (start, group) in enumerate(entries):
        end = entries[k + 1][0] if k + 1 < len(entries) else len(lines)
        order = len(articles) + 1
        articles.append(_assemble(doc, lines, group, start, end, order) if group
                        else _old_article(doc, lines, start, end, order))
    return tuple(articles)


def _pair_markers(lines: Sequence[Line], markers: Sequence[Marker]) -> list[tuple[Marker | None, Marker | None]]:
    """(abstract, keywords) pairs; either side may be missing."""
    pairs: list[tuple[Marker | None, Marker | None]] = []
    open_abstract: Marker | None = None
    for m in markers:
        if m.kind == "abstract":
            if open_abstract:
                pairs.append((open_abstract, None))
            open_abstract = m
        else:
            pairs.append((open_abstract, m))
            open_abstract = None
    if open_abstract:
        pairs.append((open_abstract, None))
    return pairs


def _group_blocks(lines: Sequence[Line], pairs) -> list[list[Block]]:
    groups: list[list[Block]] = []
    prev_last = -1
    for abstract, keywords in pairs:
        first = (abstract or keywords).line
        last = _keywords_end(lines, keywords.line) if keywords else _paragraph_end(lines, first)
        new = (
            not groups
            or len(groups[-1]) >= 3
            or _separated(lines, prev_last + 1, first)
        )
        head_from = (groups[-1][-1].last + 1) if groups and not new else None
        block = _make_block(lines, abstract, keywords, first, last, head_from)
        if new:
            groups.append([block])
        else:
            groups[-1].append(block)
        prev_last = last
    return [_fix_languages(g) for g in groups]


def _separated(lines: Sequence[Line], start: int, stop: int) -> bool:
    """True when body text or a reference list lies between two marker blocks."""
    chars = 0
    for line in lines[start:stop]:
        if is_reference_heading(line.text):
            return True
        chars += len(line.text)
    return chars > MAX_GAP_CHARS


def _make_block(lines, abstract, keywords, first, last, head_from) -> Block:
    kw_line = lines[keywords.line] if keywords else None
    if abstract:
        stop = keywords.line if keywords else last + 1
        parts = [marker_text(lines[abstract.line])]
        parts += [l.text for l in lines[abstract.line + 1: stop] if not l.blank]
        abstract_text = " ".join(p for p in parts if p)
    else:
        abstract_text = ""
    kw_text = " ".join(l.text for l in lines[keywords.line: last + 1]) if kw_line else ""
    keywords_list = parse_keywords(kw_text) if kw_line else ()
    marker_lang = (abstract or keywords).lang
    lang = block_language(abstract_text + " " + " ".join(keywords_list), marker_lang)
    head = parse_head(lines[head_from:first]) if head_from is not None else Head((), "", (), -1)
    return Block(lang, abstract_text, keywords_list, head, first, last)


def _fix_languages(group: list[Block]) -> list[Block]:
    """Two blocks claiming one language: the later takes a language still free."""
    seen: set[str] = set()
    out = []
    for block in group:
        lang = block.lang
        if lang in seen:
            free = [l for l in ("kk", "ru", "en") if l not in seen]
            lang = free[0] if free else lang
        seen.add(lang)
        out.append(Block(lang, block.abstract, block.keywords, block.head, block.first, block.last))
    return out


def _keywords_end(lines: Sequence[Line], i: int) -> int:
    """A keyword list ends at its line, unless the next line continues it in lower case."""
    j = i
    while j + 1 < len(lines) and lines[j + 1].text[:1].islower():
        j += 1
    return j


def _paragraph_end(lines: Sequence[Line], i: int) -> int:
    j = i
    while j + 1 < len(lines) and not lines[j + 1].blank:
        j += 1
    return j


def _head_start(lines: Sequence[Line], first: int, floor: int) -> int:
    """Walk up from an abstract to the author line at the top of the first header."""
    top = first
    seen = 0
    for i in range(first - 1, floor, -1):
        line = lines[i]
        if line.blank:
            continue
        if _stops_head(line) or seen >= MAX_HEAD_LINES:
            break
        top = i
        seen += 1
    for i in range(top, first):
        if not lines[i].blank and parse_names(lines[i].text):
            return i
    return top


def _stops_head(line: Line) -> bool:
    text = line.text
    return (
        is_entry_start(line)
        or is_reference_heading(text)
        or len(text) > 350
        or (len(text) > 80 and bool(_YEAR.search(text)) and not find_emails(text))
    )


def _assemble(doc, lines, group: list[Block], start: int, end: int, order: int) -> Article:
    first_head = parse_head(lines[start: group[0].first])
    blocks = [Block(b.lang, b.abstract, b.keywords, first_head if k == 0 else b.head, b.first, b.last)
              for k, b in enumerate(group)]
    body_start = _next_content(lines, group[-1].last + 1, end)
    ref_lines, ref_head = _reference_region(lines, body_start, end)
    body_end = ref_head if ref_head is not None else end
    head_text = "\n".join(l.text for l in lines[start: group[-1].last + 1])
    affiliations = raw_affiliations(first_head)
    authors = with_contacts(_authors(blocks), first_head)
    return Article(
        document_id=doc.id,
        source=doc.source,
        order=order,
        span=_span(lines, start, end),
        body=_span(lines, body_start, body_end),
        title={b.lang: b.head.title for b in blocks if b.head.title},
        abstract={b.lang: b.abstract for b in blocks if b.abstract},
        keywords={b.lang: b.keywords for b in blocks if b.keywords},
        authors=authors,
        affiliations=link_affiliations(affiliations, first_head, len(authors)),
        emails=find_emails(head_text),
        orcids=find_orcids(head_text),
        doi=_article_doi(head_text),
        references=parse_entries(ref_lines),
    )


def _next_content(lines: Sequence[Line], i: int, end: int) -> int:
    while i < end and lines[i].blank:
        i += 1
    return i


def _span(lines: Sequence[Line], start: int, end: int) -> Span:
    """Character span of lines ``[start, end)`` without trailing blank lines."""
    if start >= len(lines):
        return Span(lines[-1].end, lines[-1].end)
    while end > start + 1 and lines[end - 1].blank:
        end -= 1
    stop = lines[end - 1].end if end > start else lines[start].start
    return Span(lines[start].start, stop)


def _reference_region(lines, start: int, end: int) -> tuple[list[Line], int | None]:
    """Lines of the first reference list after ``start`` and its heading's index."""
    heading = next((i for i in range(start, end) if is_reference_heading(lines[i].text)), None)
    if heading is None:
        return [], None
    stop = next((i for i in range(heading + 1, end)
                 if is_reference_heading(lines[i].text) or _ends_references(lines[i])), end)
    return list(lines[heading + 1: stop]), heading


def _ends_references(line: Line) -> bool:
    """Old-format summaries (Резюме / Summary / Түйін) close a reference list."""
    return bool(re.match(r"(?i)^(резюме|summary|түйін|түйіндеме)\s*[.:]?\s*$", line.text))


def _article_doi(text: str) -> str | None:
    m = _DOI.search(text)
    return m.group(1).rstrip(".,;") if m else None


def _authors(blocks: Sequence[Block]) -> tuple[Author, ...]:
    base = [name for name, _ in blocks[0].head.names]
    names: list[dict[str, str]] = [{blocks[0].lang: n} for n in base]
    for block in blocks[1:]:
        other = [name for name, _ in block.head.names]
        if not base and other:
            base = other
            names = [{block.lang: n} for n in other]
            continue
        for i, j in enumerate(align_names(base, other)):
            if j is not None:
                names[i][block.lang] = other[j]
    return tuple(Author(n) for n in names)


def _fragment(doc, lines, start: int, end: int) -> Article | None:
    """Text before the first header that ends a previous article (body + references)."""
    ref_lines, heading = _reference_region(lines, start, end)
    if heading is None:
        return None
    return Article(doc.id, doc.source, 1, _span(lines, start, end),
                   _span(lines, _next_content(lines, start, end), heading),
                   references=parse_entries(ref_lines))


def _bodyless(doc: Document, lines: Sequence[Line]) -> Article:
    """A document without article headers: one body, no skeleton."""
    span = Span(0, len(doc.text))
    return Article(doc.id, doc.source, 1, span, span)


def _old_header_at(lines: Sequence[Line], i: int) -> bool:
    prev = next((lines[j] for j in range(i - 1, -1, -1) if not lines[j].blank), None)
    if prev is not None and _ends_references(prev):
        return False  # the names line of a summary, not a new article
    text = lines[i].plain
    names = [n.strip() for n in text.split(",")]
    if not names or not all(_INITIALS.match(n) for n in names):
        return False
    nxt = _next_content(lines, i + 1, len(lines))
    return nxt < len(lines) and is_caps(lines[nxt].plain)


def _old_article(doc, lines, start: int, end: int, order: int) -> Article:
    title_at = _next_content(lines, start + 1, end)
    title_end = title_at
    while title_end + 1 < end and not lines[title_end + 1].blank and is_caps(lines[title_end + 1].plain):
        title_end += 1
    title = " ".join(l.plain for l in lines[title_at: title_end + 1])
    lang = _lang_of(lines, title_end + 1, end)
    names = [n for n, _ in parse_names(lines[start].text)]
    body_start = _next_content(lines, title_end + 1, end)
    ref_lines, heading = _reference_region(lines, body_start, end)
    titles, authors = {lang: title}, [{lang: n} for n in names]
    abstracts: dict[str, str] = {}
    if heading is not None:
        after = heading + 1 + len(ref_lines)
        _summaries(lines, after, end, names, titles, authors, abstracts)
    return Article(
        doc.id, doc.source, order, _span(lines, start, end),
        _span(lines, body_start, heading if heading is not None else end),
        title=titles, abstract=abstracts, authors=tuple(Author(a) for a in authors),
        references=parse_entries(ref_lines),
    )


def _lang_of(lines: Sequence[Line], start: int, end: int) -> str:
    sample = " ".join(l.text for l in lines[start:end] if not l.blank)[:2000]
    return detect_language(sample)


def _summaries(lines, start, end, names, titles, authors, abstracts) -> None:
    """Summaries after the references: a heading, the names, a title, a text."""
    i = start
    while i < end:
        if not _ends_references(lines[i]):
            i += 1
            continue
        j = _next_content(lines, i + 1, end)
        other = [n for n, _ in parse_names(lines[j].text)] if j < end else []
        if other:
            j = _next_content(lines, j + 1, end)
        if j < end and not _ends_references(lines[j]):
            k = _paragraph_end(lines, _next_content(lines, j + 1, end))
            text = " ".join(l.text for l in lines[j + 1: k + 1] if not l.blank)
            lang = _lang_of(lines, j + 1, k + 1)
            if lang not in titles:
                titles[lang] = lines[j].plain
                abstracts[lang] = text
                for a, b in enumerate(align_names(names, other)):
                    if b is not None:
                        authors[a][lang] = other[b]
            i = k + 1
        else:
            i = j + 1
