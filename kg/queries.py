"""The analysts' query library (``ontology/queries/*.rq``) and parameters bound into queries.

Each ``.rq`` file declares a ``# title:``, a ``# description:`` and its ``# parameter:`` lines
in a header comment; a parameter is a ``VALUES ?name { default }`` block the caller may replace.

>>> print(bind_parameters("SELECT ?x WHERE { VALUES ?top { 5 } }", {"top": 3}))
SELECT ?x WHERE { VALUES ?top { 3 } }
>>> "coauthors" in query_library()
True
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.rdf.ontology import queries_dir

_XSD = "http://www.w3.org/2001/XMLSchema#"
_HEADER = re.compile(r"^#\s*(title|description|parameter)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"^\?(\w+)\s*(?:—|--|-|:)\s*(.*)$")



@dataclass(frozen=True)
class IRI:
    """An IRI to bind to a query parameter (plain ``str`` values bind as string literals).

    >>> IRI("https://w3id.org/kazkg/id/country/kz").sparql()
    '<https://w3id.org/kazkg/id/country/kz>'
    """

    value: str

    def __post_init__(self) -> None:
        if not self.value or re.search(r'[\s<>"{}|^`\\]', self.value):
            raise ValueError(f"not a valid IRI: {self.value!r}")

    def sparql(self) -> str:
        return f"<{self.value}>"


@dataclass(frozen=True)
class Parameter:
    """A parameter declared by a ``# parameter: ?name — meaning, default ...`` header line."""

    name: str
    doc: str


@dataclass(frozen=True)
class QueryInfo:
    """A library query: its name (file stem), file, and header comments."""

    name: str
    path: Path
    title: str
    description: str
    parameters: tuple[Parameter, ...] = ()

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


def query_library(folder: Path | None = None) -> dict[str, QueryInfo]:
    """Every ``*.rq`` file of the library (default: the shipped one) by name (file stem), sorted."""
    folder = Path(folder) if folder else queries_dir()
    return {p.stem: describe(p) for p in sorted(folder.glob("*.rq"))}


def describe(path: Path) -> QueryInfo:
    """Read the ``# title:``, ``# description:`` and ``# parameter:`` header of a ``.rq`` file.

    Header lines are the comment lines at the top of the file; a ``#`` line indented by more
    than one space continues the previous header value.
    """
    path = Path(path)
    fields: dict[str, str] = {}
    params: list[list[str]] = []
    last: str | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        m = _HEADER.match(line)
        if m:
            key, value = m.groups()
            if key == "parameter":
                params.append([value])
            else:
                fields[key] = value
            last = key
        elif last and re.match(r"^#\s{2,}\S", line):
            more = line[1:].strip()
            if last == "parameter":
                params[-1].append(more)
            else:
                fields[last] += " " + more
        else:
            last = None
    parsed = []
    for chunks in params:
        m = _PARAM.match(" ".join(chunks))
        if not m:
            raise ValueError(f"{path.name}: bad parameter line {' '.join(chunks)!r}")
        parsed.append(Parameter(m.group(1), m.group(2)))
    return QueryInfo(path.stem, path, fields.get("title", ""), fields.get("description", ""),
                     tuple(parsed))


def sparql_term(value: Any) -> str:
    """A Python value written as a SPARQL term (for ``VALUES`` bindings).

    >>> [sparql_term(v) for v in ("Law", 3, 2.5, True, IRI("http://e/x"))]
    ['"Law"', '3', '2.5e0', 'true', '<http://e/x>']
    """
    if isinstance(value, IRI):
        return value.sparql()
    if isinstance(value, (ox.NamedNode, ox.Literal)):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            text = "NaN" if math.isnan(value) else ("INF" if value > 0 else "-INF")
            return f'"{text}"^^<{_XSD}double>'
        mantissa, _, exponent = repr(value).partition("e")
        return f"{mantissa}e{exponent or 0}"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    raise TypeError(f"cannot bind {type(value).__name__} value {value!r} in SPARQL")


def bind_parameters(sparql: str, params: Mapping[str, Any]) -> str:
    """Replace the default of each ``VALUES ?name { ... }`` block named in ``params``.

    Raises ``ValueError`` for a parameter that the query does not declare with ``VALUES``.
    """
    for name, value in params.items():
        pattern = re.compile(r"(VALUES\s+\?" + re.escape(name) + r"\s*\{)[^}]*(\})", re.IGNORECASE)
        m = pattern.search(sparql)
        if not m:
            raise ValueError(f"the query has no parameter ?{name} (no `VALUES ?{name} {{ ... }}`)")
        sparql = f"{sparql[:m.start()]}{m.group(1)} {sparql_term(value)} {m.group(2)}{sparql[m.end():]}"
    return sparql


def query_text(sparql_or_rq_path: str | Path) -> str:
    """The SPARQL text: read from a ``Path`` or a one-line ``*.rq``/``*.sparql`` name, else as is.

    >>> query_text("ASK { ?s ?p ?o }")
    'ASK { ?s ?p ?o }'
    """
    if isinstance(sparql_or_rq_path, Path):
        return sparql_or_rq_path.read_text(encoding="utf-8")
    text = sparql_or_rq_path.strip()
    if "\n" not in text and text.endswith((".rq", ".sparql")):
        path = Path(text)
        if not path.is_file():
            raise FileNotFoundError(f"{text}: no such query file")
        return path.read_text(encoding="utf-8")
    return sparql_or_rq_path
