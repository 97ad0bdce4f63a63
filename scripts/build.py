"""Build the whole site into site/: check data, run MkDocs strictly, then post-build steps.

The build happens in a fresh temporary folder beside site/; only a build that
finished without error replaces site/, so a failed build never damages the
last good one.

Usage: python scripts/build.py [--out DIR]
"""
from __future__ import annotations

import argparse
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from whotocall.data import DataError, load_catalog  # noqa: E402
from whotocall import postbuild  # noqa: E402


class BuildFailed(Exception):
    """A build step failed; the message says which and why."""


def source_date_epoch(catalog) -> str:
    """A fixed build date (the day the facts were last checked), so two builds give the same bytes."""
    checked = datetime.date.fromisoformat(catalog.last_checked())
    return str(int(datetime.datetime(checked.year, checked.month, checked.day, tzinfo=datetime.timezone.utc).timestamp()))


def run_mkdocs(root: Path, out: Path, epoch: str):
    """MkDocs build, strict, into `out`; its own error text is passed through."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0", SOURCE_DATE_EPOCH=epoch)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file",
         str(root / "mkdocs.yml"), "--site-dir", str(out)],
        cwd=root, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BuildFailed(explain_mkdocs_failure(result.stderr + result.stdout))


def explain_mkdocs_failure(output: str) -> str:
    """The one line a person needs from MkDocs' output: the page and the error."""
    page = re.search(r"^_File_: `([^`]+)`", output, re.M)
    error = re.search(r"^_(\w*Error)_: (.+)$", output, re.M)
    if error:
        where = f"docs/{page.group(1)}: " if page else ""
        return f"{where}{error.group(1)}: {error.group(2)}"
    lines = [line for line in output.splitlines()
             if line.strip() and "│" not in line and not line.startswith(("INFO", "  "))]
    return "MkDocs build failed:\n" + "\n".join(lines[-20:])


def build(root: Path = ROOT, out: Path | None = None, timings: dict | None = None) -> Path:
    """Build everything into `out` (default site/), replacing it only on success."""
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
        run_mkdocs(root, work, source_date_epoch(catalog))
        timings["mkdocs"] = time.perf_counter() - step
        for name, stage in postbuild.STAGES:
            step = time.perf_counter()
            try:
                stage(root, work, catalog)
            except DataError as err:
                raise BuildFailed(f"{name}: {err}") from None
            timings[name] = time.perf_counter() - step
        _swap(work, out)
    finally:
        if work.exists():
            shutil.rmtree(work, ignore_errors=True)
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
    args = parser.parse_args(argv)
    timings = {}
    try:
        out = build(ROOT, args.out, timings)
    except BuildFailed as err:
        print(f"BUILD FAILED: {err}", file=sys.stderr)
        print("The previous site/ was left as it was.", file=sys.stderr)
        return 1
    print(f"Built {out} in {timings['total']:.1f} s (" +
          ", ".join(f"{k} {v:.1f} s" for k, v in timings.items() if k != "total") + ")")
    return 0


if __name__ == "__main__":
    sys.exit(main())
