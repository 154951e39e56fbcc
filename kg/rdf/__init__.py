"""RDF: the vocabulary, terms as N-Quads text, the mapping of a corpus to graphs, sorted runs, serialisers."""
