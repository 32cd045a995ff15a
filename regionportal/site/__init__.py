"""The site layer, above every app: what combines several of them. The home page, search, the
pages and API answers of pillars, programmes and municipalities that show projects, sitemaps,
the API's routing, the content loader and backups. Nothing below imports it.
"""
