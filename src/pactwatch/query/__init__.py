"""Queries over the store: event lists and filters, dyad timelines, one event's evidence,
entities and full-text search. Each returns typed records (:mod:`pactwatch.query.results`).
"""
