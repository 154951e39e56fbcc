"""``kg serve``: the read-only SPARQL endpoint, its worker pool, response cache and query page."""
