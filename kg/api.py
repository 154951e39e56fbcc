"""A small Python API for notebooks: open a build, run SPARQL, get plain Python values.

Results are lists of dictionaries with plain values: IRIs and language-tagged strings as
``str``, numbers as ``int``/``float``, booleans as ``bool``, unbound variables as ``None``.
The analysts' query library (``ontology/queries/*.rq``, documented in ``docs/QUERIES.md``)
runs by name, and its ``VALUES`` parameters can be overridden by keyword:

>>> from kg.api import open_build, IRI
>>> b = open_build("output")                                        # doctest: +SKIP
>>> b.run("coauthors", person="Arman Beisenov")    # or IRI("https://w3id.org/kazkg/id/person/...")  # doctest: +SKIP
[{'person': ..., 'coauthor': 'https://w3id.org/kazkg/id/person/janar-kalieva', 'name': 'Zhanar Kaliyeva', ...}]
>>> b.dataframe("SELECT ?iso WHERE { ?c <https://w3id.org/kazkg/ontology#isoCode> ?iso }")  # doctest: +SKIP
   iso
0   CN
...

Every network comes as a networkx graph or a configured pyvis network (offline):

>>> G = b.network("coauthorship")                                   # doctest: +SKIP
>>> net = b.pyvis("entity-comention"); net.show("comention.html", notebook=True)  # doctest: +SKIP

Parameter binding needs no store:

>>> print(bind_parameters("SELECT ?x WHERE { VALUES ?top { 5 } }", {"top": 3}))
SELECT ?x WHERE { VALUES ?top { 3 } }
>>> to_python(ox.Literal("42", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))
42
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import networkx as nx
import pyoxigraph as ox

from kg.analytics.measures import compute
from kg.analytics.networks import NETWORKS
from kg.analytics.results import NetworkResult
from kg.pages.notebook import as_networkx, as_pyvis
from kg.queries import (  # noqa: F401  (re-exported: the notebook API)
    IRI,
    UNDEF,
    Label,
    Parameter,
    QueryInfo,
    bind_parameters,
    describe,
    parse_value,
    query_library,
    query_text,
    resolve_params,
    sparql_term,
)
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
        """Run a library query by name; keyword arguments override its parameters.

        A ``str`` given for an ``entity`` or ``class`` parameter is an IRI, a prefixed name
        (``kg:Law``) or a label, resolved in the store (``person="Aigerim Sarsenbayeva"``);
        ``UNDEF`` leaves a parameter unbound.
        """
        library = query_library()
        if name not in library:
            raise KeyError(f"no query {name!r} in the library (known: {', '.join(library)})")
        info = library[name]
        declared = {p.name for p in info.parameters}
        unknown = sorted(set(params) - declared)
        if unknown:
            raise ValueError(f"{name} has no parameter ?{unknown[0]} "
                             f"(its parameters: {', '.join('?' + d for d in sorted(declared)) or 'none'})")
        typed = {p.name: p for p in info.parameters}
        values = {k: parse_value(typed[k], v, info.text)
                  if isinstance(v, str) and typed[k].type in ("entity", "class") else v
                  for k, v in params.items()}
        if any(isinstance(v, Label) for v in values.values()):
            values = resolve_params(open_store(self.store), values)
        return self.query(info.path, **values)

    def networks(self) -> list[str]:
        """The names of the networks (``coauthorship``, ``entity-comention`` ...)."""
        return [spec.name for spec in NETWORKS]

    def network_result(self, name: str) -> NetworkResult:
        """The network ``name`` built from the store and measured, as the build does."""
        specs = {spec.name: spec for spec in NETWORKS}
        if name not in specs:
            raise KeyError(f"no network {name!r} (known: {', '.join(specs)})")
        G = specs[name].build(open_store(self.store))
        return NetworkResult(specs[name], G, compute(G))

    def network(self, name: str) -> nx.Graph:
        """The network ``name`` as a networkx graph with its measures, communities, colours,
        sizes, layout and years on the nodes (see :func:`kg.pages.notebook.as_networkx`)."""
        return as_networkx(self.network_result(name))

    def pyvis(self, name: str, height: str = "750px", notebook: bool = True):
        """The network ``name`` as a configured ``pyvis.network.Network``: the page's colours,
        sizes, positions and tooltips, offline (see :func:`kg.pages.notebook.as_pyvis`)."""
        return as_pyvis(self.network_result(name), height=height, notebook=notebook)

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
