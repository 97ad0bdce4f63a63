"""Build the site into site/ with `mkdocs build --strict`, replacing site/ only when the build succeeds.

MkDocs itself makes the whole site (hooks/finish_site.py finishes it after the
last language); this script only adds what a person running `make build`
needs around it: the data checked first, the build written to a fresh folder
beside site/ and swapped in at the end (a failed build leaves the old site/
alone), and a failure told in one line ("BUILD FAILED: ...").

Usage: python scripts/build.py [--out DIR] [--timings FILE]
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from whotocall.data import DataError, load_catalog, warn_stale_sources  # noqa: E402
from whotocall.mkdocs_run import finish_mkdocs, start_mkdocs  # noqa: E402


class BuildFailed(Exception):
    """The build failed; the message says where and why."""


def build(root: Path = ROOT, out: Path | None = None, timings: dict | None = None) -> Path:
    """Build everything into `out` (default site/), replacing it only on success."""
    root = Path(root)
    out = Path(out) if out else root / "site"
    timings = {} if timings is None else timings
    start = time.perf_counter()
    try:
        warn_stale_sources(load_catalog(root))
    except DataError as err:
        raise BuildFailed(str(err)) from None
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".site-", dir=out.parent))
    steps = work.with_name(work.name + ".timings.json")
    try:
        try:
            finish_mkdocs(start_mkdocs(root, work, {"WTC_TIMINGS": str(steps)}))
        except DataError as err:
            raise BuildFailed(str(err)) from None
        _swap(work, out)
        timings.update(json.loads(steps.read_text(encoding="utf-8")) if steps.exists() else {})
    finally:
        shutil.rmtree(work, ignore_errors=True)
        steps.unlink(missing_ok=True)
    timings["total"] = time.perf_counter() - start
    return out


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
    parser.add_argument("--timings", type=Path, help="also write the step timings to this JSON file")
    args = parser.parse_args(argv)
    timings = {}
    try:
        out = build(ROOT, args.out, timings)
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
