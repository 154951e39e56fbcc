"""How a network looks, shared by the page, the GEXF, the VOSviewer files and pyvis.

Communities are named by their most central members (PageRank) and coloured so that two
communities linked by an edge never share a colour while the palette allows it (greedy
colouring of the community graph, largest community first; a colour already taken by a
neighbour is skipped, and when all are taken the one least tied to the community is
reused). Single-node communities are grey. Node sizes map the size measure linearly to
``MIN_SIZE..MAX_SIZE`` pixels, as vis-network scales ``value``.

>>> import networkx as nx
>>> G = nx.Graph([("a", "b"), ("b", "c"), ("c", "d")])
>>> community_colours(G, {"a": 0, "b": 0, "c": 1, "d": 1, "e": 2})
{0: '#4e79a7', 1: '#f28e2b', 2: '#bab0ac'}
>>> community_names({"a": 0, "b": 0, "c": 1}, {"a": .2, "b": .5, "c": .3}, {"a": "A", "b": "B", "c": "C"})
{0: 'B · A', 1: 'C'}
>>> sizes({"a": 0.0, "b": 1.0, "c": 0.5})
{'a': 6.0, 'b': 30.0, 'c': 18.0}
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import networkx as nx

from kg import kinds

#: Twelve colours chosen to differ from each other (Tableau 10 without its grey and its
#: second teal, plus olive, navy and maroon), in the order communities get them.
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#59a14f", "#b07aa1", "#edc948", "#76b7b2",
           "#ff9da7", "#9c755f", "#bcbd22", "#2f4b7c", "#8c2d04")
OTHER_COLOUR = "#bab0ac"
MIN_SIZE, MAX_SIZE = 6.0, 30.0
NAME_MEMBERS = 3


SIZE_BY = "pagerank"


@dataclass(frozen=True)
class Look:
    """Colour, size and community of every node, and each community's name and colour."""

    colour: dict  # node -> "#rrggbb"
    size: dict  # node -> pixels
    size_by: str
    colour_by: str  # "community" or "type"
    community: dict  # node -> community id
    community_colour: dict[int, str]
    community_name: dict[int, str]
    type_colour: dict[str, str]


def look_of(G: nx.Graph, scores: dict[str, dict], community: dict, colour_by: str = "community",
            size_by: str = SIZE_BY) -> Look:
    """The :class:`Look` of a measured network (``size_by`` falls back to degree)."""
    if size_by not in scores:
        size_by = "degree"
    values = scores.get(size_by, {})
    labels = {n: G.nodes[n].get("label", str(n)) for n in G}
    ccol = community_colours(G, community)
    types = {**{k.key: k.colour for k in kinds.KINDS}, "other": OTHER_COLOUR}
    if colour_by == "type":
        colour = {n: types.get(G.nodes[n].get("type", "other"), OTHER_COLOUR) for n in G}
    else:
        colour = {n: ccol[community[n]] for n in G}
    return Look(colour, sizes({n: values.get(n, 0.0) for n in G}), size_by, colour_by,
                dict(community), ccol,
                community_names(community, scores.get("pagerank", values), labels), types)


def community_colours(G: nx.Graph, community: dict) -> dict[int, str]:
    """``{community id: colour}``: neighbouring communities differ (see the module docstring)."""
    members = Counter(community.values())
    ties: dict[int, Counter] = defaultdict(Counter)
    for u, v, d in G.edges(data=True):
        cu, cv = community[u], community[v]
        if cu != cv:
            w = float(d.get("weight", 1.0) or 1.0)
            ties[cu][cv] += w
            ties[cv][cu] += w
    colours: dict[int, str] = {}
    used: Counter = Counter()
    for c in sorted(members, key=lambda c: (-members[c], c)):
        if members[c] == 1:
            colours[c] = OTHER_COLOUR
            continue
        taken: Counter = Counter()
        for other, w in ties[c].items():
            if other in colours:
                taken[colours[other]] += w
        free = [p for p in PALETTE if p not in taken]
        if free:  # the least used free colour, in palette order
            colours[c] = min(free, key=lambda p: (used[p], PALETTE.index(p)))
        else:
            colours[c] = min(PALETTE, key=lambda p: (taken[p], used[p], PALETTE.index(p)))
        used[colours[c]] += 1
    return dict(sorted(colours.items()))


def community_names(community: dict, scores: dict, labels: dict,
                    members: int = NAME_MEMBERS) -> dict[int, str]:
    """``{community id: "A · B · C"}``: the labels of its ``members`` most central nodes."""
    groups: dict[int, list] = defaultdict(list)
    for n, c in community.items():
        groups[c].append(n)
    names = {}
    for c, nodes in sorted(groups.items()):
        top = sorted(nodes, key=lambda n: (-scores.get(n, 0.0), str(n)))[:members]
        names[c] = " · ".join(labels.get(n, str(n)) for n in top)
    return names


def sizes(values: dict, low: float = MIN_SIZE, high: float = MAX_SIZE) -> dict:
    """``{node: pixels}``: ``values`` scaled linearly onto ``low..high`` (all ``low``+half
    the range when they are equal, as vis-network does)."""
    if not values:
        return {}
    lo, hi = min(values.values()), max(values.values())
    if hi == lo:
        return {n: round((low + high) / 2, 2) for n in values}
    return {n: round(low + (high - low) * (v - lo) / (hi - lo), 2) for n, v in values.items()}


def hex_rgb(colour: str) -> tuple[int, int, int]:
    """``"#4e79a7"`` as ``(78, 121, 167)``.

    >>> hex_rgb("#4e79a7")
    (78, 121, 167)
    """
    c = colour.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)
