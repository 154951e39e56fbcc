"""Where the ontology, the SHACL shapes, the JSON-LD context and the query library live.

They are the package ``kg.ontology``: pyproject.toml maps it onto the repository's top-level
``ontology/`` folder, their single source. An editable install reads that folder in place; a
wheel carries a copy as ``kg/ontology/``. Either way the import system finds it (its spec's
search location: ``importlib.resources`` would cost ~10 ms of start-up for the same answer).

>>> sorted(p.name for p in ontology_dir().glob("*.*") if p.name in FILES)
['context.jsonld', 'kazkg.ttl', 'shapes.ttl']
>>> sorted(p.name for p in queries_dir().glob("top-*.rq"))
['top-entities-by-type.rq', 'top-institutions.rq']
"""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path

PACKAGE = "kg.ontology"
ONTOLOGY = "kazkg.ttl"
SHAPES = "shapes.ttl"
CONTEXT = "context.jsonld"
FILES = (ONTOLOGY, SHAPES, CONTEXT)
QUERIES = "queries"


def ontology_dir() -> Path:
    """The folder holding ``kazkg.ttl``, ``shapes.ttl``, ``context.jsonld`` and ``queries/``.

    Raises ``FileNotFoundError`` when the installed package has no ontology (a broken install).
    """
    try:
        spec = find_spec(PACKAGE)
    except ModuleNotFoundError as err:
        raise FileNotFoundError(f"kazkg ontology not installed: no package {PACKAGE}") from err
    locations = list(spec.submodule_search_locations or ()) if spec is not None else []
    if not locations:
        raise FileNotFoundError(f"kazkg ontology not installed: no package {PACKAGE}")
    folder = Path(locations[0])
    if not (folder / ONTOLOGY).is_file():
        raise FileNotFoundError(f"kazkg ontology ({ONTOLOGY}) not found in {folder}")
    return folder


def queries_dir() -> Path:
    """The folder of the analysts' query library (``*.rq``)."""
    return ontology_dir() / QUERIES
