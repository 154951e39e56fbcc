"""Read files and folders into :class:`~kg.model.Document` values.

Decoding tries, in order: a byte-order mark (UTF-8, UTF-16, UTF-32), strict
UTF-8, then charset-normalizer's best guess among Cyrillic-friendly codecs
(Windows-1251, KOI8-R, UTF-16 without BOM). PDFs go through pypdf. Every
failure becomes a :class:`~kg.model.Problem` naming the file, never an
exception, so the rest of a corpus is still read.

>>> doc = decode_bytes(b"\\xef\\xbb\\xbfHello", "a.txt")
>>> (doc.text, doc.encoding)
('Hello', 'utf-8-sig')
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.text.lang import detect_language
from kg.model import Document, Paragraph, Problem

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
PDF_SUFFIXES = frozenset({".pdf"})
MAX_BYTES = 64 * 1024 * 1024
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_FALLBACK_CODECS = ("cp1251", "koi8_r", "utf_16_le", "utf_16_be", "mac_cyrillic")
_PARAGRAPH = re.compile(r"[^\n]+(?:\n[^\S\n]*\S[^\n]*)*")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def iter_sources(paths: Iterable[str | Path]) -> Iterator[Path | Problem]:
    """Expand files and folders (recursively, sorted, loop-safe) into input files.

    Files named explicitly are always yielded; inside folders only text and PDF
    files are taken.
    """
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            yield Problem(str(path), "no such file or directory")
        elif path.is_dir():
            yield from _walk(path, seen)
        else:
            yield path


def _walk(root: Path, seen: set[str]) -> Iterator[Path | Problem]:
    real = os.path.realpath(root)
    if real in seen:
        yield Problem(str(root), "directory loop (already visited), skipped")
        return
    seen.add(real)
    try:
        entries = sorted(root.iterdir(), key=lambda p: p.name)
    except OSError as err:
        yield Problem(str(root), f"cannot list directory: {err.strerror or err}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry, seen)
        elif entry.suffix.lower() in TEXT_SUFFIXES | PDF_SUFFIXES:
            yield entry


def read_document(path: Path, max_bytes: int = MAX_BYTES) -> Document | Problem:
    """Read and decode one file; return a Problem instead of raising."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return Problem(str(path), f"file too large ({size} bytes, limit {max_bytes})")
        data = path.read_bytes()
    except OSError as err:
        return Problem(str(path), f"cannot read file: {err.strerror or err}")
    if path.suffix.lower() in PDF_SUFFIXES or data.startswith(b"%PDF-"):
        return _read_pdf(data, str(path))
    return decode_bytes(data, str(path))


def decode_bytes(data: bytes, source: str) -> Document | Problem:
    """Decode raw bytes into a Document (text NFC-normalised, newlines unified)."""
    decoded = decode_raw(data, source)
    if isinstance(decoded, Problem):
        return decoded
    return make_document(decoded[0], source, decoded[1])


def decode_raw(data: bytes, source: str) -> tuple[str, str] | Problem:
    """Decoded text exactly as written (no normalisation) and its encoding.

    >>> decode_raw("a\\r\\nб".encode("utf-8"), "x")
    ('a\\r\\nб', 'utf-8')
    """
    if not data.strip():
        return Problem(source, "empty file")
    text, encoding = _decode(data)
    if text is None:
        return Problem(source, "binary or undecodable content (not UTF-8/UTF-16/Windows-1251)")
    return text, encoding


def make_document(text: str, source: str, encoding: str = "utf-8") -> Document:
    """Build a Document from already decoded text.

    >>> make_document("Қазақстан\\r\\n\\r\\nKazakhstan", "x").paragraphs[1].lang
    'en'
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub(" ", text)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return Document(
        id=digest, source=source, text=text, encoding=encoding, paragraphs=split_paragraphs(text)
    )


def split_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Blank-line separated blocks with their language."""
    return tuple(
        Paragraph(m.start(), m.end(), detect_language(m.group()))
        for m in _PARAGRAPH.finditer(text)
        if m.group().strip()
    )


def _decode(data: bytes) -> tuple[str | None, str]:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError:
                return None, codec
    if b"\x00" not in data:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            return _guess(data)
    codec = _utf16_without_bom(data)
    if codec is None:
        return None, ""  # NUL bytes without the UTF-16 pattern: binary
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None, codec
    return (text, codec) if _looks_like_text(text) else (None, codec)


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when high bytes sit at odd/even offsets (Latin or Cyrillic)."""
    if len(data) % 2:
        return None
    odd, even = data[1::2], data[0::2]
    high = (0x00, 0x04)
    if sum(b in high for b in odd) >= 0.9 * len(odd):
        return "utf-16-le"
    if sum(b in high for b in even) >= 0.9 * len(even):
        return "utf-16-be"
    return None


def _guess(data: bytes) -> tuple[str | None, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(_FALLBACK_CODECS)).best()
    if best is None:
        return None, ""
    text = str(best)
    if not _looks_like_text(text):
        return None, best.encoding
    return text, best.encoding


def _looks_like_text(text: str) -> bool:
    letters = sum(ch.isalpha() or ch.isspace() for ch in text)
    return letters >= 0.75 * len(text)


def _read_pdf(data: bytes, source: str) -> Document | Problem:
    from io import BytesIO

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as err:
        return Problem(source, f"unreadable PDF: {err}")
    text = "\n\n".join(pages)
    if not text.strip():
        return Problem(source, "PDF has no extractable text (scanned image?)")
    return make_document(text, source, "pdf")
