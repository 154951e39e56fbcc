"""Quality measurement of extraction: CoNLL data, the NER model's scores, the stand-off gold samples."""
