"""Extraction: pure functions from text (and a publication date) to events.

Nothing here reads files (except the bundled data, once), writes, or touches
the store, the CLI or the web code.
"""
