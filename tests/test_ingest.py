import codecs
import os

import pytest

from kg.ingest import decode_bytes, iter_sources, read_document
from kg.model import Document, Problem

KK = "Қазақстан Республикасының Конституциясы 1995 жылы қабылданды."
RU = "Конституция Республики Казахстан принята в 1995 году на референдуме."


@pytest.mark.parametrize(
    "data, encoding",
    [
        (KK.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + KK.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + KK.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + KK.encode("utf-16-be"), "utf-16"),
        (KK.encode("utf-16-le"), "utf-16-le"),
        (RU.encode("cp1251"), "cp1251"),
    ],
)
def test_decodes_common_encodings(data, encoding):
    doc = decode_bytes(data, "f.txt")
    assert isinstance(doc, Document)
    assert doc.encoding == encoding
    assert doc.text in (KK, RU)


def test_crlf_and_nfc_normalised():
    decomposed = "Қ".encode("utf-8")  # already composed
    doc = decode_bytes(b"a\r\nb\rc " + decomposed + "и\u0306".encode(), "x")
    assert doc.text == "a\nb\nc Қй"


@pytest.mark.parametrize(
    "data, message",
    [(b"", "empty file"), (b"   \n\n", "empty file"), (bytes(range(256)) * 20, "binary")],
)
def test_bad_bytes_become_problems(data, message):
    result = decode_bytes(data, "bad.txt")
    assert isinstance(result, Problem)
    assert message in result.message
    assert str(result).startswith("bad.txt: ")


def test_same_text_same_id_and_paragraph_languages():
    a = decode_bytes(f"{KK}\n\n{RU}\n\nThe law was adopted.".encode(), "a")
    b = decode_bytes(f"{KK}\n\n{RU}\n\nThe law was adopted.".encode(), "b")
    assert a.id == b.id
    assert [p.lang for p in a.paragraphs] == ["kk", "ru", "en"]
    assert a.text[a.paragraphs[1].start: a.paragraphs[1].end] == RU


def test_too_large_file_is_refused(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("а" * 5000, encoding="utf-8")
    result = read_document(path, max_bytes=1000)
    assert isinstance(result, Problem) and "too large" in result.message


def test_folder_walk_sorted_and_loop_safe(tmp_path):
    (tmp_path / "b.md").write_text(KK, encoding="utf-8")
    (tmp_path / "a.txt").write_text(RU, encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "c.txt").write_text(KK, encoding="utf-8")
    os.symlink(tmp_path, sub / "loop")
    found = list(iter_sources([tmp_path, tmp_path / "missing.txt"]))
    files = [p.name for p in found if not isinstance(p, Problem)]
    problems = [p for p in found if isinstance(p, Problem)]
    assert files == ["a.txt", "b.md", "c.txt"]
    assert any("loop" in p.message for p in problems)
    assert any("no such file" in p.message for p in problems)


def _minimal_pdf(text: str) -> bytes:
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_pdf_text_is_extracted(tmp_path):
    path = tmp_path / "paper.pdf"
    path.write_bytes(_minimal_pdf("Kazakhstan joined the OSCE in 1992"))
    doc = read_document(path)
    assert isinstance(doc, Document), doc
    assert "OSCE" in doc.text and doc.encoding == "pdf"


def test_truncated_pdf_is_a_problem(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(_minimal_pdf("text")[:60])
    result = read_document(path)
    assert isinstance(result, Problem) and result.source.endswith("broken.pdf")
