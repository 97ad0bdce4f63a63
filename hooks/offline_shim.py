"""Offline edition: load the search worker shim from our own files, not a CDN.

Material's offline plugin adds iframe-worker from unpkg.com as a polyfill (a
worker cannot start from file://). We ship the same shim from npm
(node_modules/iframe-worker, copied by whotocall/offline.py), so the offline
edition makes no request to any other host.
"""

SHIM = "assets/javascripts/iframe-worker-shim.js"


# Hooks

def on_config(config):
    """Swap the CDN polyfill for the vendored copy (runs after the offline plugin)."""
    polyfills = config.extra.get("polyfills") or []
    if any("iframe-worker" in url and "://" in url for url in polyfills):
        config.extra["polyfills"] = [SHIM if "iframe-worker" in url else url for url in polyfills]
    return config
