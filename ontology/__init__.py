"""The kazkg ontology, SHACL shapes, JSON-LD context and query library, as package data.

Installed as ``kg.ontology`` (see pyproject.toml); read through ``kg.rdf.ontology``.
"""
