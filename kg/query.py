"""Run SPARQL against a built store and render the results for people or programs.

>>> import tempfile, pathlib
>>> from kg.store import write_store
>>> d = pathlib.Path(tempfile.mkdtemp()) / "store"
>>> write_store(d, b'<http://e/a> <http://www.w3.org/2000/01/rdf-schema#label> "A"@en <http://e/g> .\\n')
>>> print(render(query_store(d, "SELECT ?l WHERE { ?s ?p ?l }"), "csv"), end="")
l
A
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pyoxigraph as ox

from kg.queries import QueryInfo, bind_parameters, describe, parse_params, query_library, resolve_params
from kg.store import open_store, run_query

FORMATS = ("table", "csv", "tsv", "json")
_RESULT_FORMATS = {"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                   "json": ox.QueryResultsFormat.JSON}


def read_query(text_or_file: str) -> str:
    """The query text: the argument itself, or the content of a ``.rq``/``.sparql`` file."""
    path = Path(text_or_file)
    try:
        is_file = "\n" not in text_or_file and path.is_file()
    except OSError:  # a long one-line query is not a file name
        is_file = False
    if text_or_file.endswith((".rq", ".sparql")) or is_file:
        if not path.is_file():
            raise FileNotFoundError(f"{text_or_file}: no such query file")
        return path.read_text(encoding="utf-8")
    return text_or_file


def library_query(name_or_text: str) -> QueryInfo | None:
    """The library query (or ``.rq`` file with a header) that ``name_or_text`` names, if any."""
    text = name_or_text.strip()
    if "\n" in text or " " in text:
        return None
    library = query_library()
    if text in library:
        return library[text]
    if text.endswith(".rq") and Path(text).is_file():
        return describe(Path(text))
    return None


def run_named(store_dir: Path, sparql_name_or_file: str, params: list[str] = (),
              allow_service: tuple[str, ...] = ()):
    """Evaluate a library query by name (or a ``.rq`` file, or SPARQL text) with ``NAME=VALUE``
    parameters; labels given for ``entity``/``class`` parameters are resolved in the store."""
    info = library_query(sparql_name_or_file)
    if info is None:
        if params:
            raise ValueError("--param needs a library query or a .rq file that declares its parameters")
        return query_store(store_dir, read_query(sparql_name_or_file), allow_service)
    values = parse_params(info, list(params))
    store = open_store(store_dir)
    return run_query(store, bind_parameters(info.text, resolve_params(store, values)), allow_service)


def query_store(store_dir: Path, sparql: str, allow_service: tuple[str, ...] = ()):
    """Evaluate ``sparql`` on the store (union default graph); SERVICE only to ``allow_service``."""
    return run_query(open_store(store_dir), sparql, allow_service)


def render(result, fmt: str) -> str:
    """Results as a text table, CSV, TSV or SPARQL JSON (graphs as Turtle / N-Triples)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")
    if isinstance(result, ox.QueryBoolean):
        return json.dumps({"boolean": bool(result)}) + "\n" if fmt == "json" else f"{bool(result)}\n"
    if isinstance(result, ox.QueryTriples):
        rdf = ox.RdfFormat.N_TRIPLES if fmt in ("csv", "tsv") else ox.RdfFormat.TURTLE
        return ox.serialize(result, format=rdf).decode("utf-8")
    if fmt == "table":
        return _table(result)
    text = result.serialize(format=_RESULT_FORMATS[fmt]).decode("utf-8")
    return text.replace("\r\n", "\n")


def _table(result) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    names = [v.value for v in result.variables]
    table = Table(*names, show_lines=False)
    count = 0
    for row in result:
        table.add_row(*[Text(_cell(row[n])) for n in names])  # never markup
        count += 1
    buf = io.StringIO()
    Console(file=buf, width=160, force_terminal=False).print(table)
    return buf.getvalue() + f"{count} row(s)\n"


def _cell(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal) and term.language:
        return f"{term.value}@{term.language}"
    return term.value
