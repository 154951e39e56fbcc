"""``/queries/NAME``: the text of a library query, with its parameters bound from the URL.

``/queries/coauthors?person=Aigerim%20Sarsenbayeva`` answers the query text with
``VALUES ?person { <https://w3id.org/kazkg/id/person/...> }``: a label given for an ``entity`` or
``class`` parameter is looked up by a SPARQL query run like any other (``run``), so the
query page can offer a form per parameter and still send plain SPARQL to ``/sparql``.

>>> import asyncio
>>> from kg.queries import query_library
>>> info = query_library()["top-entities-by-type"]
>>> reply = asyncio.run(bound_query(info, {"top": "2"}, None))
>>> reply.status, b"VALUES ?top { 2 }" in reply.body
(200, True)
>>> asyncio.run(bound_query(info, {"top": "many"}, None)).status
400
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping

from kg.queries import Label, QueryInfo, bind_parameters, label_query, parse_params, pick_iri
from kg.server.workers import Job, Reply, text_reply

Runner = Callable[[Job], Awaitable[Reply]]
_JSON = "application/sparql-results+json"


async def resolve(label: Label, run: Runner) -> object:
    """The IRI a label names, found by a query through ``run`` (a worker pool)."""
    reply = await run(Job(label_query(label), _JSON))
    if reply.status != 200:
        raise ValueError(reply.body.decode("utf-8", "replace").strip())
    rows = json.loads(reply.body)["results"]["bindings"]
    return pick_iri(label, [r["s"]["value"] for r in rows])


async def bound_query(info: QueryInfo, values: Mapping[str, str], run: Runner | None) -> Reply:
    """The text of ``info`` with ``values`` (raw strings by parameter name) bound, or a 400."""
    try:
        params = parse_params(info, [f"{k}={v}" for k, v in values.items()])
        for name, value in params.items():
            if isinstance(value, Label):
                if run is None:
                    raise ValueError(f"cannot look up the label {value.text!r} here")
                params[name] = await resolve(value, run)
        text = bind_parameters(info.text, params)
    except ValueError as err:
        return text_reply(400, str(err))
    return Reply(200, "application/sparql-query; charset=utf-8", text.encode("utf-8"))
