"""Hostile input, built by the tests from code: each bad file is named, the good ones are built.

Special files (FIFO, device, socket, symlink to /dev/zero), encrypted and decompression-bomb
PDFs, a stray NUL or a truncated last character, unsupported formats, file names with a
newline, one-line texts of two million characters, spreadsheet formulas in CSV cells.
The output folder's guarantees (lock, staging, kill -9, full disk) are in test_output.py.
"""

from __future__ import annotations

import csv
import io
import json
import os
import resource
import socket
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from conftest import STAGE_LINE

from kg.corpus import demo_corpus_path, read_corpus
from kg.csvsafe import csv_text, safe_cell
from kg.extract import extract_text
from kg.ingest import MAX_BYTES, decode_text, iter_sources, read_capped, read_file
from kg.model import Document, Problem

KK = "Қазақстан Республикасының Білім және ғылым министрлігі Алматы қаласында орналасқан."
RU = "Министерство образования и науки Республики Казахстан находится в Астане."


def kg(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True,
                          input=stdin, timeout=300)


def _pdf(content: bytes, filters: bytes = b"", trailer: bytes = b"") -> bytes:
    """A one-page PDF whose page content stream is ``content`` (already encoded)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d %s >>\nstream\n" % (len(content), filters) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, trailer, xref)
    return bytes(out)


def _aes_pdf() -> bytes:
    """A PDF encrypted with AES-256 (revision 6): pypdf needs ``cryptography`` to open it."""
    key = b"<" + b"ab" * 48 + b">"
    encrypt = (b"/Encrypt << /Filter /Standard /V 5 /R 6 /Length 256 /P -4 "
               b"/CF << /StdCF << /CFM /AESV3 /AuthEvent /DocOpen /Length 32 >> >> "
               b"/StmF /StdCF /StrF /StdCF /O " + key + b" /U " + key +
               b" /OE <" + b"cd" * 32 + b"> /UE <" + b"ef" * 32 + b"> /Perms <" + b"01" * 16 + b"> >> "
               b"/ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]")
    return _pdf(b"BT /F1 12 Tf 72 720 Td (secret) Tj ET", trailer=encrypt)


def _bomb_pdf(inflated: int = 100 * 2**20) -> bytes:
    """A PDF of a few hundred kB whose content stream inflates to ``inflated`` bytes."""
    packer = zlib.compressobj(9)
    chunk = b" " * 2**20
    data = b"".join(packer.compress(chunk) for _ in range(inflated // len(chunk))) + packer.flush()
    return _pdf(data, filters=b"/Filter /FlateDecode")


def test_special_files_are_refused_without_opening_them(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")  # opening it for reading would block forever
    os.symlink("/dev/zero", tmp_path / "zero.txt")  # reading it would never end
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "sock.txt"))
    try:
        for name, kind in (("pipe.txt", "FIFO"), ("zero.txt", "character device"),
                           ("sock.txt", "socket")):
            result = read_capped(tmp_path / name)
            assert isinstance(result, Problem) and f"not a regular file ({kind})" in result.message
    finally:
        server.close()


def test_every_read_is_capped(tmp_path):
    sparse = tmp_path / "huge.txt"
    with open(sparse, "wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: nothing is written
    assert "too large" in read_capped(sparse).message
    assert read_capped(tmp_path / "small.txt", 10).message.startswith("cannot read")


def test_a_folder_of_bad_files_names_each_and_keeps_the_good_one(tmp_path):
    (tmp_path / "good.txt").write_text(KK, encoding="utf-8")
    (tmp_path / "page.html").write_text("<p>Қазақстан</p>", encoding="utf-8")
    (tmp_path / "paper.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "secret.pdf").write_bytes(_aes_pdf())
    (tmp_path / "bomb.pdf").write_bytes(_bomb_pdf(80 * 2**20))
    os.mkfifo(tmp_path / "pipe.txt")
    os.symlink("/dev/zero", tmp_path / "zero.md")
    corpus = read_corpus([tmp_path])
    assert [p.document.source for p in corpus.parsed] == [str(tmp_path / "good.txt")]
    why = {Path(p.source).name: p.message for p in corpus.problems}
    assert set(why) == {"page.html", "paper.docx", "secret.pdf", "bomb.pdf", "pipe.txt", "zero.md"}
    assert "unsupported format .html (HTML)" in why["page.html"]
    assert "unsupported format .docx (Word)" in why["paper.docx"]
    assert "encrypted PDF" in why["secret.pdf"]
    assert "unreadable PDF (LimitReachedError" in why["bomb.pdf"]
    assert "FIFO" in why["pipe.txt"] and "character device" in why["zero.md"]


def test_named_unsupported_file_is_refused(tmp_path):
    path = tmp_path / "page.HTML"
    path.write_text(KK, encoding="utf-8")
    doc, notes = read_file(path)
    assert isinstance(doc, Problem) and "unsupported format" in doc.message and notes == ()


AT = len("Қазақстан ".encode("utf-8"))


@pytest.mark.parametrize("damage, repair", [
    (lambda b: b[:-1], "1 invalid byte sequence(s) replaced by U+FFFD"),  # truncated last letter
    (lambda b: b[:AT] + b"\xff" + b[AT:], "1 invalid byte sequence(s) replaced by U+FFFD"),
    (lambda b: b[:AT + 1] + b"\xff" + b[AT + 1:], "3 invalid byte sequence(s) replaced by U+FFFD"),
    (lambda b: b[:AT] + b"\x00" + b[AT:], "1 NUL character(s) replaced by spaces"),
])
def test_one_bad_byte_keeps_the_document(tmp_path, damage, repair):
    path = tmp_path / "damaged.txt"
    path.write_bytes(damage(f"{KK}\n\n{RU[:-1]}".encode("utf-8")))  # ends with a letter
    doc, notes = read_file(path)
    assert isinstance(doc, Document)
    assert [n.message for n in notes] == [f"{repair} (document kept)"]
    assert RU[:-2] in doc.text and [p.lang for p in doc.paragraphs] == ["kk", "ru"]
    for m in extract_text(doc.text, use_model=False):  # offsets index the kept text
        assert doc.text[m.start:m.end] == m.text


def test_binary_with_nuls_is_still_refused():
    assert isinstance(decode_text(bytes(4096), "zeros.txt"), Problem)
    assert isinstance(decode_text(bytes(range(256)) * 16, "blob.txt"), Problem)


def test_repaired_document_is_named_in_the_corpus_problems(tmp_path):
    (tmp_path / "a.txt").write_bytes(KK.encode("utf-8")[:-2])  # half of the last letter
    corpus = read_corpus([tmp_path])
    assert len(corpus.parsed) == 1
    assert [str(p) for p in corpus.problems] == [
        f"{tmp_path / 'a.txt'}: 1 invalid byte sequence(s) replaced by U+FFFD (document kept)"]


def test_a_newline_in_a_file_name_cannot_forge_a_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "x.txt\nerror: forged.txt").write_text("", encoding="utf-8")
    (folder / "b\u2028c.html").write_text(KK, encoding="utf-8")
    result = kg("articles", str(folder))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 3, result.stderr  # two files, then "no readable document"
    assert "b\\u2028c.html: unsupported format .html" in lines[0]
    assert lines[1].endswith("x.txt\\nerror: forged.txt: empty file")
    assert lines[2] == "error: no readable document in the input"


def test_articles_of_a_folder_of_unsupported_files_says_why(tmp_path):
    (tmp_path / "a.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "b.html").write_text("<html></html>", encoding="utf-8")
    result = kg("articles", str(tmp_path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "a.docx: unsupported format .docx" in result.stderr
    assert "b.html: unsupported format .html" in result.stderr


def test_extract_refuses_special_and_huge_files(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    for path, message in ((tmp_path / "pipe", "not a regular file (FIFO)"), (huge, "too large")):
        result = kg("extract", str(path))
        assert result.returncode == 1 and message in result.stderr, result.stderr
        assert len(result.stderr.splitlines()) == 1


def test_sources_of_a_missing_path_and_a_dangling_symlink(tmp_path):
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "dangling.txt")
    found = list(iter_sources([tmp_path / "missing", tmp_path]))
    assert isinstance(found[0], Problem) and "no such file" in found[0].message
    assert "cannot read file" in read_file(found[1])[0].message


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "Қазақстан " * 200_000,  # the spaCy E088 case: one line of 2,000,000 characters
    "қазақстанныңбілімминистрлігі" * 40_000,  # one lowercase word of 1,120,000 letters
    "российскаяфедерация" * 50_000,  # one Russian word of 950,000 letters
])
def test_huge_lines_and_words_are_extracted_in_pieces(text):
    mentions = extract_text(text, "huge")
    assert all(text[m.start:m.end] == m.text for m in mentions)


@pytest.mark.parametrize("value, safe", [
    ("=HYPERLINK(\"http://evil\",\"x\")", "'=HYPERLINK(\"http://evil\",\"x\")"),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"), ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("-2+3", "'-2+3"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"),
    ("-0.25", "-0.25"), ("+7", "+7"), (-3, -3), ("Алматы", "Алматы"), ("", ""),
])
def test_csv_cells_are_neutralised(value, safe):
    assert safe_cell(value) == safe
    row = next(csv.reader(io.StringIO(csv_text(["x"], [[value]]))), None)
    assert row == ["x"]


def test_csv_text_round_trips_safe_cells():
    text = csv_text(["a", "b"], [["=1+1", 2.5], ["ok", "@x"]])
    assert list(csv.reader(io.StringIO(text))) == [["a", "b"], ["'=1+1", "2.5"], ["ok", "'@x"]]


@pytest.mark.slow
def test_build_of_a_hostile_folder_builds_the_good_and_names_the_bad(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    good = (demo_corpus_path() / "lecture-notes.md").read_bytes()
    (folder / "good.md").write_bytes(good)
    at = len(good.decode("utf-8")[:100].encode("utf-8"))  # between two letters
    (folder / "nul.txt").write_bytes(good[:at] + b"\x00" + good[at:])
    (folder / "cut.txt").write_bytes(RU.encode()[:-2])
    # one line of 2,000,000 characters (few entities: 200,000 mentions would test resolution)
    (folder / "one-line.txt").write_text("және білім " * 181_819, encoding="utf-8")
    (folder / "word.txt").write_text("қазақстанныңбілімминистрлігі" * 30_000, encoding="utf-8")
    (folder / "secret.pdf").write_bytes(_aes_pdf())
    (folder / "bomb.pdf").write_bytes(_bomb_pdf())
    (folder / "page.html").write_text("<p>x</p>", encoding="utf-8")
    (folder / "paper.docx").write_bytes(b"PK\x03\x04")
    (folder / "empty\nwarning: forged.txt").write_text("", encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    os.symlink("/dev/zero", folder / "zero.txt")
    out = tmp_path / "out"
    result = kg("build", str(folder), "--out", str(out), "--workers", "1")
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    warnings = [line for line in result.stderr.splitlines() if not STAGE_LINE.fullmatch(line)]
    assert all(line.startswith("warning: ") for line in warnings)
    bad = ["bomb.pdf", "cut.txt", "empty\\nwarning: forged.txt", "nul.txt", "page.html", "paper.docx",
           "pipe.txt", "secret.pdf", "zero.txt"]
    assert len(warnings) == len(bad), result.stderr
    for name in bad:
        assert sum(line.startswith(f"warning: {folder}/{name}: ") for line in warnings) == 1, name
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(Path(i["source"]).name for i in manifest["inputs"]) == [
        "cut.txt", "good.md", "nul.txt", "one-line.txt", "word.txt"]
    assert len(manifest["warnings"]) == len(warnings)
    assert peak_mb < 2500, f"peak memory {peak_mb:.0f} MB"  # the issue measured 3.1 GB
