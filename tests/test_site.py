"""Static entity pages (``kg build --pages``): the served pages as files, linked, searchable offline.

The demo build is exported; its pages must say what ``kg serve`` says for the same IRI, every
relative link must reach a file, a rebuild must write the same bytes, and in a headless
Chromium with networking off the index must find Kazakhstan by «Қазақстанның» and open its page.
"""

from __future__ import annotations

import hashlib
import html
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from kg.corpus import demo_corpus_path
from kg.pages.site import FOLDER, write_site
from kg.store import write_store
from test_entities import BROWSER, HOSTILE, HOSTILE_NT
from test_server import start_server, stop_server

ID = "https://w3id.org/kazkg/id/"


@pytest.fixture(scope="module")
def site(demo_build: Path, tmp_path_factory) -> Path:
    """The demo build's store exported beside a copy of its network pages."""
    out = tmp_path_factory.mktemp("site")
    shutil.copytree(demo_build / "networks", out / "networks")
    shutil.copy(demo_build / "index.html", out / "index.html")
    write_site(demo_build / "store", out, ID, demo_build / "search.sqlite")
    return out


def digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_one_page_per_entity_with_its_sections(site: Path) -> None:
    pages = site / FOLDER
    kz = (pages / "country.kz.html").read_text()
    for label in ("Қазақстан", "Казахстан", "Kazakhstan"):
        assert label in kz
    assert "<h1>Kazakhstan</h1>" in kz and "http://www.wikidata.org/entity/Q232" in kz
    assert 'href="law.kz-constitution.html"' in kz  # co-mentioned, relative
    assert 'href="../networks/entity-comention.html"' in kz and "pagerank" in kz
    assert re.search(r'href="article\.[\w-]+\.html"', kz)  # an article mentioning it has its page
    assert "<script" not in kz and 'http-equiv="Content-Security-Policy"' in kz
    person = (pages / "person.arman-beisenav.html").read_text()
    assert 'href="person.janar-kalieva.html"' in person.split("<h2>Co-authors</h2>", 1)[1]
    assert {"country.kz.html", "index.html", "labels.js", "search.js"} <= {p.name for p in pages.iterdir()}


def test_every_relative_link_reaches_a_file(site: Path) -> None:
    pages = sorted((site / FOLDER).glob("*.html"))
    assert len(pages) > 50
    for page in pages:
        for href in re.findall(r'(?:href|src)="([^"]*)"', page.read_text()):
            href = html.unescape(href)
            if urlsplit(href).scheme in ("http", "https") or href == "#":
                continue
            target = (page.parent / unquote(urlsplit(href).path)).resolve()
            assert target.is_file(), f"{page.name}: {href}"


def test_a_rewrite_writes_the_same_bytes(site: Path, demo_build: Path, tmp_path: Path) -> None:
    shutil.copytree(site / "networks", tmp_path / "networks")
    write_site(demo_build / "store", tmp_path, ID, demo_build / "search.sqlite")
    assert digests(tmp_path / FOLDER) == digests(site / FOLDER)


def _text(page: str) -> str:
    """The words of a page's entity section, without markup or the served page's format links."""
    section = page.split('<section class="entity">', 1)[1].split("</section>", 1)[0]
    section = re.sub(r"</?(p|code|a)\b[^>]*>", " ", section.split("</p>", 1)[1])
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", section)).split())


@pytest.mark.slow
def test_static_pages_say_what_the_server_says(site: Path, demo_build: Path, tmp_path: Path) -> None:
    server = start_server(demo_build / "store", tmp_path / "stderr.txt", workers=1, cache_bytes=0)
    try:
        for name, path in (("country.kz.html", "id/country/kz"),
                           ("person.arman-beisenav.html", "id/person/arman-beisenav"),
                           ("law.kz-constitution.html", "id/law/kz-constitution")):
            served = server.get(path, {"Accept": BROWSER})
            assert served.status == 200
            assert _text((site / FOLDER / name).read_text()) == _text(served.text)
    finally:
        stop_server(server)


def test_hostile_labels_are_escaped_in_pages_and_index(tmp_path: Path) -> None:
    nt = HOSTILE_NT + ('<http://e.org/x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> '
                       '<https://w3id.org/kazkg/ontology#Country> <http://e.org/g> .\n')
    write_store(tmp_path / "store", nt.encode())
    assert write_site(tmp_path / "store", tmp_path, "http://e.org/") == 1
    files = sorted(p.name for p in (tmp_path / FOLDER).glob("*.html"))
    assert len(files) == 2
    for name in files:
        text = (tmp_path / FOLDER / name).read_text()
        assert "<img" not in text and HOSTILE not in text
        assert "<script" not in text or name == "index.html"
    assert 'href="javascript:' not in "".join((tmp_path / FOLDER / n).read_text() for n in files)


@pytest.mark.slow
def test_build_pages_from_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "out"
    run = [sys.executable, "-m", "kg", "build", str(demo_corpus_path()), "--out", str(out), "-q", "--pages"]
    done = subprocess.run(run, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "entity pages:" in done.stderr
    first = digests(out / FOLDER)
    assert 'href="entities/index.html"' in (out / "index.html").read_text()
    assert subprocess.run(run, capture_output=True, timeout=600).returncode == 0
    assert digests(out / FOLDER) == first  # byte-identical on rebuild
    assert "--pages" in subprocess.run([sys.executable, "-m", "kg", "build", "--help"],
                                       capture_output=True, text=True).stdout


@pytest.mark.slow
def test_the_index_searches_offline_and_links_to_pages(site: Path) -> None:
    viz = pytest.importorskip("test_viz_browser")  # a real headless Chromium, names resolve nowhere
    if not Path(viz.CHROMIUM).is_file():
        pytest.skip("chromium not installed")
    browser = viz.Browser()
    try:
        tools = browser.page()
        tools.call("Network.emulateNetworkConditions", offline=True, latency=0,
                   downloadThroughput=-1, uploadThroughput=-1)
        index = (site / FOLDER / "index.html").resolve()
        tools.call("Page.navigate", url=index.as_uri())
        tools.wait_for("typeof window.kgSearch === 'function' && document.readyState === 'complete'")
        tools.evaluate("const q = document.querySelector('#search input[name=q]');"
                       "q.value = 'Қазақстанның'; q.dispatchEvent(new Event('input'))")
        tools.wait_for("document.querySelectorAll('#hits a').length > 0")
        first = tools.evaluate("document.querySelector('#hits a').getAttribute('href')")
        assert first == "country.kz.html"
        assert tools.evaluate("document.getElementById('all').hidden")
        tools.evaluate("document.querySelector('#hits a').click()")
        tools.wait_for("document.querySelector('h1') && document.querySelector('h1').textContent === 'Kazakhstan'")
        # the entity page's search form goes back to the index, which runs the query it was given
        tools.evaluate("document.querySelector('#search input[name=q]').value = 'Казахстана';"
                       "document.querySelector('#search button').click()")
        time.sleep(0.5)
        tools.wait_for("document.querySelectorAll('#hits a').length > 0")
        assert tools.evaluate("document.querySelector('#hits a').getAttribute('href')") == "country.kz.html"
        tools.evaluate("1")
        seen = viz.problems(tools.events, index.as_uri())
        assert seen["errors"] == []
        root = (site / FOLDER).resolve().as_uri()
        assert [u for u in seen["requests"] if not u.startswith(root)] == []
    finally:
        browser.close()
