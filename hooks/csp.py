"""Give every page a Content-Security-Policy that allows only this site.

A <meta http-equiv> policy, because the site is served by static hosts that
may not let us set headers: scripts only from the site itself plus the exact
inline scripts Material writes into each page (by sha256 hash, computed on the
finished HTML, so a changed inline script is blocked rather than trusted),
styles, images, fonts, the search worker and its requests only from the site.
Skipped when `extra.csp` is false, and under `mkdocs serve`, whose live-reload
script is inline with a new value on every load (no hash can allow it).
"""
import base64
import hashlib
import re

_HEAD = re.compile(r"<head>\s*(<meta charset=\"utf-8\">)?", re.I)
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
_SRC = re.compile(r"\ssrc\s*=", re.I)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.I)
_CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy"', re.I)
_SERVING = False


# Hooks

def on_startup(command, dirty):
    """Note whether this is `mkdocs serve`: its live-reload script is inline and changes on every load."""
    global _SERVING
    _SERVING = command == "serve"


def on_post_page(output, page, config):
    """Add the policy to one rendered page."""
    if not enabled(config):
        return output
    return add_policy(output)


def on_post_template(output, template_name, config):
    """The same for pages made from theme templates alone (404.html)."""
    if not enabled(config) or template_name != "404.html":
        return output
    return add_policy(output)


# Helper functions

def enabled(config):
    """False when mkdocs.yml (or WTC_CSP=false) turns the policy off, and under `mkdocs serve` (live reload)."""
    return not _SERVING and config.extra.get("csp", True) not in (False, "false", "False", "0", 0)


def add_policy(html):
    """Insert <meta http-equiv="Content-Security-Policy"> first thing after <meta charset>."""
    if _CSP_META.search(html):
        raise ValueError("page already has a Content-Security-Policy meta element")
    head = _HEAD.search(html)
    if not head:
        raise ValueError("no <head> to put the Content-Security-Policy in")
    meta = f'\n  <meta http-equiv="Content-Security-Policy" content="{policy(inline_script_hashes(html))}">'
    return html[:head.end()] + meta + html[head.end():]


def inline_script_hashes(html):
    """'sha256-…' of every inline script the browser would run, in page order, without repeats."""
    hashes = []
    for match in _SCRIPT.finditer(html):
        attributes, body = match.group(1), match.group(2)
        kind = _TYPE.search(attributes)
        if _SRC.search(attributes) or (kind and kind.group(1).lower() not in JS_TYPES):
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        if f"'sha256-{digest}'" not in hashes:
            hashes.append(f"'sha256-{digest}'")
    return hashes


def policy(script_hashes):
    """The policy text: every directive from POLICY, inline script hashes added to script-src."""
    directives = dict(POLICY)
    directives["script-src"] = " ".join([directives["script-src"], *script_hashes])
    return "; ".join(f"{name} {value}" for name, value in directives.items())


# Data

JS_TYPES = {"text/javascript", "application/javascript", "module"}

POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",          # Material's icons are data: SVGs in its CSS
    "font-src": "'self'",
    "connect-src": "'self'",            # the search index
    "worker-src": "'self'",             # the search worker and the service worker (sw.js)
    "manifest-src": "'self'",           # the web app manifest of each language
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}
