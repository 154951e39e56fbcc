"""``/search?q=``: full-text search of the build (:mod:`kg.search`) from ``kg serve``.

Answers a JSON array of hits (``iri``, ``label``, ``field``, ``text`` and ``href``, the path of
the entity page), or, for a browser (``Accept: text/html`` or ``format=html``), an HTML list of
links with a search form. ``limit`` (default 20, at most 200) bounds the hits; ``prefix=1`` lets
the last word be the start of a word (the query editor completes entity labels this way).

>>> import asyncio, tempfile, pathlib
>>> reply = asyncio.run(search_reply(pathlib.Path(tempfile.mkdtemp()) / "none.sqlite", "x", "", None, "20",
...                                  Links("http://e/")))
>>> reply.status
404
"""

from __future__ import annotations

import asyncio
import json
from html import escape
from pathlib import Path

from kg.search import search
from kg.server.entities import Links, entity_policy, page_document, wants_html
from kg.server.workers import Reply, text_reply

MAX_LIMIT = 200


async def search_reply(index: Path, query: str, accept: str, fmt: str | None, limit: str | None,
                       links: Links, prefix: bool = False) -> Reply:
    """The answer to ``/search?q=query``: hits as JSON or HTML; 400 on a bad limit, 404 without index."""
    try:
        count = int(limit or 20)
        if not 1 <= count <= MAX_LIMIT:
            raise ValueError
    except ValueError:
        return text_reply(400, f"limit must be a whole number from 1 to {MAX_LIMIT}")
    try:
        hits = await asyncio.to_thread(search, index, query, count, prefix) if query.strip() else []
    except FileNotFoundError as err:
        return text_reply(404, str(err))
    if not wants_html(accept, fmt):
        body = [{**h.__dict__, "href": links.href(h.iri)} for h in hits]
        return Reply(200, "application/json", json.dumps(body, ensure_ascii=False).encode(),
                     (("Vary", "Accept"),))
    items = "\n".join(
        f'<li><a href="{escape(links.href(h.iri))}">{escape(h.label or h.iri)}</a>'
        f"<small>{escape(h.field)}: {escape(' '.join(h.text.split())[:200])}</small></li>" for h in hits)
    shown = f"<ul id=\"hits\">{items}</ul>" if hits else ("<p>No match.</p>" if query.strip() else "")
    html = page_document(f"Search: {query}" if query.strip() else "Search", shown, query)
    return Reply(200, "text/html; charset=utf-8", html.encode(),
                 (("Vary", "Accept"), ("Content-Security-Policy", entity_policy())))
