"""HTML pages of a build: one interactive page per network and the dashboard linking everything.

>>> import tempfile, pathlib, pyoxigraph as ox
>>> from kg.analytics import run_analytics
>>> store = ox.Store()
>>> store.load(input='''@prefix s: <http://schema.org/> .
...   <http://e/a1> a s:ScholarlyArticle ; s:author <http://e/p1> , <http://e/p2> .''',
...   format=ox.RdfFormat.TURTLE)
>>> out = pathlib.Path(tempfile.mkdtemp())
>>> results = run_analytics(store, out, "https://w3id.org/kazkg/id/").results
>>> write_pages(results, out, [])[:2]
('networks/coauthorship.html', 'networks/institution-collaboration.html')
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kg.analytics.results import NetworkResult
from kg.fsutil import write_atomic
from kg.pages.dashboard import index_page
from kg.pages.network import network_page


def write_pages(results: Sequence[NetworkResult], out_dir: Path, inputs: list[dict],
                entity_pages: bool = False) -> tuple[str, ...]:
    """Write ``networks/<network>.html`` per network and ``index.html``; return their paths.

    ``inputs`` is what the dashboard lists as the build's inputs (one dict per input file);
    ``entity_pages``: the dashboard links to ``entities/index.html`` (:mod:`kg.pages.site`).
    """
    out_dir = Path(out_dir)
    files = []
    for r in results:
        path = f"networks/{r.name}.html"
        write_atomic(out_dir / path, network_page(r))
        files.append(path)
    write_atomic(out_dir / "index.html", index_page(results, inputs, entity_pages=entity_pages))
    files.append("index.html")
    return tuple(files)
