"""The ``kg`` command line: argument parsing only; the work lives in the library."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(
    help="Build knowledge graphs from Kazakh, Russian and English social-science literature.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _fail(message: str, code: int = 1) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


@app.callback()
def main(verbose: bool = typer.Option(False, "-v", "--verbose", help="Log progress details.")) -> None:
    """kazkg: from a folder of documents to a knowledge graph."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


@app.command()
def build(
    paths: Optional[list[Path]] = typer.Argument(None, help="Files or folders (default: the demo corpus)."),
    out: Path = typer.Option(Path("output"), "--out", help="Output folder."),
) -> None:
    """Build the outputs for PATHs into --out.

    Example: kg build ../shared/corpus --out output
    """
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn

    from kg.build import build as run_build
    from kg.corpus import demo_corpus_path

    console = Console(stderr=True)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), console=console,
                  transient=True, disable=not console.is_terminal) as progress:
        task = progress.add_task("reading", total=None)
        report = run_build(paths or [demo_corpus_path()], out,
                           on_file=lambda f: progress.update(task, description=f"reading {f}"))
    for problem in report.corpus.problems:
        typer.echo(f"warning: {problem}", err=True)
    if not report.corpus.parsed:
        _fail("no readable document in the input")
    counts = ", ".join(f"{k} {v}" for k, v in report.counts.items())
    typer.echo(f"built {report.out}: {counts}")


@app.command()
def articles(
    files: list[Path] = typer.Argument(..., help="Journal files to parse."),
    format: str = typer.Option("json", "--format", help="Output format (json)."),
) -> None:
    """Print the articles found in FILEs as a JSON array.

    Example: kg articles issue.md --format json
    """
    from kg.corpus import read_corpus
    from kg.jsonio import article_to_dict

    if format != "json":
        _fail(f"unknown format {format!r} (expected: json)", 2)
    corpus = read_corpus(files)
    for problem in corpus.problems:
        typer.echo(f"error: {problem}", err=True)
    typer.echo(json.dumps([article_to_dict(a) for a in corpus.articles], ensure_ascii=False, indent=1))
    if not corpus.parsed:
        raise typer.Exit(1)
