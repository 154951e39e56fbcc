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
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.text.bounds import pieces
from kg.text.lang import detect_language
from kg.model import Document, Paragraph, Problem

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
PDF_SUFFIXES = frozenset({".pdf"})
#: Formats that are sometimes found beside the texts, and are not read (named in a warning).
UNSUPPORTED = {".html": "HTML", ".htm": "HTML", ".xhtml": "HTML", ".docx": "Word", ".doc": "Word",
               ".odt": "OpenDocument", ".rtf": "RTF", ".epub": "EPUB", ".djvu": "DjVu",
               ".xlsx": "Excel", ".xls": "Excel", ".pptx": "PowerPoint", ".xml": "XML"}
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

    Files named explicitly are always yielded (reading checks them); inside folders only
    text and PDF files are taken, and every other file is named in a Problem.
    """
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if not os.path.lexists(path):
            yield Problem(str(path), "no such file or directory")
        elif _is_dir(path):
            yield from _walk(path, seen)
        else:
            yield path


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:
        return False


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
        if _is_dir(entry):
            yield from _walk(entry, seen)
        elif entry.suffix.lower() in TEXT_SUFFIXES | PDF_SUFFIXES:
            yield entry
        else:
            yield Problem(str(entry), f"{_unsupported(entry.suffix)}, skipped")


def _unsupported(suffix: str) -> str:
    """Why a file is not read, e.g. ``unsupported format .docx (Word; ...)``."""
    known = UNSUPPORTED.get(suffix.lower())
    what = f"{suffix} ({known})" if known else (suffix or "(no extension)")
    return f"unsupported format {what}: only {', '.join(sorted(TEXT_SUFFIXES | PDF_SUFFIXES))} are read"


@dataclass(frozen=True)
class Decoded:
    """Text as decoded (not normalised), its encoding, and the repairs decoding made.

    >>> decode_text(b"caf\\xc3", "x").repairs
    ('1 invalid byte sequence(s) replaced by U+FFFD',)
    """

    text: str
    encoding: str
    repairs: tuple[str, ...] = ()


def read_document(path: Path, max_bytes: int = MAX_BYTES) -> Document | Problem:
    """Read and decode one file; return a Problem instead of raising."""
    return read_file(path, max_bytes)[0]


def read_file(path: Path, max_bytes: int = MAX_BYTES) -> tuple[Document | Problem, tuple[Problem, ...]]:
    """One file as a Document (or the Problem that stopped it) and warnings about it.

    Only regular files are read (a FIFO, device or socket is refused before it is opened
    for reading), never more than ``max_bytes``; a file kept despite repairs (a stray bad
    byte, a NUL) comes with one warning per kind of repair.
    """
    source = str(path)
    suffix = path.suffix.lower()
    if suffix in UNSUPPORTED:
        return Problem(source, _unsupported(suffix)), ()
    data = read_capped(path, max_bytes)
    if isinstance(data, Problem):
        return data, ()
    try:
        if suffix in PDF_SUFFIXES or data.startswith(b"%PDF-"):
            return _read_pdf(data, source), ()
        decoded = decode_text(data, source)
        if isinstance(decoded, Problem):
            return decoded, ()
        notes = tuple(Problem(source, f"{r} (document kept)") for r in decoded.repairs)
        return make_document(decoded.text, source, decoded.encoding), notes
    except (MemoryError, RecursionError, ValueError) as err:
        return Problem(source, f"cannot decode ({type(err).__name__}: {_short(err)})"), ()


def read_capped(path: str | Path, max_bytes: int = MAX_BYTES) -> bytes | Problem:
    """The bytes of a regular file, or a Problem (not a regular file, too large, unreadable).

    >>> read_capped("/dev/zero")
    Problem(source='/dev/zero', message='not a regular file (character device), skipped')
    """
    source = str(path)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # before open: opening a FIFO blocks
            return Problem(source, f"not a regular file ({_file_kind(os.stat(path).st_mode)}), skipped")
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as err:
        return Problem(source, f"cannot read file: {err.strerror or err}")
    try:
        info = os.fstat(fd)  # the file opened may not be the one checked
        if not stat.S_ISREG(info.st_mode):
            return Problem(source, f"not a regular file ({_file_kind(info.st_mode)}), skipped")
        if info.st_size > max_bytes:
            return Problem(source, f"file too large ({info.st_size} bytes, limit {max_bytes})")
        chunks, total = [], 0
        while chunk := os.read(fd, min(1 << 20, max_bytes + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:  # grew while being read
                return Problem(source, f"file too large (over {max_bytes} bytes)")
        return b"".join(chunks)
    except OSError as err:
        return Problem(source, f"cannot read file: {err.strerror or err}")
    finally:
        os.close(fd)


def _file_kind(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "FIFO"), (stat.S_ISCHR, "character device"),
             (stat.S_ISBLK, "block device"), (stat.S_ISSOCK, "socket"), (stat.S_ISDIR, "directory"))
    return next((name for test, name in kinds if test(mode)), "special file")


def decode_bytes(data: bytes, source: str) -> Document | Problem:
    """Decode raw bytes into a Document (text NFC-normalised, newlines unified)."""
    decoded = decode_text(data, source)
    if isinstance(decoded, Problem):
        return decoded
    return make_document(decoded.text, source, decoded.encoding)


def decode_raw(data: bytes, source: str) -> tuple[str, str] | Problem:
    """Decoded text exactly as written (no normalisation) and its encoding.

    >>> decode_raw("a\\r\\nб".encode("utf-8"), "x")
    ('a\\r\\nб', 'utf-8')
    """
    decoded = decode_text(data, source)
    return decoded if isinstance(decoded, Problem) else (decoded.text, decoded.encoding)


def decode_text(data: bytes, source: str) -> Decoded | Problem:
    """Decode ``data``; a few bad bytes are replaced (and reported) rather than losing the file."""
    if not data.strip():
        return Problem(source, "empty file")
    decoded = _decode(data)
    if decoded is None:
        return Problem(source, "binary or undecodable content (not UTF-8/UTF-16/Windows-1251)")
    nuls = decoded.text.count("\x00")
    if nuls:
        decoded = Decoded(decoded.text, decoded.encoding,
                          (*decoded.repairs, f"{nuls} NUL character(s) replaced by spaces"))
    return decoded


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
    """Blank-line separated blocks with their language, none over ``MAX_PARAGRAPH`` characters.

    >>> [(p.start, p.end) for p in split_paragraphs("a b\\n\\n  c")]
    [(0, 3), (5, 8)]
    """
    return tuple(
        Paragraph(start, end, detect_language(text[start:end]))
        for m in _PARAGRAPH.finditer(text)
        if m.group().strip()
        for start, end in pieces(text, m.start(), m.end())
    )


def _decode(data: bytes) -> Decoded | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _lenient(data, codec)
    if b"\x00" in data:
        codec = _utf16_without_bom(data)
        if codec is not None:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            return Decoded(text, codec) if _looks_like_text(text) else None
    decoded = _lenient(data, "utf-8")
    if decoded is None:
        text, codec = _guess(data)
        return None if text is None else Decoded(text, codec)
    if b"\x00" in data and not _looks_like_text(decoded.text):
        return None  # NUL bytes and no text shape: binary
    return decoded


def _lenient(data: bytes, codec: str) -> Decoded | None:
    """``data`` in ``codec``, a few bad bytes replaced by U+FFFD.

    A few: at most one in a thousand bytes, or ten times fewer than the well-formed non-ASCII
    letters (text in another 8-bit encoding has hardly any of those).
    """
    try:
        return Decoded(data.decode(codec), codec)
    except UnicodeDecodeError:
        pass
    text = data.decode(codec, errors="replace")
    bad = text.count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")
    wide = sum(1 for ch in text if ord(ch) > 127) - bad
    if bad > max(1, len(data) // 1000) and wide < 10 * bad:
        return None
    return Decoded(text, codec, (f"{bad} invalid byte sequence(s) replaced by U+FFFD",))


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
    """The text of a PDF's pages; any failure of the PDF library is a Problem."""
    from io import BytesIO

    from pypdf import PdfReader  # deferred: only PDFs need it
    from pypdf.errors import DependencyError, FileNotDecryptedError  # deferred (see above)

    try:
        reader = PdfReader(BytesIO(data))
        if reader.is_encrypted and not _decrypt(reader):
            return Problem(source, "encrypted PDF (password-protected), skipped")
        pages, total = [], 0
        for page in reader.pages:
            pages.append(page.extract_text() or "")
            total += len(pages[-1])
            if total > MAX_BYTES:
                return Problem(source, f"PDF text too large (over {MAX_BYTES} characters)")
    except (DependencyError, FileNotDecryptedError) as err:  # AES needs `cryptography`
        return Problem(source, f"encrypted PDF, cannot be opened ({_short(err)}), skipped")
    except Exception as err:  # noqa: BLE001 - pypdf raises many types on hostile files
        return Problem(source, f"unreadable PDF ({type(err).__name__}: {_short(err)})")
    text = "\n\n".join(pages)
    if not text.strip():
        return Problem(source, "PDF has no extractable text (scanned image?)")
    return make_document(text, source, "pdf")


def _decrypt(reader) -> bool:
    """Open a PDF encrypted with an empty user password; False if it needs more."""
    try:
        return bool(reader.decrypt(""))
    except Exception:  # noqa: BLE001 - e.g. AES without the cryptography package
        return False


def _short(err: BaseException, limit: int = 200) -> str:
    """An exception's message on one line of at most ``limit`` characters."""
    text = " ".join(str(err).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
