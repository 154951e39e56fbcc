"""GEXF 1.2 and GraphML documents written straight from node and edge rows.

The layout is networkx's (``write_gexf`` / ``write_graphml_xml``, pretty-printed): the same
elements, attribute ids, key ids and escaping, so networkx and Gephi read the files as
before, but strings are joined in one pass instead of building an ElementTree. Attribute
values may be ``str``, ``int``, ``float`` or ``bool``; a node's ``label`` is GEXF's node
label and an edge's ``weight`` GEXF's edge weight. Nothing depends on the date, so the
same rows give the same bytes.

>>> nodes = [("a", {"label": "A & B", "rank": 0.5}), ("b", {"label": "B", "rank": 1.0})]
>>> edges = [("a", "b", {"weight": 2.0, "articles": 2})]
>>> print(graphml(nodes, edges).decode().splitlines()[2])
  <key id="d3" for="edge" attr.name="articles" attr.type="long" />
>>> import io, networkx as nx
>>> G = nx.read_gexf(io.BytesIO(gexf(nodes, edges)))
>>> G.nodes["a"]["label"], G["a"]["b"]["weight"], G["a"]["b"]["articles"]
('A & B', 2.0, 2)
"""

from __future__ import annotations

import io
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import IO
from xml.sax.saxutils import escape

Row = tuple[str, dict]
EdgeRow = tuple[str, str, dict]

_VIZ_NS = "http://www.gexf.net/1.2draft/viz"


@dataclass(frozen=True)
class Viz:
    """How Gephi draws a node: colour ``#rrggbb``, position (page coordinates, y down) and size."""

    colour: str
    x: float
    y: float
    size: float


CREATOR = "kazkg"
_TYPES = {str: "string", int: "long", float: "double", bool: "boolean"}
_GEXF_HEAD = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<gexf xmlns="http://www.gexf.net/1.2draft" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" '
    'version="1.2">\n'
    f"  <meta>\n    <creator>{CREATOR}</creator>\n  </meta>\n"
    '  <graph defaultedgetype="undirected" mode="static" name="">\n')
_GRAPHML_HEAD = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
#: Names networkx's GEXF writer would treat specially: refused rather than mis-written.
_GEXF_RESERVED_NODE = {"id", "key", "pid", "start", "end", "parents", "viz", "slices", "spells"}
_GEXF_RESERVED_EDGE = {"id", "key", "label", "type", "start", "end", "viz", "slices", "spells"}


_ATTR_ENTITIES = {'"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#09;"}


def escape_attr(text: str) -> str:
    """Escape an XML attribute value as ElementTree does.

    >>> escape_attr('a<b & "c"\\n')
    'a&lt;b &amp; &quot;c&quot;&#10;'
    """
    return escape(text, _ATTR_ENTITIES)


def escape_text(text: str) -> str:
    """Escape XML character data as ElementTree does.

    >>> escape_text("a<b & c>")
    'a&lt;b &amp; c&gt;'
    """
    return escape(text)


def _element(head: str, inner: str, close: str) -> str:
    """An element's lines: ``head`` closed empty, or wrapping ``inner`` up to ``close``.

    >>> _element("<a", "", "</a>"), _element("<a", "x\\n", "</a>")
    ('<a />\\n', '<a>\\nx\\n</a>\\n')
    """
    return f"{head}>\n{inner}{close}\n" if inner else f"{head} />\n"


def _type(value) -> str:
    try:
        return _TYPES[type(value)]
    except KeyError:
        raise TypeError(f"attribute value type is not allowed: {type(value)}") from None


def _gexf_value(value) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    text = str(value)
    if isinstance(value, float):
        text = {"inf": "INF", "nan": "NaN", "-inf": "-INF"}.get(text, text)
    return escape_attr(text)


class _Spill:
    """Text written to a temporary file in batches: a large export's body is not held in memory."""

    def __init__(self, batch: int = 4096) -> None:
        self.file = tempfile.TemporaryFile()
        self._pending: list[str] = []
        self._batch = batch

    def append(self, text: str) -> None:
        self._pending.append(text)
        if len(self._pending) >= self._batch:
            self.flush()

    def flush(self) -> None:
        self.file.write("".join(self._pending).encode("utf-8"))
        self._pending.clear()

    def copy_to(self, out: IO[bytes]) -> None:
        """Write everything appended to ``out``, then close the temporary file."""
        self.flush()
        self.file.seek(0)
        shutil.copyfileobj(self.file, out, 1 << 20)
        self.file.close()


def gexf(nodes: Sequence[Row], edges: Sequence[EdgeRow], viz: Mapping[str, Viz] | None = None,
         times: Mapping | None = None, spells: bool = False) -> bytes:
    """An undirected GEXF 1.2 document (UTF-8); edges get ids ``0, 1, ...`` in order.

    Without ``viz`` and ``times`` it is static and networkx's own layout. ``viz`` maps node
    ids to a :class:`Viz` (``viz:color``, ``viz:position``, ``viz:size``); ``times`` maps
    node ids and ``(u, v)`` edge pairs to their years: the graph becomes dynamic
    (``timeformat="integer"``) with ``start``/``end`` (first and last year) on each dated
    node and edge, or, with ``spells``, one ``<spell>`` per year (Gephi's timeline).

    >>> print(gexf([("x", {"label": "X"})], []).decode().splitlines()[-5])
          <node id="x" label="X" />
    >>> text = gexf([("x", {"label": "X"})], [], {"x": Viz("#ff0000", 1.0, 2.0, 6.0)}, {"x": (2020, 2022)}).decode()
    >>> print(text.splitlines()[7])
          <node id="x" label="X" start="2020" end="2022">
    >>> print(text.splitlines()[8])
            <viz:color r="255" g="0" b="0" a="1.0" />
    """
    out = io.BytesIO()
    write_gexf(out, nodes, edges, viz, times, spells)
    return out.getvalue()


def write_gexf(out: IO[bytes], nodes: Sequence[Row], edges: Sequence[EdgeRow],
               viz: Mapping[str, Viz] | None = None, times: Mapping | None = None,
               spells: bool = False) -> None:
    """:func:`gexf` written to ``out`` (the body spilled to a temporary file on the way)."""
    write_gexfs({spells: out}, nodes, edges, viz, times)


def write_gexfs(outs: Mapping[bool, IO[bytes]], nodes: Sequence[Row], edges: Sequence[EdgeRow],
                viz: Mapping[str, Viz] | None = None, times: Mapping | None = None) -> None:
    """:func:`gexf` written to each ``outs[spells]`` (``False``: start/end years, ``True``: one
    spell per year) from one pass over the rows: a large network's edges are made once."""
    ids: dict[tuple[str, str], str] = {}  # (class, title) -> id, one counter for both
    declared: dict[str, list[str]] = {"node": [], "edge": []}
    blocks: list[str] = []  # classes in the order of their first attribute
    layouts: dict[tuple, tuple[int | None, list[int], list[str]]] = {}

    def attr_id(kind: str, title: str, value) -> str:
        key = (kind, title)
        if key not in ids:
            ids[key] = str(len(ids))
            if not declared[kind]:
                blocks.append(kind)
            declared[kind].append(f'      <attribute id="{ids[key]}" title="{escape_attr(title)}"'
                                  f' type="{_type(value)}" />\n')
        return ids[key]

    def layout(kind: str, data: dict) -> tuple[int | None, list[int], list[str]]:
        """Where the special value (node label, edge weight) is, which values are
        attvalues, and their opening text; worked out once per kind of row."""
        signature = (kind, tuple(data), tuple(map(type, data.values())))
        if signature not in layouts:
            reserved = _GEXF_RESERVED_NODE if kind == "node" else _GEXF_RESERVED_EDGE
            if reserved & data.keys():
                raise ValueError(f"reserved GEXF {kind} attribute in {sorted(data)}")
            keys = list(data)
            special = "label" if kind == "node" else "weight"
            where = keys.index(special) if special in data else None
            others = [i for i, k in enumerate(keys) if k != special]
            values = list(data.values())
            starts = [f'          <attvalue for="{attr_id(kind, str(keys[i]), values[i])}"'
                      ' value="' for i in others]
            layouts[signature] = (where, others, starts)
        return layouts[signature]

    def attvalues(values: list, others: list[int], starts: list[str]) -> str:
        texts = []
        for i in others:
            v = values[i]
            texts.append(escape_attr(v) if type(v) is str else str(v) if type(v) is int
                         else _gexf_value(v))
        return ("        <attvalues>\n" + "".join([f'{p}{t}" />\n' for p, t in zip(starts, texts)])
                + "        </attvalues>\n")

    viz = viz or {}
    times = times or {}

    def extras(key, head: str, inner: str, close: str) -> None:
        """Add the time attributes to ``head`` and the viz/spells elements to ``inner``, and
        append the element to each body."""
        years = sorted(set(times.get(key, ())))
        more = ""
        look = viz.get(key) if isinstance(key, str) else None
        if look is not None:
            r, g, b = (int(look.colour[i:i + 2], 16) for i in (1, 3, 5))
            more += (f'        <viz:color r="{r}" g="{g}" b="{b}" a="1.0" />\n'
                     f'        <viz:size value="{look.size}" />\n'
                     f'        <viz:position x="{look.x}" y="{-look.y}" z="0.0" />\n')
        for spells, body in bodies.items():
            if years and spells:
                body.append(_element(head, inner + more + "        <spells>\n" + "".join(
                    f'          <spell start="{y}" end="{y}" />\n' for y in years)
                    + "        </spells>\n", close))
            elif years:
                body.append(_element(f'{head} start="{years[0]}" end="{years[-1]}"', inner + more,
                                     close))
            else:
                body.append(_element(head, inner + more, close))

    def append(text: str) -> None:
        for body in bodies.values():
            body.append(text)

    escaped: dict[str, str] = {}
    bodies = {spells: _Spill() for spells in outs}
    append("    <nodes>\n" if nodes else "    <nodes />\n")
    for node, data in nodes:
        where, others, starts = layout("node", data)
        values = list(data.values())
        label = str(values[where]) if where is not None else str(node)
        escaped[node] = node_id = escape_attr(str(node))
        extras(node, f'      <node id="{node_id}" label="{escape_attr(label)}"',
               attvalues(values, others, starts) if others else "", "      </node>")
    if nodes:
        append("    </nodes>\n")
    append("    <edges>\n" if edges else "    <edges />\n")
    for i, (u, v, data) in enumerate(edges):
        where, others, starts = layout("edge", data)
        values = list(data.values())
        source = escaped.get(u) or escape_attr(str(u))
        target = escaped.get(v) or escape_attr(str(v))
        head = f'      <edge source="{source}" target="{target}" id="{i}"'
        if where is not None:
            w = values[where]
            head += f' weight="{w if type(w) in (int, float) else escape_attr(str(w))}"'
        extras((u, v), head, attvalues(values, others, starts) if others else "", "      </edge>")
    if edges:
        append("    </edges>\n")
    head = _GEXF_HEAD
    if viz:
        head = head.replace('xmlns:xsi=', f'xmlns:viz="{_VIZ_NS}" xmlns:xsi=', 1)
    if times:
        head = head.replace('mode="static"', 'mode="dynamic" timeformat="integer"', 1)
    parts = [head]
    for kind in reversed(blocks):  # networkx inserts each class's block first
        parts.append(f'    <attributes mode="static" class="{kind}">\n')
        parts.extend(declared[kind])
        parts.append("    </attributes>\n")
    for spells, out in outs.items():
        out.write("".join(parts).encode("utf-8"))
        bodies[spells].copy_to(out)
        out.write(b"  </graph>\n</gexf>\n")


def graphml(nodes: Sequence[Row], edges: Sequence[EdgeRow]) -> bytes:
    """An undirected GraphML document (UTF-8); keys ``d0, d1, ...`` by first use.

    >>> print(graphml([("x", {})], []).decode().splitlines()[-3])
        <node id="x" />
    """
    out = io.BytesIO()
    write_graphml(out, nodes, edges)
    return out.getvalue()


def write_graphml(out: IO[bytes], nodes: Sequence[Row], edges: Sequence[EdgeRow]) -> None:
    """:func:`graphml` written to ``out`` (the body spilled to a temporary file on the way)."""
    keys: dict[tuple[str, str, str], str] = {}  # (name, type, scope) -> id
    declared: list[str] = []
    starts: dict[tuple, list[str]] = {}  # row signature -> '<data key="id"' each

    def key_id(name: str, value, scope: str) -> str:
        kind = _type(value)
        key = (name, kind, scope)
        if key not in keys:
            keys[key] = f"d{len(keys)}"
            declared.append(f'  <key id="{keys[key]}" for="{scope}" attr.name='
                            f'"{escape_attr(name)}" attr.type="{kind}" />\n')
        return keys[key]

    def data_lines(data: dict, scope: str) -> str:
        signature = (scope, tuple(data), tuple(map(type, data.values())))
        prefixes = starts.get(signature)
        if prefixes is None:
            prefixes = [f'      <data key="{key_id(str(k), v, scope)}"' for k, v in data.items()]
            starts[signature] = prefixes
        texts = [escape_text(v) if type(v) is str else str(v) for v in data.values()]
        return "".join([f"{p}>{t}</data>\n" if t else f"{p} />\n"
                        for p, t in zip(prefixes, texts)])

    body = _Spill()
    empty = not nodes and not edges
    for node, data in nodes:
        body.append(_element(f'    <node id="{escape_attr(str(node))}"',
                             data_lines(data, "node") if data else "", "    </node>"))
    for u, v, data in edges:
        body.append(_element(f'    <edge source="{escape_attr(str(u))}" target="{escape_attr(str(v))}"',
                             data_lines(data, "edge") if data else "", "    </edge>"))
    out.write("".join([_GRAPHML_HEAD, *reversed(declared)]).encode("utf-8"))  # keys first, as networkx
    if empty:
        body.file.close()
        out.write(b'  <graph edgedefault="undirected" />\n')
    else:
        out.write(b'  <graph edgedefault="undirected">\n')
        body.copy_to(out)
        out.write(b"  </graph>\n")
    out.write(b"</graphml>\n")
