"""``python -m kg`` runs the command line."""

from kg.launch import run

run()
