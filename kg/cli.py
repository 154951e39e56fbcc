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


@app.command()
def extract(
    file: str = typer.Argument("-", help="Text file, or - for standard input."),
    format: str = typer.Option("jsonl", "--format", help="Output format (jsonl)."),
    input_format: str = typer.Option("text", "--input-format", help="text, or jsonl lines {id, text}."),
) -> None:
    """Print one JSON object per entity mention (PERSON, ORG, GPE, GPE_SUB, LAW, PROGRAM).

    Example: echo 'Қазақстанның Конституциясы' | kg extract -
    """
    from kg.extract import extract_text, mention_to_dict

    if format != "jsonl":
        _fail(f"unknown format {format!r} (expected: jsonl)", 2)
    if input_format not in ("text", "jsonl"):
        _fail(f"unknown input format {input_format!r} (expected: text or jsonl)", 2)
    text = _read_input(file)
    if input_format == "text":
        for m in extract_text(text):
            typer.echo(json.dumps(mention_to_dict(m), ensure_ascii=False))
        return
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            key, body = record["id"], record["text"]
            if not isinstance(body, str):
                raise TypeError("text is not a string")
        except (ValueError, KeyError, TypeError) as err:
            _fail(f"{file}:{number}: bad input line ({err})")
        mentions = [mention_to_dict(m) for m in extract_text(body)]
        typer.echo(json.dumps({"id": key, "mentions": mentions}, ensure_ascii=False))


def _read_input(file: str) -> str:
    """Standard input or a file, decoded but otherwise untouched (offsets index into it)."""
    from kg.ingest import decode_raw
    from kg.model import Problem

    try:
        data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    except OSError as err:
        _fail(f"{file}: cannot read ({err.strerror or err})")
    decoded = decode_raw(data, "<stdin>" if file == "-" else file)
    if isinstance(decoded, Problem):
        _fail(str(decoded))
    return decoded[0]
