"""Lighthouse scores (mobile) for key pages of the built site: a table of Performance, Accessibility, Best Practices, SEO.

Serves site/ on a local port and runs npm lighthouse@12.2.3 (installed on
first use into .tools/, outside package.json: it is a command, not a test)
with Debian's Chromium, on the home page, know-your-rights and the quiz in
English, Spanish and Arabic. Lighthouse's mobile preset simulates a slow
4G phone. The local server gzips text files, as static hosts do.

Usage: python scripts/lighthouse.py [--site DIR] [--json DIR]
  --site DIR   built site to serve (default: site/)
  --json DIR   also keep each page's full Lighthouse report as JSON there
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from whotocall.browser import chromium_path  # noqa: E402

VERSION = "12.2.3"
TOOLS = ROOT / ".tools"
LIGHTHOUSE = TOOLS / "node_modules" / ".bin" / "lighthouse"
PAGES = [(lang, slug) for lang in ("en", "es", "ar") for slug in ("index", "know-your-rights", "quiz")]
CATEGORIES = [("performance", "Performance"), ("accessibility", "Accessibility"),
              ("best-practices", "Best Practices"), ("seo", "SEO")]


def ensure_lighthouse() -> Path:
    """The pinned Lighthouse CLI, installed into .tools/ the first time."""
    if not LIGHTHOUSE.exists():
        if not shutil.which("npm"):
            raise SystemExit("Lighthouse needs npm (Node.js) to install it once into .tools/.")
        print(f"Installing lighthouse@{VERSION} into {TOOLS.relative_to(ROOT)}/ (once) ...", file=sys.stderr)
        subprocess.run(["npm", "install", "--prefix", str(TOOLS), "--no-save", "--no-audit", "--no-fund",
                        f"lighthouse@{VERSION}"], check=True)
    return LIGHTHOUSE


COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as static hosts such as GitHub Pages do: text files gzipped when the browser asks.

    Python's own server sends them uncompressed, which made Lighthouse's simulated slow 4G
    phone wait for 138 KB of Material's stylesheet instead of 22 KB.
    """
    cache: dict = {}

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().do_GET()            # the redirect to the folder's address
            path = path / "index.html"
        if not (path.is_file() and path.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        body = self.cache.get(path) or self.cache.setdefault(path, gzip.compress(path.read_bytes(), compresslevel=6))
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """A quiet local web server for the site (gzip, as a static host does), in a background thread."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def page_url(base: str, lang: str, slug: str) -> str:
    prefix = base if lang == "en" else f"{base}{lang}/"
    return prefix if slug == "index" else f"{prefix}{slug}/"


def run(lighthouse: Path, url: str) -> dict:
    """One Lighthouse run (mobile preset) and its JSON report."""
    chrome = chromium_path(shell=False)   # Lighthouse runs Chrome's own headless mode
    if not chrome:
        raise SystemExit("Lighthouse needs Chromium: install it (apt install chromium) or set CHROMIUM.")
    result = subprocess.run(
        [str(lighthouse), url, "--output=json", "--output-path=stdout", "--quiet", "--form-factor=mobile",
         "--only-categories=" + ",".join(key for key, _ in CATEGORIES),
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
        env=dict(os.environ, CHROME_PATH=chrome), capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"Lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="built site to serve (default: site/)")
    parser.add_argument("--json", type=Path, help="keep each full report as JSON in this folder")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").exists():
        print(f"{args.site}: no built site (run make build)", file=sys.stderr)
        return 1
    lighthouse = ensure_lighthouse()
    httpd, base = serve(args.site)
    rows = []
    try:
        for lang, slug in PAGES:
            report = run(lighthouse, page_url(base, lang, slug))
            scores = [report["categories"][key]["score"] for key, _ in CATEGORIES]
            rows.append((f"{lang}/{slug}", [round(score * 100) if score is not None else None for score in scores]))
            if args.json:
                args.json.mkdir(parents=True, exist_ok=True)
                (args.json / f"{lang}-{slug}.json").write_text(json.dumps(report), encoding="utf-8")
            print(f"{lang}/{slug}: " + ", ".join(f"{name} {value}" for (_, name), value in zip(CATEGORIES, rows[-1][1])),
                  file=sys.stderr)
    finally:
        httpd.shutdown()
    print(f"Lighthouse {VERSION}, mobile preset, local server with gzip")
    print()
    print("| page | " + " | ".join(name for _, name in CATEGORIES) + " |")
    print("|---|" + "---:|" * len(CATEGORIES))
    for page, scores in rows:
        print(f"| {page} | " + " | ".join("n/a" if score is None else str(score) for score in scores) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
