"""Serving the review app to a browser (`case-review serve`).

`access` decides who may connect (pure aiohttp); `server` is our textual-serve `Server`, which
runs one app process a browser tab and adds the access checks and a page that loads nothing
from any other host. Imported only by `case-review serve`.
"""
