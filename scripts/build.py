"""Build the whole site into site/: check data, run MkDocs strictly, then post-build steps.

The build happens in a fresh temporary folder beside site/; only a build that
finished without error replaces site/, so a failed build never damages the
last good one.

Usage: python scripts/build.py [--out DIR]
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _compile_own_code():
    """Byte-compile whotocall/ and hooks/ when Python is told not to (PYTHONDONTWRITEBYTECODE).

    Otherwise this process and the MkDocs one compile them from source on every
    build (about 0.25 s each here); compileall skips files that have not changed.
    """
    if sys.dont_write_bytecode:
        import compileall
        for folder in ("whotocall", "hooks"):
            compileall.compile_dir(str(ROOT / folder), quiet=2, maxlevels=0)


_compile_own_code()

# Only what starting MkDocs needs is imported up front: the card printer (Playwright,
# fontTools) and the post-build steps load while MkDocs runs.
from whotocall.data import DataError, load_catalog  # noqa: E402
from whotocall.mkdocs_run import finish_mkdocs, start_mkdocs  # noqa: E402


class BuildFailed(Exception):
    """A build step failed; the message says which and why."""


def build(root: Path = ROOT, out: Path | None = None, timings: dict | None = None, pdf_cache: bool = True) -> Path:
    """Build everything into `out` (default site/), replacing it only on success.

    pdf_cache=False prints every card PDF afresh (as on a fresh clone) instead of
    taking unchanged ones from .cache/cards/.
    """
    root = Path(root)
    out = Path(out) if out else root / "site"
    timings = {} if timings is None else timings
    start = time.perf_counter()
    try:
        catalog = load_catalog(root)
    except DataError as err:
        raise BuildFailed(str(err)) from None
    timings["check data"] = time.perf_counter() - start
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".site-", dir=out.parent))
    try:
        step = time.perf_counter()
        # MkDocs builds every language in a process of its own; meanwhile this
        # process prints the card PDFs, which need data/ but no MkDocs output.
        mkdocs = start_mkdocs(root, work, catalog)
        with ThreadPoolExecutor(max_workers=1) as printer:
            pdfs = printer.submit(_print_pdfs, root, catalog, work, pdf_cache)
            try:
                finish_mkdocs(mkdocs)
            except DataError as err:
                raise BuildFailed(str(err)) from None
            finally:
                timings["mkdocs (every language)"] = time.perf_counter() - step
            try:
                timings["card PDFs (beside MkDocs)"] = pdfs.result() - step
            except DataError as err:
                raise BuildFailed(f"cards: {err}") from None
        from whotocall import postbuild
        for name, stage in postbuild.STAGES:
            step = time.perf_counter()
            try:
                stage(root, work, catalog)
            except DataError as err:
                raise BuildFailed(f"{name}: {err}") from None
            timings[name] = time.perf_counter() - step
        _swap(work, out)
    finally:
        from whotocall.card_pdfs import printed_dir
        for folder in (work, printed_dir(work).parent):
            if folder.exists():
                shutil.rmtree(folder, ignore_errors=True)
    timings["total"] = time.perf_counter() - start
    return out


def _print_pdfs(root: Path, catalog, work: Path, pdf_cache: bool) -> float:
    """Print (or take from the cache) every card PDF beside the build folder; the time it finished."""
    from whotocall.card_pdfs import make_pdfs, printed_dir, site_url_from_config
    make_pdfs(root, catalog, site_url_from_config(root), printed_dir(work), pdf_cache)
    return time.perf_counter()


def _swap(new: Path, out: Path):
    """Put the finished build in place of the old one with two renames."""
    old = out.with_name(out.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if out.exists():
        out.rename(old)
    new.rename(out)
    if old.exists():
        shutil.rmtree(old)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="where to write the site (default: site/)")
    parser.add_argument("--no-pdf-cache", action="store_true", help="print every card PDF afresh")
    parser.add_argument("--timings", type=Path, help="also write the stage timings to this JSON file")
    args = parser.parse_args(argv)
    timings = {}
    try:
        out = build(ROOT, args.out, timings, pdf_cache=not args.no_pdf_cache)
    except BuildFailed as err:
        print(f"BUILD FAILED: {err}", file=sys.stderr)
        print("The previous site/ was left as it was.", file=sys.stderr)
        return 1
    if args.timings:
        args.timings.write_text(json.dumps(timings, indent=1), encoding="utf-8")
    print(f"Built {out} in {timings['total']:.1f} s (" +
          ", ".join(f"{k} {v:.1f} s" for k, v in timings.items() if k != "total") + ")")
    return 0


if __name__ == "__main__":
    sys.exit(main())
