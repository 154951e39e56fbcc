"""Where the ontology, the SHACL shapes and the JSON-LD context live.

An installed package carries them in ``kg/ontology/``; a source checkout has them in the
repository's ``ontology/`` folder, which is used when the package copy is absent.

>>> sorted(p.name for p in ontology_dir().glob("*.*") if p.name in FILES)
['context.jsonld', 'kazkg.ttl', 'shapes.ttl']
"""

from __future__ import annotations

from pathlib import Path

ONTOLOGY = "kazkg.ttl"
SHAPES = "shapes.ttl"
CONTEXT = "context.jsonld"
FILES = (ONTOLOGY, SHAPES, CONTEXT)

_HERE = Path(__file__).resolve().parents[1]
_CANDIDATES = (_HERE / "ontology", _HERE.parent / "ontology")


def ontology_dir() -> Path:
    """The folder holding ``kazkg.ttl``, ``shapes.ttl`` and ``context.jsonld``.

    The package copy (``kg/ontology/``) wins over the source tree's ``ontology/``.
    Raises ``FileNotFoundError`` when neither has the ontology.
    """
    for folder in _CANDIDATES:
        if (folder / ONTOLOGY).is_file():
            return folder
    searched = " or ".join(str(folder) for folder in _CANDIDATES)
    raise FileNotFoundError(f"kazkg ontology ({ONTOLOGY}) not found in {searched}")
