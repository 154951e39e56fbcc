"""Layers import downwards only, and our own modules are imported at the top of a module.

The layers are those of docs/ARCHITECTURE.md; a module may import its own layer or a lower one.
An import inside a function is allowed only to defer a heavy dependency, with a
``# deferred`` comment on the line (or the line before).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parent.parent / "kg"

#: Module name prefixes by layer, lowest first (the longest matching prefix decides).
LAYERS: dict[str, int] = {
    "kg": 1, "kg.model": 1, "kg.kinds": 1, "kg.fsutil": 1,
    "kg.text": 2,
    "kg.lexicon": 3,
    "kg.ingest": 4, "kg.segment": 4, "kg.corpus": 4, "kg.jsonio": 4,
    "kg.extract": 5,
    "kg.evaluate": 6, "kg.iri": 6, "kg.resolve": 6,
    "kg.rdf": 7, "kg.store": 7, "kg.query": 7, "kg.queries": 7, "kg.search": 7, "kg.push": 7, "kg.validate": 7,
    "kg.ontology": 7,
    "kg.analytics": 8,
    "kg.pages": 9, "kg.server": 9,
    "kg.build": 10, "kg.extract_stage": 10, "kg.output": 10, "kg.rebuild": 10, "kg.parallel": 10, "kg.api": 10, "kg.cli": 10, "kg.launch": 10, "kg.__main__": 10,
}


def layer(module: str) -> int:
    """The layer of a module of ours (longest prefix of :data:`LAYERS`)."""
    parts = module.split(".")
    for n in range(len(parts), 0, -1):
        if ".".join(parts[:n]) in LAYERS:
            return LAYERS[".".join(parts[:n])]
    raise KeyError(module)


def _modules() -> list[tuple[str, Path]]:
    out = []
    for path in sorted(KG.rglob("*.py")):
        rel = path.relative_to(KG.parent).with_suffix("")
        parts = list(rel.parts)
        if parts[-1] == "__init__":
            parts.pop()
        out.append((".".join(parts), path))
    return out


def _our_imports(tree: ast.AST) -> list[tuple[str, ast.AST, bool]]:
    """``(module, node, inside_a_function)`` for each import of a ``kg`` module."""
    found = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef))
            if isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                names = [child.module] + [f"{child.module}.{a.name}" for a in child.names]
                target = child.module if child.module != "kg" else names[1]
                if target.split(".")[0] == "kg":
                    found.append((target, child, in_function))
            elif isinstance(child, ast.Import):
                for a in child.names:
                    if a.name.split(".")[0] == "kg":
                        found.append((a.name, child, in_function))
            elif not isinstance(child, ast.If) or not _type_checking(child):
                visit(child, inner)

    visit(tree, False)
    return found


def _type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


@pytest.mark.parametrize("module,path", _modules(), ids=[m for m, _ in _modules()])
def test_imports_go_down_and_sit_at_the_top(module, path):
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    own = layer(module)
    for target, node, in_function in _our_imports(ast.parse(source)):
        try:
            theirs = layer(target)
        except KeyError:
            theirs = layer(target.rsplit(".", 1)[0])
        assert theirs <= own, f"{module} (layer {own}) imports {target} (layer {theirs})"
        if in_function:
            context = " ".join(lines[max(0, node.lineno - 2): node.end_lineno])
            assert "deferred" in context, f"{module}:{node.lineno} imports {target} inside a function"


def test_every_module_has_a_layer():
    for module, _ in _modules():
        layer(module)
