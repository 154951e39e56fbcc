"""Checks on a SPARQL query before pyoxigraph sees it: no SERVICE, no deep nesting.

pyoxigraph evaluates ``SERVICE <url>`` by sending an HTTP request to ``url``, and its parser
recurses once per bracket and per binary operator: 5,000 nested braces or a chain of 8,000 ``+``
overflow the stack and kill the process (a segfault, no message). The query is scanned once by
a small lexer (strings, IRIs and comments are skipped, so a ``{`` or ``SERVICE`` inside them
does not count) and refused with a :class:`QueryRefused` naming the problem.

>>> check_query("SELECT * WHERE { ?s ?p 'SERVICE {' }")
>>> check_query("SELECT * WHERE { SERVICE <http://127.0.0.1:1/x> { ?s ?p ?o } }")
Traceback (most recent call last):
...
kg.rdf.sparql_guard.QueryRefused: SERVICE <http://127.0.0.1:1/x> refused: this tool makes no network requests (allow an endpoint with --allow-service URL)
>>> check_query("PREFIX e: <http://e/> ASK { SERVICE SILENT e:x { } }", allow_service=["http://e/x"])
>>> check_query("ASK " + "{" * 300 + "}" * 300)
Traceback (most recent call last):
...
kg.rdf.sparql_guard.QueryRefused: query nested too deeply: more than 128 levels of brackets
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

__all__ = ["MAX_DEPTH", "MAX_OPERATORS", "QueryRefused", "check_query", "query_shape"]

MAX_DEPTH = 128  # brackets ({[( nested; pyoxigraph overflows its stack near 5,000
MAX_OPERATORS = 2_000  # binary operators and UNIONs; pyoxigraph overflows near 8,000

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               |'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$][\w\u00B7\u0300-\u036F\u203F-\u2040]+)
  | (?P<name>(?:[^\W\d]|_)?[\w\-.\u00B7]*:(?:[\w\-.:%\u00B7]|\\.)*|[^\W\d][\w\-.\u00B7]*)
  | (?P<number>(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+\-]?\d+)?)
  | (?P<op>\|\||&&|[|/+\-*!^=<>]=?)
  | (?P<open>[{(\[])
  | (?P<close>[})\]])
  | (?P<other>.)
""", re.VERBOSE | re.DOTALL)


class QueryRefused(ValueError):
    """A query this tool will not evaluate (a remote SERVICE, or nesting deeper than it can parse)."""


def _tokens(sparql: str) -> Iterator[tuple[str, str]]:
    for match in _TOKEN.finditer(sparql):
        kind = match.lastgroup or "other"
        if kind not in ("space", "comment"):
            yield kind, match.group()


def check_query(sparql: str, allow_service: Iterable[str] = ()) -> None:
    """Raise :class:`QueryRefused` if ``sparql`` calls a SERVICE not in ``allow_service`` (full
    IRIs) or nests deeper than :data:`MAX_DEPTH` / chains more than :data:`MAX_OPERATORS`."""
    problem, services, _ = _analyse(sparql)
    if problem:
        raise QueryRefused(problem)
    allowed = set(allow_service)
    for target, shown in services:
        if target is None or target not in allowed:
            raise QueryRefused(f"SERVICE {shown} refused: this tool makes no network requests "
                               "(allow an endpoint with --allow-service URL)")


def _analyse(sparql: str) -> tuple[str, tuple[tuple[str | None, str], ...], str]:
    """One pass of the lexer: (the nesting problem or "", the SERVICE targets, the shape);
    kept for short queries (the same ones come again and again)."""
    return _analyse_short(sparql) if len(sparql) <= 16_384 else _lex(sparql)


@lru_cache(maxsize=1024)
def _analyse_short(sparql: str) -> tuple[str, tuple[tuple[str | None, str], ...], str]:
    return _lex(sparql)


def _lex(sparql: str) -> tuple[str, tuple[tuple[str | None, str], ...], str]:
    prefixes: dict[str, str] = {}
    tokens = list(_tokens(sparql))
    depth = operators = 0
    problem = ""
    services = []
    for i, (kind, text) in enumerate(tokens):
        if kind == "open":
            depth += 1
            if depth > MAX_DEPTH:
                problem = f"query nested too deeply: more than {MAX_DEPTH} levels of brackets"
                break
        elif kind == "close":
            depth -= 1
        elif kind == "op" or (kind == "name" and text.upper() == "UNION"):
            operators += 1
            if operators > MAX_OPERATORS:
                problem = f"query chains too many operators: more than {MAX_OPERATORS}"
                break
        elif kind == "name" and text.upper() == "PREFIX" and i + 2 < len(tokens):
            name, iri = tokens[i + 1][1], tokens[i + 2][1]
            prefixes[name.rstrip(":")] = iri[1:-1]
        elif kind == "name" and text.upper() == "SERVICE":
            services.append(_service_target(tokens[i + 1:i + 3], prefixes))
    shape = " ".join("_" if kind in ("number", "string") else text for kind, text in tokens)
    return problem, tuple(services), shape


def _service_target(following: list[tuple[str, str]],
                    prefixes: dict[str, str]) -> tuple[str | None, str]:
    """The IRI a SERVICE calls (``None`` if not known before evaluation), and its text."""
    if following and following[0][1].upper() == "SILENT":
        following = following[1:]
    kind, text = following[0] if following else ("", "(nothing)")
    target = None
    if kind == "iri":
        target = text[1:-1]
    elif kind == "name" and ":" in text:
        prefix, _, local = text.partition(":")
        if prefix in prefixes:
            target = prefixes[prefix] + local
    return target, text


def query_shape(sparql: str) -> str:
    """The query with comments, spacing and literal values taken out: queries that differ only
    in those have one shape (the server remembers expensive queries by shape).

    >>> query_shape("SELECT * { ?s ?p 'a' } LIMIT 1  # one") == query_shape("SELECT *{?s ?p 'b'} LIMIT 2")
    True
    """
    return _analyse(sparql)[2]

