"""Time the full build against a bare MkDocs build of the same pages; print the ratio, stage times and sizes.

One run each. The bare build is plain Material with only the search plugin,
on a copy of docs/ (macros stay as raw text, translations build as separate
pages): what MkDocs costs with none of our work. The full build is
scripts/build.py's build() into a temporary folder, with its own timings of
each stage. The design goal is full / bare below 2.

Usage: python scripts/benchmark.py [--keep DIR] [--profile]
  --keep DIR   keep both builds in DIR (full/ and bare/) to look at
  --profile    also run MkDocs for the site under cProfile and print where its time goes
"""
from __future__ import annotations

import argparse
import cProfile
import gzip
import io
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.build import BuildFailed, build  # noqa: E402

BARE_CONFIG = """site_name: Bare benchmark
docs_dir: docs
theme:
  name: material
plugins:
  - search
"""
TARGET_RATIO = 2.0


def bare_build(workdir: Path) -> tuple[float, Path]:
    """Seconds for `mkdocs build` of a copy of docs/ with plain Material and search only."""
    shutil.copytree(ROOT / "docs", workdir / "docs")
    (workdir / "mkdocs.yml").write_text(BARE_CONFIG, encoding="utf-8")
    out = workdir / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file",
                             str(workdir / "mkdocs.yml"), "--site-dir", str(out)],
                            cwd=workdir, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"bare MkDocs build failed:\n{result.stderr[-2000:]}")
    return seconds, out


def full_build(out: Path) -> tuple[float, dict]:
    """Seconds and per-stage timings of the project's own build."""
    timings = {}
    start = time.perf_counter()
    try:
        build(ROOT, out, timings)
    except BuildFailed as err:
        raise SystemExit(f"full build failed: {err}")
    return time.perf_counter() - start, timings


def sizes(site: Path) -> list[tuple[str, str]]:
    """Total size, page count, largest page (raw and gzip -6), PDFs and zip under downloads/."""
    files = [path for path in site.rglob("*") if path.is_file()]
    pages = [path for path in files if path.suffix == ".html"]
    rows = [("site", f"{_mb(sum(p.stat().st_size for p in files))} in {len(files)} files"),
            ("pages", f"{len(pages)} HTML files, {_kb(sum(p.stat().st_size for p in pages))} together")]
    if pages:
        largest = max(pages, key=lambda path: path.stat().st_size)
        gz = len(gzip.compress(largest.read_bytes(), compresslevel=6))
        rows.append(("largest page", f"{largest.relative_to(site)}: {_kb(largest.stat().st_size)} ({_kb(gz)} gzip -6)"))
    downloads = site / "downloads"
    if downloads.exists():
        pdfs = sorted(downloads.rglob("*.pdf"))
        if pdfs:
            rows.append(("PDFs", f"{len(pdfs)} files, {_kb(sum(p.stat().st_size for p in pdfs))} together, "
                                 f"largest {_kb(max(p.stat().st_size for p in pdfs))}"))
        for archive in sorted(downloads.glob("*.zip")):
            rows.append(("zip", f"{archive.name}: {_mb(archive.stat().st_size)}"))
    return rows


def profile_mkdocs(out: Path, top: int = 25) -> str:
    """cProfile of one MkDocs build of the site (all languages, no offline edition), by cumulative time."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from whotocall.mkdocs_run import source_date_epoch
    from whotocall.data import load_catalog
    os.environ.update(NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=source_date_epoch(load_catalog(ROOT)))
    profiler = cProfile.Profile()
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(out))
        profiler.enable()
        mkdocs_build(config)
        profiler.disable()
    finally:
        os.chdir(cwd)
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(top)
    return text.getvalue()


def _kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.2f} MB"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="keep both builds in this folder")
    parser.add_argument("--profile", action="store_true", help="also profile one MkDocs build of the site")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="wtc-bench-"))
    try:
        bare_seconds, bare_site = bare_build(work / "bare")
        full_seconds, timings = full_build(work / "full" / "site")
        ratio = full_seconds / bare_seconds
        print(f"bare MkDocs build (plain Material, search only): {bare_seconds:6.2f} s")
        print(f"full build (scripts/build.py):                  {full_seconds:6.2f} s")
        print(f"ratio full / bare: {ratio:.2f} (design goal: below {TARGET_RATIO:g})")
        print("\nfull build stages:")
        for name, seconds in timings.items():
            if name != "total":
                print(f"  {name:<36} {seconds:6.2f} s  {seconds / full_seconds:4.0%}")
        print("\nfull build sizes:")
        for name, value in sizes(work / "full" / "site"):
            print(f"  {name:<14} {value}")
        print("\nbare build sizes:")
        for name, value in sizes(bare_site):
            print(f"  {name:<14} {value}")
        if args.profile:
            print("\nwhere MkDocs spends its time in the full build (one run, cumulative):")
            print(profile_mkdocs(work / "profile"))
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for name in ("bare", "full"):
                shutil.copytree(work / name / "site", args.keep / name, dirs_exist_ok=True)
        if ratio >= TARGET_RATIO:
            print(f"\nAbove the design goal: see the stages above (and --profile) for where the time goes.")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
