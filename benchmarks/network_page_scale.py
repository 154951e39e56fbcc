"""A big network page in headless Chromium: time to first layout, console errors, memory.

Run from the repo root::

    .venv/bin/python benchmarks/network_page_scale.py [--entities 5000] [--articles 3000]
    .venv/bin/python benchmarks/network_page_scale.py --pages output/networks --shots /tmp/shots

Synthetic articles each name 3–8 entities drawn with a Zipf-like skew (every entity at least
once), dated 2010–2024, with one sentence per article and entity; they are projected as the
entity co-mention network is, measured, laid out and written as a page (timed), then opened
in Chromium (networking off) with the DevTools protocol. "First layout" is the time from
navigation to the first drawing of the laid-out network (``window.kgReadyAt``, the page's
own clock). With ``--pages``, every ``*.html`` of a folder is opened instead, and with
``--shots`` a PNG screenshot of each is saved. The load average is printed: the machine is
shared, so the figures are noisy.
"""

from __future__ import annotations

import argparse
import base64
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def synthetic(entities: int, articles: int, seed: int = 1):
    """A measured co-mention-like NetworkResult of ``entities`` nodes."""
    from kg.analytics.measures import compute
    from kg.analytics.networks import NETWORKS, project
    from kg.analytics.results import NetworkResult

    rng = random.Random(seed)
    weights = [1.0 / (i + 1) ** 0.8 for i in range(entities)]
    incidence: dict[str, set[str]] = {f"http://e/a{a:05d}": set() for a in range(articles)}
    names = list(incidence)
    for i in range(entities):
        incidence[names[i % articles]].add(f"http://e/n{i:05d}")
    for a in names:
        incidence[a].update(f"http://e/n{i:05d}" for i in
                            rng.choices(range(entities), weights, k=rng.randint(2, 7)))
    G = project(incidence)
    kinds = ("person", "institution", "country", "region", "law", "program")
    sentences: dict[str, list] = {}
    for a, members in incidence.items():
        text = "Sentence naming " + ", ".join(sorted(members)) + "."
        for n in members:
            sentences.setdefault(n, []).append((a, text))
    for n, data in G.nodes(data=True):
        data.update(label=f"Entity {n[-5:]}", labels={"en": f"Entity {n[-5:]}",
                                                      "kk": f"Нысан {n[-5:]}"},
                    type=kinds[int(n[-5:]) % len(kinds)])
    G.graph.update(article_titles={a: {"en": f"Article {a[-5:]}"} for a in names},
                   article_years={a: 2010 + i % 15 for i, a in enumerate(names)},
                   article_authors={a: [f"Author {i % 97}"] for i, a in enumerate(names)},
                   mention_sentences={n: sorted(s) for n, s in sentences.items()})
    spec = next(s for s in NETWORKS if s.name == "entity-comention")
    return NetworkResult(spec, G, compute(G))


def open_page(browser, path: Path, shot: Path | None = None) -> dict:
    from test_viz_browser import problems

    tools = browser.page()
    try:
        start = time.perf_counter()
        tools.call("Page.navigate", url=path.resolve().as_uri())
        tools.wait_for("document.body && document.body.getAttribute('data-state') === 'ready'",
                       timeout=180)
        wall = time.perf_counter() - start
        ready = tools.evaluate("window.kgReadyAt || performance.now()")
        time.sleep(0.5)
        tools.call("Performance.enable")
        metrics = {m["name"]: m["value"] for m in tools.call("Performance.getMetrics")["metrics"]}
        seen = problems(tools.events, path.resolve().as_uri())
        figures = {"page": path.name, "MB": round(path.stat().st_size / 1e6, 2),
                   "first_layout_s": round(ready / 1000, 2), "wall_s": round(wall, 2),
                   "nodes": tools.evaluate("kgNetwork.body.data.nodes.length"),
                   "edges": tools.evaluate("kgNetwork.body.data.edges.length"),
                   "js_heap_MB": round(metrics.get("JSHeapUsedSize", 0) / 1e6, 1),
                   "errors": seen["errors"], "requests": seen["requests"]}
        if shot is not None:
            image = tools.call("Page.captureScreenshot", format="png")["data"]
            shot.write_bytes(base64.b64decode(image))
            figures["shot"] = str(shot)
        return figures
    finally:
        tools.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entities", type=int, default=5000)
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--pages", type=Path, help="open every *.html page of this folder")
    parser.add_argument("--shots", type=Path, help="save a screenshot of each page here")
    args = parser.parse_args()
    from test_viz_browser import Browser

    print(f"load {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if args.pages:
        pages = sorted(args.pages.glob("*.html"))
    else:
        from kg.pages.network import network_page

        t0 = time.perf_counter()
        r = synthetic(args.entities, args.articles)
        t1 = time.perf_counter()
        text = network_page(r)
        t2 = time.perf_counter()
        print(f"synthetic: {len(r.graph)} nodes, {r.graph.number_of_edges()} edges; built and "
              f"measured in {t1 - t0:.2f} s; layout + page in {t2 - t1:.2f} s")
        folder = Path(tempfile.mkdtemp(prefix="kazkg-scale-"))
        pages = [folder / "entity-comention-5000.html"]
        pages[0].write_text(text, encoding="utf-8")
    if args.shots:
        args.shots.mkdir(parents=True, exist_ok=True)
    browser = Browser()
    try:
        for page in pages:
            shot = args.shots / f"{page.stem}.png" if args.shots else None
            print(open_page(browser, page, shot))
    finally:
        browser.close()


if __name__ == "__main__":
    main()
