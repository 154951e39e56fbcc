"""A measured network as a plain networkx graph and as a configured ``pyvis.network.Network``.

The pyvis network has the page's colours, sizes, build-time positions (physics off) and
plain-text tooltips, and works offline: vis-network is inlined (``cdn_resources="in_line"``)
and the Bootstrap links of pyvis's template are taken out, so nothing is fetched.

>>> import networkx as nx
>>> from kg.analytics.measures import compute
>>> from kg.analytics.networks import NETWORKS
>>> from kg.analytics.results import NetworkResult
>>> G = nx.Graph([("http://e/a", "http://e/b", {"weight": 2.0, "articles": 2})])
>>> r = NetworkResult(NETWORKS[0], G, compute(G))
>>> H = as_networkx(r)
>>> [k for k in sorted(H.nodes["http://e/a"]) if k.startswith("co")]
['colour', 'community', 'community_name', 'connected_component']
>>> net = as_pyvis(r)                                   # doctest: +SKIP
>>> "https://" in net.generate_html(notebook=True)      # doctest: +SKIP
False
"""

from __future__ import annotations

import re

import networkx as nx

from kg.analytics.results import NetworkResult, edge_years, node_years, rounded

_CDN = re.compile(r"<link\s[^>]*bootstrap[^>]*/>|<script\s[^>]*bootstrap[^>]*>\s*</script>", re.S)


def as_networkx(r: NetworkResult) -> nx.Graph:
    """A copy of the network whose nodes also carry every measure, the communities (with
    names), ``colour``, ``size``, ``x``/``y`` and ``years``; edges carry ``years``."""
    H = nx.Graph()
    H.graph.update(name=r.name, **{k: v for k, v in r.graph.graph.items()})
    look, pos, years = r.look, r.layout, node_years(r)
    for n, data in r.graph.nodes(data=True):
        attrs = dict(data)
        attrs.update({m: s[n] for m, s in r.measures.scores.items()})
        attrs.update({p: c[n] for p, c in r.measures.communities.items()})
        attrs.update(community=look.community[n], community_name=look.community_name[look.community[n]],
                     colour=look.colour[n], size=look.size[n], x=pos[n][0], y=pos[n][1],
                     years=years.get(str(n), ()))
        H.add_node(n, **dict(sorted(attrs.items())))
    dated = edge_years(r)
    for u, v, data in r.graph.edges(data=True):
        H.add_edge(u, v, **data, years=dated.get(tuple(sorted((str(u), str(v)))), ()))
    return H


def as_pyvis(r: NetworkResult, height: str = "750px", notebook: bool = True):
    """A ``pyvis.network.Network`` of ``r`` (see the module docstring); ``net.show("x.html")``
    or, in Jupyter, ``net.show("x.html", notebook=True)`` displays it."""
    from jinja2 import ChoiceLoader, DictLoader, Environment, FileSystemLoader  # deferred: pyvis's
    from pyvis.network import Network  # deferred: pyvis imports IPython and Jinja

    net = Network(height=height, width="100%", notebook=notebook, cdn_resources="in_line")
    with open(f"{net.template_dir}{net.path}", encoding="utf-8") as f:
        text = _CDN.sub("", f.read())
    net.templateEnv = Environment(loader=ChoiceLoader([DictLoader({net.path: text}),
                                                       FileSystemLoader(net.template_dir)]))
    net.template = net.templateEnv.get_template(net.path)
    look, pos, years = r.look, r.layout, node_years(r)
    for n in r.graph:
        data = r.graph.nodes[n]
        tip = [r.label(n), f"{data.get('type', 'other')} · {look.community_name[look.community[n]]}",
               f"{len(data.get('articles', ()))} article(s)"
               + (f", {', '.join(map(str, years[str(n)]))}" if str(n) in years else "")]
        tip += [f"{m.replace('_', ' ')}: {rounded(float(s[n]), 4)}"
                for m, s in r.measures.scores.items()]
        net.add_node(str(n), label=r.label(n), title="\n".join(tip), color=look.colour[n],
                     size=look.size[n], x=pos[n][0], y=pos[n][1], physics=False)
    for u, v, d in r.graph.edges(data=True):
        net.add_edge(str(u), str(v), value=float(d.get("weight", 1.0)),
                     title=f"{r.label(u)} — {r.label(v)}: weight {rounded(float(d.get('weight', 1.0)), 4)}")
    net.toggle_physics(False)
    return net
