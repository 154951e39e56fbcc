"""The network pages and the dashboard in a real headless Chromium, driven over the DevTools
protocol with a tiny standard-library WebSocket client (nothing is downloaded).

Each page must draw a non-empty network, log no console error, request nothing but itself,
and show hostile labels as text without running them. Skipped when Chromium is absent
(Debian: ``apt-get install chromium``); ``KAZKG_CHROMIUM`` may name another binary.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pyoxigraph as ox
import pytest

from kg.analytics import run_analytics
from kg.pages import write_pages
from kg.analytics.networks import NETWORKS

CHROMIUM = os.environ.get("KAZKG_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-extensions", "--disable-default-apps", "--mute-audio",
         "--host-resolver-rules=MAP * ~NOTFOUND", "--window-size=1400,900",
         "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0")
PWNED = "window.__kgPwned=1;document.title='pwned'"
HOSTILE = f'<img src=x onerror="{PWNED}">'
HOSTILE_SVG = f'<svg onload="{PWNED}"></svg>'

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not Path(CHROMIUM).is_file(),
                                 reason="chromium not installed (apt-get install chromium)")]


class DevTools:
    """A DevTools-protocol session with one page, over a minimal WebSocket (RFC 6455) client."""

    def __init__(self, ws_url: str, timeout: float = 30.0):
        url = urlparse(ws_url)
        self.sock = socket.create_connection((url.hostname, url.port), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        self.sock.sendall((f"GET {url.path} HTTP/1.1\r\nHost: {url.hostname}:{url.port}\r\n"
                           "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                           f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
                          .encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("DevTools closed the handshake")
            head += chunk
        head, self.buffer = head.split(b"\r\n\r\n", 1)
        if b" 101 " not in head.split(b"\r\n", 1)[0]:
            raise ConnectionError(head.decode(errors="replace"))
        self.last_id = 0
        self.events: list[dict] = []

    def close(self) -> None:
        self.sock.close()

    def _send(self, text: str) -> None:
        payload = text.encode()
        header = bytearray([0x81])
        if len(payload) < 126:
            header.append(0x80 | len(payload))
        elif len(payload) < 65536:
            header += bytes([0x80 | 126]) + struct.pack(">H", len(payload))
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", len(payload))
        mask = os.urandom(4)
        header += mask
        self.sock.sendall(bytes(header) + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def _exactly(self, n: int) -> bytes:
        while len(self.buffer) < n:
            chunk = self.sock.recv(max(65536, n - len(self.buffer)))
            if not chunk:
                raise ConnectionError("DevTools closed the connection")
            self.buffer += chunk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def _receive(self) -> dict:
        message = b""
        while True:
            first, second = self._exactly(2)
            size = second & 0x7F
            if size == 126:
                size = struct.unpack(">H", self._exactly(2))[0]
            elif size == 127:
                size = struct.unpack(">Q", self._exactly(8))[0]
            data = self._exactly(size)
            opcode = first & 0x0F
            if opcode == 8:
                raise ConnectionError("DevTools closed the connection")
            if opcode in (0, 1, 2):
                message += data
                if first & 0x80:
                    return json.loads(message)

    def call(self, method: str, **params):
        self.last_id += 1
        self._send(json.dumps({"id": self.last_id, "method": method, "params": params}))
        while True:
            message = self._receive()
            if message.get("id") == self.last_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 90.0):
        deadline = time.monotonic() + timeout
        guarded = (f"(function () {{ try {{ return ({expression}); }}"
                   " catch (e) { return null; } })()")
        while time.monotonic() < deadline:
            value = self.evaluate(guarded)
            if value:
                return value
            time.sleep(0.2)
        raise TimeoutError(expression)


class Browser:
    """A headless Chromium with its DevTools endpoint on a free local port."""

    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="kazkg-chromium-")
        self.proc = subprocess.Popen([CHROMIUM, *FLAGS, f"--user-data-dir={self.profile}",
                                      "about:blank"], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        port_file = Path(self.profile) / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.is_file() and port_file.read_text().strip()):
            if time.monotonic() > deadline or self.proc.poll() is not None:
                self.close()
                raise RuntimeError("chromium did not start its DevTools endpoint")
            time.sleep(0.1)
        self.port = int(port_file.read_text().split()[0])

    def page(self) -> DevTools:
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}/json/new?about:blank",
                                         method="PUT")
        with urllib.request.urlopen(request, timeout=10) as resp:
            target = json.load(resp)
        tools = DevTools(target["webSocketDebuggerUrl"])
        for domain in ("Page", "Runtime", "Log", "Network"):
            tools.call(f"{domain}.enable")
        return tools

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def visit(browser: Browser, path: Path, ready: str) -> tuple[DevTools, dict]:
    """Open ``path``, wait for ``ready``; return the session and what the page did."""
    tools = browser.page()
    tools.call("Page.navigate", url=path.resolve().as_uri())
    tools.wait_for(ready)
    time.sleep(0.3)
    tools.evaluate("1")  # collect the events that arrived meanwhile
    return tools, problems(tools.events, path.resolve().as_uri())


def problems(events: list[dict], own_url: str) -> dict:
    """Console errors, uncaught exceptions and requests for anything but the page itself."""
    errors, requests, failed = [], [], []
    for e in events:
        method, params = e.get("method"), e.get("params", {})
        if method == "Runtime.exceptionThrown":
            errors.append(params["exceptionDetails"].get("text", "exception"))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            errors.append(" ".join(str(a.get("value", a.get("description")))
                                   for a in params.get("args", [])))
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            errors.append(params["entry"]["text"])
        elif method == "Network.requestWillBeSent":
            url = params["request"]["url"]
            if url != own_url and not url.startswith(("data:", "blob:", "about:")):
                requests.append(url)
        elif method == "Network.loadingFailed":
            failed.append(params.get("errorText"))
    return {"errors": errors, "requests": requests, "failed": failed}


SAMPLE = f"""
@prefix schema: <http://schema.org/> .
@prefix kg: <https://w3id.org/kazkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix e: <http://example.org/> .
e:A1 a schema:ScholarlyArticle ; rdfs:label {json.dumps(HOSTILE_SVG)}@en ;
    schema:author e:P1 , e:P2 , e:P3 ; schema:about e:K1 , e:K2 ; schema:mentions e:kz , e:law .
e:A2 a schema:ScholarlyArticle ; rdfs:label "Екінші мақала"@kk ;
    schema:author e:P1 , e:P4 ; schema:about e:K1 , e:K3 ; schema:mentions e:kz , e:gb , e:I1 .
e:P1 a kg:Person ; rdfs:label "Асель Нұрова"@kk , "Asel Nurova"@en .
e:P2 a kg:Person ; rdfs:label {json.dumps(HOSTILE)}@en .
e:P3 a kg:Person ; rdfs:label "Ерлан Әлиев"@kk .
e:P4 a kg:Person ; rdfs:label "Dana Omar"@en .
e:I1 a kg:Institution ; rdfs:label {json.dumps(HOSTILE)}@kk ; kg:country e:kz .
e:I2 a kg:Institution ; rdfs:label "University of Cambridge"@en ; kg:country e:gb .
e:kz a kg:Country ; rdfs:label "Қазақстан"@kk .
e:gb a kg:Country ; rdfs:label {json.dumps(HOSTILE_SVG)}@kk .
e:law a kg:Law ; rdfs:label "Конституция"@kk .
e:K1 a kg:Keyword ; rdfs:label "цифрландыру"@kk .
e:K2 a kg:Keyword ; rdfs:label {json.dumps(HOSTILE)}@kk .
e:K3 a kg:Keyword ; rdfs:label "азаматтық қоғам"@kk .
e:f1 a kg:AffiliationEvent ; kg:affiliationArticle e:A1 ; kg:affiliationPerson e:P1 ;
    kg:affiliationInstitution e:I1 .
e:f2 a kg:AffiliationEvent ; kg:affiliationArticle e:A1 ; kg:affiliationPerson e:P2 ;
    kg:affiliationInstitution e:I2 .
e:m1 a kg:Mention ; kg:mentionOf e:kz ; kg:mentionIn e:A1 ; kg:sentenceText "S" .
e:m2 a kg:Mention ; kg:mentionOf e:law ; kg:mentionIn e:A1 ; kg:sentenceText "S" .
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    store = ox.Store()
    store.load(input=SAMPLE, format=ox.RdfFormat.TURTLE)
    out = tmp_path_factory.mktemp("site")
    results = run_analytics(store, out, "https://w3id.org/kazkg/id/").results
    write_pages(results, out, [{"source": HOSTILE, "id": "x", "languages": ["kk"]}])
    return out


@pytest.fixture(scope="module")
def browser():
    b = Browser()
    yield b
    b.close()


NOT_RUN = "window.__kgPwned === undefined && document.title !== 'pwned'"


@pytest.mark.parametrize("name", [spec.name for spec in NETWORKS])
def test_network_page_renders_offline_and_safely(browser, site, name):
    tools, seen = visit(browser, site / "networks" / f"{name}.html",
                        "document.body.getAttribute('data-state') === 'ready'")
    try:
        assert seen == {"errors": [], "requests": [], "failed": []}
        assert tools.evaluate("document.querySelectorAll('#network canvas').length") == 1
        assert tools.evaluate("document.querySelector('#network canvas').width") > 100
        nodes = tools.evaluate("kgNetwork.body.data.nodes.length")
        assert nodes >= 2 and tools.evaluate("kgNetwork.body.data.edges.length") >= 1
        assert tools.evaluate("Object.keys(kgNetwork.getPositions()).length") == nodes
        assert tools.evaluate("document.getElementById('legend').children.length") >= 1
        # hostile labels: search, select and show every node's details and tooltip content
        tools.evaluate("""(function () {
            var s = document.getElementById('search');
            s.value = '<'; s.dispatchEvent(new Event('change'));
            kgNetwork.body.data.nodes.forEach(function (n) {
              document.getElementById('details').appendChild(n.title.cloneNode(true)); });
            ['filter-type', 'colour-by'].forEach(function (id) {
              var el = document.getElementById(id);
              el.selectedIndex = el.options.length - 1; el.dispatchEvent(new Event('change')); });
          })()""")
        time.sleep(0.3)
        assert tools.evaluate(NOT_RUN)
        assert tools.evaluate("document.querySelectorAll('img, svg, iframe').length") == 0
        assert tools.evaluate("kgNetwork.getSelectedNodes().length") >= 1  # the search found it
        links = "document.querySelectorAll('#details a[href^=\"http://example.org/A\"]').length"
        assert tools.evaluate(links) >= 1  # the details list the node's articles as links
        text = tools.evaluate("document.body.innerText")
        assert "<img src=x onerror=" in text or "<svg onload=" in text  # shown as text
        tools.evaluate("1")
        own = (site / "networks" / f"{name}.html").resolve().as_uri()
        assert problems(tools.events, own) == {"errors": [], "requests": [], "failed": []}
    finally:
        tools.close()


def test_hover_tooltip_shows_a_hostile_label_as_text(browser, site):
    tools, _ = visit(browser, site / "networks" / "coauthorship.html",
                     "document.body.getAttribute('data-state') === 'ready'")
    try:
        point = tools.evaluate("""(function () {
            var p = kgNetwork.getPositions(['http://example.org/P2'])['http://example.org/P2'];
            var d = kgNetwork.canvasToDOM(p), r = document.querySelector('#network canvas')
              .getBoundingClientRect();
            return [d.x + r.left, d.y + r.top]; })()""")
        for dx in (0, 1, 0):
            tools.call("Input.dispatchMouseEvent", type="mouseMoved", x=point[0] + dx, y=point[1])
            time.sleep(0.3)
        tip = tools.wait_for("(function () { var t = document.querySelector('.vis-tooltip');"
                             " return t && t.style.visibility === 'visible' && t.innerText; })()",
                             timeout=10)
        assert HOSTILE in tip
        assert tools.evaluate(NOT_RUN)
        assert tools.evaluate("document.querySelectorAll('.vis-tooltip img').length") == 0
    finally:
        tools.close()


def test_dashboard_renders_offline_and_safely(browser, site):
    tools, seen = visit(browser, site / "index.html", "document.readyState === 'complete'")
    try:
        assert seen == {"errors": [], "requests": [], "failed": []}
        assert tools.evaluate(NOT_RUN)
        assert tools.evaluate("document.querySelectorAll('img, svg').length") == 0
        links = tools.evaluate("Array.from(document.querySelectorAll('a[href$=\".html\"]'))"
                               ".map(function (a) { return a.getAttribute('href'); })")
        assert links == [f"networks/{spec.name}.html" for spec in NETWORKS]
        assert HOSTILE in tools.evaluate("document.body.innerText")
    finally:
        tools.close()
