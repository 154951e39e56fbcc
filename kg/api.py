"""A small Python API for notebooks: open a build, run SPARQL, get plain Python values.

Results are lists of dictionaries with plain values: IRIs and language-tagged strings as
``str``, numbers as ``int``/``float``, booleans as ``bool``, unbound variables as ``None``.
The analysts' query library (``ontology/queries/*.rq``, documented in ``docs/QUERIES.md``)
runs by name, and its ``VALUES`` parameters can be overridden by keyword:

>>> from kg.api import open_build, IRI
>>> b = open_build("output")                                        # doctest: +SKIP
>>> b.run("coauthors", person=IRI("https://w3id.org/kazkg/id/person/arman-beisenov"))  # doctest: +SKIP
[{'coauthor': 'https://w3id.org/kazkg/id/person/zhanar-kaliyeva', 'name': 'Zhanar Kaliyeva', ...}]
>>> b.dataframe("SELECT ?iso WHERE { ?c <https://w3id.org/kazkg/ontology#isoCode> ?iso }")  # doctest: +SKIP
   iso
0   CN
...

Parameter binding needs no store:

>>> print(bind_parameters("SELECT ?x WHERE { VALUES ?top { 5 } }", {"top": 3}))
SELECT ?x WHERE { VALUES ?top { 3 } }
>>> to_python(ox.Literal("42", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))
42
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from kg.rdf.ontology import queries_dir
from kg.store import open_store, run_query

if TYPE_CHECKING:  # pragma: no cover
    import pandas

Value = str | int | float | None
Row = dict[str, Value]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = frozenset(_XSD + t for t in (
    "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt", "unsignedShort",
    "unsignedByte"))
_FLOATS = frozenset(_XSD + t for t in ("decimal", "double", "float"))
_BOOLEAN = _XSD + "boolean"
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


def to_python(term: Any) -> Value:
    """A pyoxigraph term as a plain Python value (``None`` for an unbound variable).

    >>> to_python(ox.NamedNode("http://e/x")), to_python(ox.Literal("Астана", language="kk"))
    ('http://e/x', 'Астана')
    >>> to_python(ox.Literal("1.5", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")))
    1.5
    """
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        try:
            if datatype in _INTEGERS:
                return int(term.value)
            if datatype in _FLOATS:
                return float(term.value)
        except ValueError:  # an ill-typed literal stays text
            return term.value
        if datatype == _BOOLEAN:
            return term.value in ("true", "1")
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.NamedNode):
        return term.value
    return str(term)


@dataclass(frozen=True)
class Build:
    """A finished ``kg build`` output folder: its store and manifest.

    The store is opened read-only for each query, so a rebuild in another process is seen
    by the next query.
    """

    path: Path
    manifest: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def store(self) -> Path:
        return self.path / "store"

    def query(self, sparql_or_rq_path: str | Path, **params: Any) -> list[Row]:
        """Rows of a query (text or ``.rq`` file) as dictionaries of plain Python values.

        Keyword arguments override the query's ``VALUES`` parameters. SELECT gives one
        dictionary per row (every variable present, ``None`` when unbound); ASK gives
        ``[{"boolean": True|False}]``; CONSTRUCT/DESCRIBE give ``subject``/``predicate``/``object``.
        """
        return self._select(sparql_or_rq_path, params)[1]

    def dataframe(self, sparql_or_rq_path: str | Path, **params: Any) -> pandas.DataFrame:
        """The rows of :meth:`query` as a pandas DataFrame (pandas is optional: kazkg does not install it)."""
        try:
            import pandas  # deferred: an optional dependency, imported only when asked for
        except ImportError:
            raise ImportError(
                "Build.dataframe needs pandas, which kazkg does not install; "
                "run `pip install pandas` (or use Build.query, which returns plain lists)"
            ) from None
        columns, rows = self._select(sparql_or_rq_path, params)
        return pandas.DataFrame(rows, columns=columns)

    def queries(self) -> dict[str, Path]:
        """The library's queries by name (``top-institutions`` ...), as ``.rq`` paths."""
        return {name: info.path for name, info in query_library().items()}

    def run(self, name: str, **params: Any) -> list[Row]:
        """Run a library query by name; keyword arguments override its parameters."""
        library = query_library()
        if name not in library:
            raise KeyError(f"no query {name!r} in the library (known: {', '.join(library)})")
        info = library[name]
        declared = {p.name for p in info.parameters}
        unknown = sorted(set(params) - declared)
        if unknown:
            raise ValueError(f"{name} has no parameter ?{unknown[0]} "
                             f"(its parameters: {', '.join('?' + d for d in sorted(declared)) or 'none'})")
        return self.query(info.path, **params)

    def _select(self, sparql_or_rq_path: str | Path, params: Mapping[str, Any]
                ) -> tuple[list[str], list[Row]]:
        sparql = query_text(sparql_or_rq_path)
        if params:
            sparql = bind_parameters(sparql, params)
        result = run_query(open_store(self.store), sparql)
        if isinstance(result, ox.QueryBoolean):
            return ["boolean"], [{"boolean": bool(result)}]
        if isinstance(result, ox.QueryTriples):
            names = ["subject", "predicate", "object"]
            return names, [dict(zip(names, map(to_python, (t.subject, t.predicate, t.object))))
                           for t in result]
        names = [v.value for v in result.variables]
        return names, [{n: to_python(row[n]) for n in names} for row in result]


def open_build(path: str | Path = "output") -> Build:
    """Open the output folder of ``kg build`` (the folder holding ``store/`` and ``manifest.json``).

    Raises ``FileNotFoundError`` when the folder has no store.
    """
    path = Path(path)
    if not (path / "store").is_dir():
        if path.name == "store" and path.is_dir():
            path = path.parent
        else:
            raise FileNotFoundError(f"{path}: no build here (no store/; run `kg build --out {path}`)")
    manifest_file = path / "manifest.json"
    manifest = json.loads(manifest_file.read_text(encoding="utf-8")) if manifest_file.is_file() else {}
    return Build(path, MappingProxyType(manifest))
