"""The console entry point: ``kg query`` with plain arguments runs without loading typer.

typer and click take ~50 ms to import, more than the query itself on a small store, so the
commonest call, ``kg query SPARQL [--store S] [--format F] [--param N=V]… [--allow-service U]…``,
is read here with the standard library and runs the same library functions as
:func:`kg.cli.query`, with the same output, messages and exit codes (a test compares them).
Anything else (``--help``, ``-v``, another command, an option this reader does not know, an
argument missing) goes to the typer application in :mod:`kg.cli`, which parses and reports it.

>>> plain_query(["query", "ASK {}", "--store=S", "-p", "a=b", "--format", "csv"])
QueryCall(sparql='ASK {}', store='S', format='csv', params=('a=b',), services=())
>>> plain_query(["query", "ASK {}", "--help"]) is None, plain_query(["build"]) is None
(True, True)
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

__all__ = ["QueryCall", "plain_query", "run"]


@dataclass(frozen=True)
class QueryCall:
    """The arguments of one ``kg query`` command line (defaults as in :func:`kg.cli.query`)."""

    sparql: str
    store: str = "output/store"
    format: str = "table"
    params: tuple[str, ...] = ()
    services: tuple[str, ...] = ()


#: Options of ``kg query`` that take a value -> the field they set (repeatable: a tuple).
_OPTIONS = {"--store": "store", "--format": "format", "--param": "params", "-p": "params",
            "--allow-service": "services"}


def plain_query(args: list[str]) -> QueryCall | None:
    """The ``kg query`` call ``args`` make, or None if typer should read them."""
    if not args or args[0] != "query":
        return None
    values: dict[str, list[str]] = {"store": [], "format": [], "params": [], "services": []}
    positional: list[str] = []
    rest = args[1:]
    i = 0
    while i < len(rest):
        arg = rest[i]
        name, eq, value = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if name in _OPTIONS:
            if not eq:
                if i + 1 >= len(rest):
                    return None
                i, value = i + 1, rest[i + 1]
            values[_OPTIONS[name]].append(value)
        elif arg.startswith("-") and arg != "-":
            return None  # --help, -v, an unknown option: typer's to say
        else:
            positional.append(arg)
        i += 1
    if len(positional) != 1 or len(values["store"]) > 1 or len(values["format"]) > 1:
        return None
    return QueryCall(positional[0], *(values["store"] or ["output/store"]),
                     *(values["format"] or ["table"]), tuple(values["params"]),
                     tuple(values["services"]))


def run() -> None:
    """Console entry point (``kg``)."""
    call = plain_query(sys.argv[1:])
    if call is None:
        from kg.cli import run as run_typer  # deferred: typer, for every other command line

        run_typer()
        return
    try:
        from pathlib import Path

        from kg.query import render, run_named  # deferred: pyoxigraph
        from kg.store import QueryError  # deferred (see above)

        try:
            out = render(run_named(Path(call.store), call.sparql, list(call.params), call.services),
                         call.format)
        except (QueryError, FileNotFoundError, ValueError) as err:
            from kg.model import one_line  # deferred: only for a message

            print(f"error: {one_line(str(err))}", file=sys.stderr)
            sys.exit(1)
        sys.stdout.write(out)
        sys.stdout.flush()
    except Exception as err:  # noqa: BLE001 - the contract: one-line error, non-zero exit
        print(f"error: {type(err).__name__}: {err}", file=sys.stderr)
        sys.exit(1)
