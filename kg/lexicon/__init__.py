"""Lexicons: the country and place gazetteers and the catalogue of institutions, laws and programs."""
