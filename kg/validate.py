"""Check RDF against the kazkg SHACL shapes (the interop contract of ``ontology/shapes.ttl``).

The ontology is mixed into the data for its subclass tree, without inference: every type the
contract asks for must be stated in the data. Named graphs are validated as one union graph.

>>> from rdflib import Graph
>>> g = Graph().parse(format="turtle", data='''
...     @prefix kg: <https://w3id.org/kazkg/ontology#> .
...     @prefix schema: <http://schema.org/> .
...     @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
...     @prefix owl: <http://www.w3.org/2002/07/owl#> .
...     <https://w3id.org/kazkg/id/country/kz> a kg:Country , schema:Country ;
...         rdfs:label "Қазақстан"@kk ; kg:isoCode "kz" ;
...         owl:sameAs <http://www.wikidata.org/entity/Q232> .
... ''')
>>> report = validate_graph(g)
>>> report.conforms
False
>>> report.violations[0].path
'kg:isoCode'
>>> report.violations[0].message
'kg:isoCode must be one ISO 3166-1 alpha-2 code: two capital letters such as KZ (value: "kz")'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.graph import Dataset
from rdflib.namespace import RDF, SH, NamespaceManager
from rdflib.plugins.parsers.notation3 import BadSyntax
from rdflib.term import Node

from kg.rdf.ontology import ONTOLOGY, SHAPES, ontology_dir

#: RDF syntaxes read by :func:`validate_file`, by file extension.
FORMATS: dict[str, str] = {
    ".ttl": "turtle",
    ".turtle": "turtle",
    ".trig": "trig",
    ".nt": "nt",
    ".nq": "nquads",
    ".jsonld": "json-ld",
    ".json": "json-ld",
}
_DATASET_FORMATS = {"trig", "nquads", "json-ld"}


class Violation(NamedTuple):
    """One SHACL result: the offending node, the property path, and what is wrong."""

    focus: str
    path: str
    message: str


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of a validation: ``conforms``, each violation, and pyshacl's report text."""

    conforms: bool
    violations: tuple[Violation, ...]
    text: str


def validate_graph(data_graph: Graph) -> ValidationReport:
    """Validate ``data_graph`` (a Graph or a Dataset) against the kazkg shapes."""
    from pyshacl import validate  # imported on first use: it is slow to import

    conforms, results, text = validate(
        _union(data_graph),
        shacl_graph=_shapes_graph(),
        ont_graph=_ontology_graph(),
        inference="none",
        abort_on_first=False,
        allow_warnings=False,
    )
    return ValidationReport(bool(conforms), _violations(results), str(text))


def validate_file(path: str | Path) -> ValidationReport:
    """Read an RDF file (syntax chosen by its extension, see ``FORMATS``) and validate it."""
    return validate_graph(read_rdf(path))


def read_rdf(path: str | Path) -> Graph:
    """Parse a Turtle, TriG, N-Triples, N-Quads or JSON-LD file.

    Raises ``ValueError`` naming the file (and the line, where rdflib gives it) on an unknown
    extension or a syntax error; a missing file raises ``FileNotFoundError``.
    """
    path = Path(path)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        raise ValueError(f"{path}: unknown RDF file extension {path.suffix!r} (known: {known})")
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    graph: Graph = Dataset() if fmt in _DATASET_FORMATS else Graph()
    try:
        if fmt == "json-ld":
            graph.parse(data=_offline_jsonld(path), format=fmt, base=path.resolve().as_uri())
        else:
            graph.parse(path.resolve(), format=fmt)
    except OSError:  # a missing or unreadable file is not a syntax error
        raise
    except BadSyntax as exc:
        raise ValueError(f"{path}: {fmt} syntax error at line {exc.lines + 1}: {exc._why}") from exc
    except Exception as exc:  # rdflib's parsers raise many kinds; all mean "not valid fmt"
        reason = " ".join(str(exc).split())
        raise ValueError(f"{path}: {fmt} syntax error: {reason}") from exc
    return graph


def _offline_jsonld(path: Path) -> str:
    """The JSON-LD text of ``path``, refused (``ValueError``) if it refers to a context by
    address: rdflib would fetch it, and validation makes no network requests.

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "x.jsonld"
    >>> _ = f.write_text('{"@context": ["http://127.0.0.1:9/c.jsonld"], "@id": "http://e/a"}')
    >>> _offline_jsonld(f)
    Traceback (most recent call last):
    ...
    ValueError: ...x.jsonld: JSON-LD @context 'http://127.0.0.1:9/c.jsonld' is a reference, not fetched (kg validate makes no network requests); put the context in the file
    """
    import json  # deferred: only JSON-LD needs it

    try:
        text = path.read_text(encoding="utf-8")
        document = json.loads(text)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as err:
        raise ValueError(f"{path}: json-ld syntax error: {' '.join(str(err).split())}") from None
    reference = _context_reference(document)
    if reference is not None:
        raise ValueError(f"{path}: JSON-LD @context {reference!r} is a reference, not fetched "
                         "(kg validate makes no network requests); put the context in the file")
    return text


def _context_reference(node: object) -> str | None:
    """The first context given by address (a string ``@context`` or ``@import``) in ``node``."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            for key, value in item.items():
                if key in ("@context", "@import"):
                    for context in value if isinstance(value, list) else [value]:
                        if isinstance(context, str):
                            return context
                stack.append(value)
    return None


def _union(data_graph: Graph) -> Graph:
    """A plain Graph of all triples, whatever named graphs they sit in."""
    if not data_graph.context_aware:
        return data_graph
    union = Graph()
    for prefix, namespace in data_graph.namespaces():
        union.bind(prefix, namespace)
    for s, p, o, _ in data_graph.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


@lru_cache(maxsize=1)
def _shapes_graph() -> Graph:
    # "core" bindings only, so that schema: is the file's http://schema.org/ (paths in reports)
    return Graph(bind_namespaces="core").parse(ontology_dir() / SHAPES, format="turtle")


@lru_cache(maxsize=1)
def _ontology_graph() -> Graph:
    return Graph(bind_namespaces="core").parse(ontology_dir() / ONTOLOGY, format="turtle")


def _violations(results: Graph) -> tuple[Violation, ...]:
    """The top-level results (not the nested sh:detail ones), without duplicates, sorted."""
    namespaces = _shapes_graph().namespace_manager
    found = set()
    for report in results.subjects(RDF.type, SH.ValidationReport):
        for result in results.objects(report, SH.result):
            path = results.value(result, SH.resultPath)
            message = "; ".join(sorted(str(m) for m in results.objects(result, SH.resultMessage)))
            focus = results.value(result, SH.focusNode)
            value = results.value(result, SH.value)
            if value is not None and value != focus:
                message += f" (value: {_show(value, namespaces)})"
            found.add(
                Violation(
                    _show(focus),
                    namespaces.normalizeUri(path) if isinstance(path, URIRef) else "",
                    message,
                )
            )
    return tuple(sorted(found))


def _show(node: Node | None, namespaces: NamespaceManager | None = None) -> str:
    if node is None:
        return ""
    if isinstance(node, BNode):
        return f"_:{node}"
    if isinstance(node, Literal):
        return node.n3(namespaces)
    return str(node)
