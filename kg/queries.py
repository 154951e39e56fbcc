"""The analysts' query library (``ontology/queries/*.rq``) and parameters bound into queries.

Each ``.rq`` file declares a ``# title:``, a ``# description:`` and its parameters in a header
comment, one ``# parameter: ?name : type = default — meaning`` line each; a parameter is a
``VALUES ?name { default }`` block the caller may replace. Types (:data:`PARAMETER_TYPES`):
``entity`` and ``class`` take an IRI, a prefixed name or a label (resolved to the IRI by
:func:`resolve_label`), ``string``, ``integer``, ``decimal``, ``boolean``; ``UNDEF`` leaves the
variable unbound (every value).

>>> print(bind_parameters("SELECT ?x WHERE { VALUES ?top { 5 } }", {"top": 3}))
SELECT ?x WHERE { VALUES ?top { 3 } }
>>> info = query_library()["coauthors"]
>>> [(p.name, p.type, p.default) for p in info.parameters]
[('person', 'entity', 'UNDEF')]
>>> parse_value(info.parameters[0], "<https://w3id.org/kazkg/id/person/x>", info.text)
IRI(value='https://w3id.org/kazkg/id/person/x')
>>> parse_value(info.parameters[0], "Aigerim Sarsenbayeva", info.text)
Label(text='Aigerim Sarsenbayeva', kind='entity')
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
_PARAM = re.compile(r"^\?(\w+)\s*:\s*(\w+)\s*=\s*(.+?)\s+(?:—|--)\s+(.*)$")
_PREFIX = re.compile(r"^\s*PREFIX\s+([\w-]*):\s*<([^>]*)>", re.IGNORECASE | re.MULTILINE)
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"



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
class Label:
    """A label standing for an IRI (of an ``entity`` or a ``class``), resolved against a store."""

    text: str
    kind: str = "entity"


class _Undef:
    """``UNDEF``: the parameter's variable stays unbound (every value matches)."""

    def __repr__(self) -> str:
        return "UNDEF"


UNDEF = _Undef()

#: Parameter types: name -> (what the header says it takes, parser of a command-line value).
PARAMETER_TYPES: dict[str, str] = {
    "entity": "an IRI (<...> or prefix:name) or a label of an entity in any language",
    "class": "a class IRI (<...> or prefix:Name, e.g. kg:Law) or a class label",
    "string": "a text (a regular expression where the query says so)",
    "integer": "a whole number",
    "decimal": "a number",
    "boolean": "true or false",
}


@dataclass(frozen=True)
class Parameter:
    """A parameter declared by a ``# parameter: ?name : type = default — meaning`` header line."""

    name: str
    type: str
    default: str
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
            raise ValueError(f"{path.name}: bad parameter line {' '.join(chunks)!r} "
                             "(expected `?name : type = default — meaning`)")
        if m.group(2) not in PARAMETER_TYPES:
            raise ValueError(f"{path.name}: ?{m.group(1)} has unknown type {m.group(2)!r} "
                             f"(known: {', '.join(PARAMETER_TYPES)})")
        parsed.append(Parameter(*m.groups()))
    return QueryInfo(path.stem, path, fields.get("title", ""), fields.get("description", ""),
                     tuple(parsed))


def sparql_term(value: Any) -> str:
    """A Python value written as a SPARQL term (for ``VALUES`` bindings).

    >>> [sparql_term(v) for v in ("Law", 3, 2.5, True, IRI("http://e/x"))]
    ['"Law"', '3', '2.5e0', 'true', '<http://e/x>']
    """
    if isinstance(value, IRI):
        return value.sparql()
    if value is UNDEF:
        return "UNDEF"
    if isinstance(value, Label):
        raise TypeError(f"the label {value.text!r} must be resolved to an IRI first (resolve_label)")
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


def prefixes(sparql: str) -> dict[str, str]:
    """The ``PREFIX`` declarations of a query.

    >>> prefixes("PREFIX kg: <https://w3id.org/kazkg/ontology#>\\nSELECT * {}")
    {'kg': 'https://w3id.org/kazkg/ontology#'}
    """
    return dict(_PREFIX.findall(sparql))


def parse_value(param: Parameter, raw: str, sparql: str = "") -> Any:
    """A command-line value for ``param`` (prefixed names expand with the query's prefixes).

    >>> p = Parameter("top", "integer", "5", "the largest rank")
    >>> parse_value(p, "3"), parse_value(p, "UNDEF")
    (3, UNDEF)
    >>> parse_value(Parameter("t", "class", "kg:Law", ""), "kg:Country", "PREFIX kg: <http://k#>")
    IRI(value='http://k#Country')
    """
    raw = raw.strip()
    if raw == "UNDEF":
        return UNDEF
    kind = param.type
    try:
        if kind == "integer":
            return int(raw)
        if kind == "decimal":
            return float(raw)
    except ValueError:
        raise ValueError(f"?{param.name} takes {PARAMETER_TYPES[kind]}, not {raw!r}") from None
    if kind == "boolean":
        if raw.lower() not in ("true", "false"):
            raise ValueError(f"?{param.name} takes true or false, not {raw!r}")
        return raw.lower() == "true"
    if kind == "string":
        return raw
    if raw.startswith("<") and raw.endswith(">"):
        return IRI(raw[1:-1])
    if re.match(r"^(https?|urn|mailto):\S+$", raw):
        return IRI(raw)
    prefix, colon, local = raw.partition(":")
    known = prefixes(sparql)
    if colon and prefix in known and re.match(r"^[\w.-]*$", local):
        return IRI(known[prefix] + local)
    if not raw:
        raise ValueError(f"?{param.name}: an empty value")
    return Label(raw, kind)


def parse_params(info: QueryInfo, pairs: list[str]) -> dict[str, Any]:
    """``name=value`` pairs from the command line, typed by the query's declarations.

    >>> parse_params(query_library()["top-entities-by-type"], ["top=2"])
    {'top': 2}
    """
    declared = {p.name: p for p in info.parameters}
    values: dict[str, Any] = {}
    for pair in pairs:
        name, eq, raw = pair.partition("=")
        name = name.strip().lstrip("?")
        if not eq or not name:
            raise ValueError(f"a parameter is NAME=VALUE, not {pair!r}")
        if name not in declared:
            known = ", ".join(declared) or "none"
            raise ValueError(f"{info.name} has no parameter {name!r} (its parameters: {known})")
        values[name] = parse_value(declared[name], raw, info.text)
    return values


def label_query(label: Label) -> str:
    """The SPARQL that finds what ``label`` names (rdfs:label, skos:prefLabel or altLabel, any
    language, case-insensitive); classes for a ``class`` label, other things otherwise.

    >>> "owl#Class" in label_query(Label("Law", "class"))
    True
    """
    text = json.dumps(label.text.casefold(), ensure_ascii=False)
    kind = ("?s a ?c . VALUES ?c { <http://www.w3.org/2002/07/owl#Class> <" + _RDFS + "Class> }"
            if label.kind == "class" else
            "FILTER NOT EXISTS { ?s a <http://www.w3.org/2002/07/owl#Class> }")
    return (f"SELECT DISTINCT ?s WHERE {{ ?s <{_RDFS}label>|<{_SKOS}prefLabel>|<{_SKOS}altLabel> ?l "
            f"FILTER(LCASE(STR(?l)) = {text}) {kind} }} ORDER BY ?s LIMIT 6")


def pick_iri(label: Label, found: list[str]) -> IRI:
    """The one IRI a label names, or a ``ValueError`` saying none or which ones.

    >>> pick_iri(Label("x"), ["http://e/a"])
    IRI(value='http://e/a')
    """
    if not found:
        raise ValueError(f"no {label.kind} is labelled {label.text!r} (give its IRI, or check `kg search`)")
    if len(found) > 1:
        shown = ", ".join(f"<{f}>" for f in found[:5])
        raise ValueError(f"{label.text!r} labels {'more than five' if len(found) > 5 else len(found)} "
                         f"things: {shown}; give the IRI instead")
    return IRI(found[0])


def resolve_label(store: ox.Store, label: Label) -> IRI:
    """The IRI that ``label`` names in ``store`` (see :func:`label_query`)."""
    result = store.query(label_query(label), use_default_graph_as_union=True)
    return pick_iri(label, [row["s"].value for row in result])


def resolve_params(store: ox.Store, params: Mapping[str, Any]) -> dict[str, Any]:
    """``params`` with every :class:`Label` replaced by the IRI it names in ``store``."""
    return {name: resolve_label(store, v) if isinstance(v, Label) else v for name, v in params.items()}
