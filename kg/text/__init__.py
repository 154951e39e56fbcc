"""Text utilities: tokens, Kazakh and Russian morphology, language detection, the spaCy ``kk`` language."""
