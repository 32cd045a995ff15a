"""The base layer, which every app imports and which imports no app: sources, the region and
its municipalities, shared field types, and the helpers for text matching, formatting,
exporting, PDFs, charts, the API, the admin and staff logins.

A new thing goes here only if it needs no pillar, programme or project; otherwise it goes to
the lowest app that has what it needs, or to regionportal.site when it combines several.
"""
