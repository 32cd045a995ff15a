"""The portal's content as plain data, loaded by `manage.py load_content`.

The agency's presentation "Savinjska regija na poti do integralne zelene regije" is the primary
source; public sources fill its gaps. Each module holds plain Python data (lists of dicts whose
keys are model field names, with `_sl`/`_en` for translated fields); other records are named by
their slug. Where the portal's wording differs from the slide's (sentence case instead of
capitals, a mended line break), `source_excerpt` keeps the slide's own words.
"""
