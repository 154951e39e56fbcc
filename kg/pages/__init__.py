"""HTML pages of a build: the network pages and the dashboard."""
