"""Kazakh NLP helpers: tokeniser, CoNLL reader, NER model loader and evaluator."""
