"""The ``kg`` command line: argument parsing only; the work lives in the library."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Optional

import typer

# Commands import the library where they run (``# deferred``), so ``kg --help`` and
# ``kg query`` load only typer and what they use (python -X importtime -c 'import kg.cli').

app = typer.Typer(
    help="Build knowledge graphs from Kazakh, Russian and English social-science literature.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain click help: rich's help formatter costs ~60 ms at start-up
)


def _fail(message: str, code: int = 1) -> None:
    from kg.model import one_line  # deferred (see above)

    typer.echo(f"error: {one_line(message)}", err=True)
    raise typer.Exit(code)


@app.callback()
def main(verbose: bool = typer.Option(False, "-v", "--verbose", help="Log progress details.")) -> None:
    """kazkg: from a folder of documents to a knowledge graph."""
    import logging

    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


@app.command()
def build(
    paths: Optional[list[Path]] = typer.Argument(None, help="Files or folders (default: the demo corpus)."),
    out: Path = typer.Option(Path("output"), "--out", help="Output folder."),
    workers: int = typer.Option(0, "--workers", min=0, help="Local processes for parsing and extraction (0: one per core for large inputs)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler (tcp://host:port)."),
    base: str = typer.Option("https://w3id.org/kazkg/id/", "--base", help="Base IRI of minted IRIs."),
    thesaurus: Optional[Path] = typer.Option(None, "--thesaurus", help="TSV of merges, drops and labels applied to the entities (see README)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress display: one plain line per stage."),
    pages: bool = typer.Option(False, "--pages", help="Also write static entity pages (entities/index.html: one page per entity, searchable offline)."),
) -> None:
    """Build the outputs for PATHs into --out.

    Example: kg build kg/demo --out output --workers 2 --pages
    """
    # deferred: the build pulls in spaCy, rdflib and the analytics, and rich's progress bar
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeRemainingColumn,
    )

    from kg.build import EmptyInput  # deferred (see above)
    from kg.build import build as run_build  # deferred (see above)
    from kg.corpus import demo_corpus_path  # deferred (see above)
    from kg.output import OutputError  # deferred (see above)
    from kg.parallel import DaskNotInstalled  # deferred (see above)
    from kg.resolve.thesaurus import ThesaurusError  # deferred (see above)

    console = Console(stderr=True)
    live = console.is_terminal and not quiet

    def stage(name: str, seconds: float) -> None:
        line = f"{name}: {seconds:.1f} s"
        if live:
            progress.console.print(line)
            progress.update(task, description=f"after {name}", total=None, rate="")
        else:
            typer.echo(line, err=True)

    started = time.perf_counter()

    def extracting(p) -> None:  # a kg.extract_stage.ExtractProgress
        rate = p.extracted / max(time.perf_counter() - started, 1e-9)
        progress.update(task, description=f"parsed {p.parsed}/{p.documents} documents; "
                        "articles extracted", total=p.queued or None, completed=p.extracted,
                        rate=f"{rate:.1f} articles/s" if p.queued else "")

    try:
        with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                      MofNCompleteColumn(), TextColumn("{task.fields[rate]}"),
                      TimeRemainingColumn(), console=console, transient=True,
                      disable=not live) as progress:
            task = progress.add_task("reading", total=None, rate="")
            report = run_build(paths or [demo_corpus_path()], out, base=base, workers=workers,
                               scheduler=scheduler, thesaurus=thesaurus, on_stage=stage,
                               on_progress=extracting if live else None, pages=pages)
    except EmptyInput as err:
        for problem in err.problems:
            typer.echo(f"warning: {problem}", err=True)
        _fail(str(err))
    except (DaskNotInstalled, OutputError) as err:
        _fail(str(err))
    except ThesaurusError as err:
        _fail(str(err))
    except FileNotFoundError as err:
        if thesaurus is None or Path(err.filename or "") != thesaurus:
            raise
        _fail(f"{thesaurus}: no such thesaurus file")
    for problem in report.corpus.problems:
        typer.echo(f"warning: {problem}", err=True)
    counts = ", ".join(f"{k} {v}" for k, v in report.counts.items())
    if report.unchanged is not None:
        for problem in report.unchanged.get("warnings", [])[:report.counts.get("problems", 0)]:
            typer.echo(f"warning: {problem}", err=True)  # as the build that made it said
        typer.echo(f"nothing new: {report.out} was built from the same inputs, settings and code "
                   f"and is left as it is: {counts}")
        return
    typer.echo(f"built {report.out}: {counts}")


@app.command()
def articles(
    files: list[Path] = typer.Argument(..., help="Journal files to parse."),
    format: str = typer.Option("json", "--format", help="Output format (json)."),
) -> None:
    """Print the articles found in FILEs as a JSON array.

    Example: kg articles kg/demo/kogam-demo-2025-1.md --format json
    """
    import json

    from kg.corpus import (
        read_corpus,  # deferred: the article segmenter is slow to import
    )
    from kg.jsonio import article_to_dict  # deferred (see above)

    if format != "json":
        _fail(f"unknown format {format!r} (expected: json)", 2)
    corpus = read_corpus(files)
    for problem in corpus.problems:
        typer.echo(f"error: {problem}", err=True)
    typer.echo(json.dumps([article_to_dict(a) for a in corpus.articles], ensure_ascii=False, indent=1))
    if not corpus.parsed:
        _fail("no readable document in the input")


@app.command()
def extract(
    file: str = typer.Argument("-", help="Text file, or - for standard input."),
    format: str = typer.Option("jsonl", "--format", help="Output format (jsonl)."),
    input_format: str = typer.Option("text", "--input-format", help="text, or jsonl lines {id, text}."),
) -> None:
    """Print one JSON object per entity mention (PERSON, ORG, GPE, GPE_SUB, LAW, PROGRAM).

    Example: echo 'Қазақстанның Конституциясы' | kg extract -
    """
    import json

    from kg.extract import extract_text, mention_to_dict  # deferred: the extractors load models
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
    from kg.ingest import MAX_BYTES, decode_raw, read_capped  # deferred: only the commands that read text need it
    from kg.model import Problem  # deferred (see above)

    if file == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            _fail(f"<stdin>: input too large (over {MAX_BYTES} bytes)")
    else:
        data = read_capped(file)
        if isinstance(data, Problem):
            _fail(str(data))
    decoded = decode_raw(data, "<stdin>" if file == "-" else file)
    if isinstance(decoded, Problem):
        _fail(str(decoded))
    return decoded[0]



@app.command()
def query(
    sparql: str = typer.Argument(..., help="A SPARQL query, a .rq file, or the name of a library query."),
    store: Path = typer.Option(Path("output/store"), "--store", help="Store folder from kg build."),
    format: str = typer.Option("table", "--format", help="table, csv, tsv or json."),
    param: Optional[list[str]] = typer.Option(None, "--param", "-p",
                                              help="NAME=VALUE for a declared parameter (IRI or label for entities); repeatable."),
    allow_service: list[str] = typer.Option([], "--allow-service", help="A SERVICE endpoint URL the query may call (repeatable; none by default)."),
) -> None:
    """Run a SPARQL query on the built store; library queries by name, with --param values
    (SERVICE calls refused unless allowed).

    Example: kg query coauthors --param person="Aigerim Sarsenbayeva" --format csv
    """
    from kg.query import render, run_named  # deferred: pyoxigraph, for this command
    from kg.store import QueryError  # deferred (see above)

    try:
        typer.echo(render(run_named(store, sparql, param or [], tuple(allow_service)), format), nl=False)
    except (QueryError, FileNotFoundError, ValueError) as err:
        _fail(str(err))


@app.command()
def search(
    text: str = typer.Argument(..., help="Words to find (any language, any inflected form)."),
    store: Path = typer.Option(Path("output/store"), "--store", help="Store folder from kg build."),
    limit: int = typer.Option(20, "--limit", min=1, help="Hits shown at most."),
    format: str = typer.Option("table", "--format", help="table or json."),
) -> None:
    """Find entities by a word of a label or of a sentence mentioning them (search.sqlite of the build).

    Example: kg search Қазақстанның --store output/store
    """
    from kg.search import hits_json, index_path  # deferred: morphology for the query words
    from kg.search import search as find  # deferred (see above)

    if format not in ("table", "json"):
        _fail(f"unknown format {format!r} (expected: table or json)", 2)
    try:
        hits = find(index_path(store), text, limit)
    except FileNotFoundError as err:
        _fail(str(err))
    if format == "json":
        typer.echo(hits_json(hits))
        return
    for hit in hits:
        typer.echo(f"{hit.iri}\t{hit.label}\t{hit.field}: {' '.join(hit.text.split())[:100]}")
    if not hits:
        typer.echo(f"no match for {text!r}", err=True)


@app.command()
def export(
    format: str = typer.Option(..., "--format", help="ttl, nt, trig, nq or jsonld."),
    store: Path = typer.Option(Path("output/store"), "--store", help="Store folder from kg build."),
    out: Optional[Path] = typer.Option(None, "--out", help="Output file (default: standard output)."),
) -> None:
    """Export the store as Turtle, N-Triples, TriG, N-Quads or JSON-LD (streamed).

    Example: kg export --format nq --out graph.nq
    """
    from kg.fsutil import atomic_binary  # deferred: pyoxigraph, for this command
    from kg.store import export as run_export  # deferred (see above)

    try:
        if out is None:
            run_export(store, format, sys.stdout.buffer)
        else:
            with atomic_binary(out) as fh:
                run_export(store, format, fh)
    except (FileNotFoundError, ValueError) as err:
        _fail(str(err))


@app.command()
def validate(file: Path = typer.Argument(..., help="An RDF file (ttl, trig, nt, nq, jsonld).")) -> None:
    """Validate an RDF file against the SHACL shapes; exit 1 on a violation.

    Example: kg validate output/graph.ttl
    """
    from kg.validate import (
        validate_file,  # deferred: rdflib and pyshacl are slow to import
    )

    if not file.is_file():
        _fail(f"{file}: no such file")
    try:
        report = validate_file(file)
    except (ValueError, FileNotFoundError) as err:
        _fail(str(err))
    if not report.conforms:
        for violation in report.violations:
            typer.echo(violation, err=True)
        _fail(f"{file}: {len(report.violations)} SHACL violation(s)")
    typer.echo(f"{file}: conforms")



@app.command("eval-ner")
def eval_ner(
    data: Path = typer.Argument(..., help="KazNERD-format CoNLL (IOB2) file."),
    model: Optional[Path] = typer.Option(None, "--model", help="spaCy pipeline (default: shipped)."),
) -> None:
    """Print precision, recall and F1 per label of the Kazakh NER model on CoNLL data.

    Example: kg eval-ner tests/data/kk_ner_sample.conll
    """
    from kg.evaluate.ner import evaluate_conll, format_table  # deferred: spaCy, for this command
    from kg.extract.kk.model import load_kk_ner  # deferred (see above)

    if not data.is_file():
        _fail(f"{data}: no such file")
    try:
        result = evaluate_conll(data, load_kk_ner(str(model) if model else None))
    except (ValueError, OSError) as err:
        _fail(f"{data}: {err}")
    typer.echo(format_table(result))



@app.command()
def serve(
    store: Path = typer.Option(Path("output/store"), "--store", help="Store folder from kg build."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind."),
    port: int = typer.Option(7878, "--port", help="Port (0: any free port)."),
    timeout: float = typer.Option(30.0, "--timeout", help="Seconds before a query is stopped."),
    max_rows: int = typer.Option(10_000, "--max-rows", help="Result rows returned at most."),
    workers: int = typer.Option(2, "--workers", help="Query worker processes."),
    cors: bool = typer.Option(False, "--cors", help="Allow cross-origin requests."),
    memory_limit_mb: int = typer.Option(128, "--memory-limit-mb", min=0,
                                        help="Copy the store into each worker's memory up to this size on disk (0: never)."),
    cache_mb: int = typer.Option(64, "--cache-mb", min=0, help="Result cache size (0: no cache)."),
    warm: bool = typer.Option(True, "--warm/--no-warm", help="Fill the cache with the example queries at start-up."),
    worker_memory_mb: int = typer.Option(1024, "--worker-memory-mb", min=0,
                                         help="Resident memory a worker may reach before its query is stopped (503; 0: no limit)."),
    cost_budget: float = typer.Option(1.0, "--cost-budget", help="Seconds a query may run before it moves to the heavy lane."),
    heavy_workers: int = typer.Option(1, "--heavy-workers", min=0, help="Low-priority workers for expensive queries (0: one lane)."),
    allow_service: list[str] = typer.Option([], "--allow-service", help="A SERVICE endpoint URL queries may call (repeatable; none by default)."),
    base: Optional[str] = typer.Option(None, "--base", help="Base IRI of the build's IRIs, served at /id/... (default: the one the build used)."),
) -> None:
    """Serve the store read-only: SPARQL 1.1 Protocol at /sparql, a query page at /.

    Example: kg serve --store output/store --port 7878 --cache-mb 0
    """
    from kg.server.app import serve as run_server  # deferred: starlette and uvicorn

    try:
        run_server(store, host, port, timeout=timeout, max_rows=max_rows, cors=cors, workers=workers,
                   memory_limit=memory_limit_mb * 2**20, cache_bytes=cache_mb * 2**20, warm=warm,
                   worker_memory=worker_memory_mb * 2**20, cost_budget=cost_budget,
                   heavy_workers=heavy_workers, allow_service=tuple(allow_service), base=base)
    except (OSError, ValueError) as err:
        _fail(str(err))


@app.command()
def push(
    endpoint: str = typer.Option(..., "--endpoint", help="Graph Store Protocol URL."),
    store: Path = typer.Option(Path("output/store"), "--store", help="Store folder or build."),
    user: Optional[str] = typer.Option(None, "--user", help="NAME:PASSWORD for basic auth."),
    timeout: float = typer.Option(60.0, "--timeout", help="Seconds per request."),
) -> None:
    """Send every named graph of the build to a SPARQL 1.1 Graph Store (one PUT per graph).

    The endpoint is a writable store such as Fuseki or `oxigraph serve` (kg serve is read-only).

    Example: kg push --store output/store --endpoint http://127.0.0.1:7879/store
    """
    from kg.push import PushError, parse_user, push_build  # deferred: urllib, for this command

    auth = parse_user(user, lambda prompt: typer.prompt(prompt, hide_input=True)) if user else None
    try:
        report = push_build(store, endpoint, auth=auth, timeout=timeout, on_graph=lambda g: typer.echo(
            f"{g.status} {g.graph or '(default graph)'}: {g.triples} triples"))
    except (PushError, OSError, ValueError) as err:
        _fail(str(err))
    typer.echo(f"pushed {len(report.graphs)} graph(s), {report.triples} triples to {endpoint}")


def hoist_verbose(args: list[str]) -> list[str]:
    """``-v``/``--verbose`` moved before the command, so it works after it too.

    >>> hoist_verbose(["build", "kg/demo", "-v"])
    ['-v', 'build', 'kg/demo']
    >>> hoist_verbose(["query", "--", "-v"])
    ['query', '--', '-v']
    """
    end = args.index("--") if "--" in args else len(args)
    head = [a for a in args[:end] if a not in ("-v", "--verbose")]
    flags = ["-v"] if len(head) < end else []
    return flags + head + args[end:]


def run() -> None:
    """Console entry point: any unexpected failure becomes one line on stderr and exit 1."""
    try:
        app(args=hoist_verbose(sys.argv[1:]), prog_name="kg")
    except Exception as err:  # noqa: BLE001 - the contract: one-line error, non-zero exit
        import logging

        if logging.getLogger().isEnabledFor(logging.INFO):
            logging.exception("kg failed")
        typer.echo(f"error: {type(err).__name__}: {err}", err=True)
        sys.exit(1)
