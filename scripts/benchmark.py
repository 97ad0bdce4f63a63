"""Time the full build against a bare MkDocs build of the same pages; print the ratio, stage times and sizes.

Both in one run, on the same machine, one after the other. The bare build is
plain Material with only the search plugin, on a copy of docs/ (macros stay as
raw text, translations build as separate pages): what MkDocs costs with none of
our work. The full build is `python scripts/build.py` into a temporary folder;
both are timed as whole processes, Python's start-up included. The full build is
measured twice: cold, as on a fresh clone (no byte-compiled copy of our own code;
the build keeps no other cache), and warm, right after another build. After
one untimed run of each (disk cache, jieba cache), every build runs --rounds
times, interleaved, and the fastest of each is compared: a shared machine only
ever adds time. The design goal is full / bare at most 1.3. It also times
typesetting every card, sheet, flyer and preview of every language (Typst), cold,
in a process of its own: the goal is under 1 s.

Usage: python scripts/benchmark.py [--rounds N] [--keep DIR] [--profile]
  --rounds N   timed rounds (default 3)
  --keep DIR   keep both builds in DIR (full/ and bare/) to look at
  --profile    also run MkDocs for the site under cProfile and print where its time goes
               (WTC_PROFILE_SORT=tottime sorts by own time)
"""
from __future__ import annotations

import argparse
import cProfile
import gzip
import io
import json
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


BARE_CONFIG = """site_name: Bare benchmark
docs_dir: docs
theme:
  name: material
plugins:
  - search
"""
TARGET_RATIO = 1.3
CARDS_TARGET = 1.0   # seconds for every PDF and preview, cold


def _busy_cpu_seconds() -> float:
    """CPU-seconds the whole machine has spent busy so far (Linux /proc/stat).

    Machine-wide, because Chromium's renderers are not all children that Python
    waits for, so getrusage() misses them; run the benchmark on an otherwise idle machine.
    """
    with open("/proc/stat", encoding="ascii") as handle:
        fields = [int(value) for value in handle.readline().split()[1:]]
    idle = fields[3] + fields[4]                      # idle and iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def _run(command, **options):
    """Run a command; its wall-clock seconds, the machine's busy CPU-seconds meanwhile, and its result."""
    before = _busy_cpu_seconds()
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, **options)
    seconds = time.perf_counter() - start
    return seconds, _busy_cpu_seconds() - before, result


def bare_build(workdir: Path, out: Path, jieba: bool = True) -> tuple[float, dict]:
    """Seconds for `mkdocs build` of a copy of docs/ with plain Material and search only.

    jieba=False hides jieba from Material's search plugin (as in an environment
    without it), so the Chinese pages are not split into words with its full dictionary.
    """
    if not (workdir / "docs").exists():
        shutil.copytree(ROOT / "docs", workdir / "docs")
        (workdir / "mkdocs.yml").write_text(BARE_CONFIG, encoding="utf-8")
        (workdir / "no-jieba").mkdir()
        (workdir / "no-jieba" / "jieba.py").write_text("raise ImportError('left out of this bare build')\n")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")
    if not jieba:
        env["PYTHONPATH"] = str(workdir / "no-jieba")
    seconds, cpu, result = _run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file",
                                 str(workdir / "mkdocs.yml"), "--site-dir", str(out)], cwd=workdir, env=env)
    if result.returncode != 0:
        raise SystemExit(f"bare MkDocs build failed:\n{result.stderr[-2000:]}")
    return seconds, {"cpu": cpu}


def full_build(out: Path, fresh: bool) -> tuple[float, dict]:
    """Seconds for `python scripts/build.py` (a process of its own, as the bare build is), and its stage timings."""
    timings_file = out.parent / "timings.json"
    command = [sys.executable, str(ROOT / "scripts" / "build.py"), "--out", str(out), "--timings", str(timings_file)]
    if fresh:   # as on a fresh clone: our own code not byte-compiled yet
        for folder in ("whotocall", "hooks", "scripts"):
            shutil.rmtree(ROOT / folder / "__pycache__", ignore_errors=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")
    seconds, cpu, result = _run(command, cwd=ROOT, env=env)
    if result.returncode != 0:
        raise SystemExit(f"full build failed:\n{result.stderr[-2000:]}")
    return seconds, {**json.loads(timings_file.read_text(encoding="utf-8")), "cpu": cpu}


CARDS_ONLY = """
import sys, time
sys.path.insert(0, {root!r})
from pathlib import Path
from whotocall.data import load_catalog
catalog = load_catalog(Path({root!r}))
start = time.perf_counter()
from whotocall.card_pdfs import make_files
files = make_files(Path({root!r}), catalog, "https://example.org/who-to-call/")
seconds = time.perf_counter() - start
pdfs = [name for name in files if name.endswith(".pdf")]
print(seconds, len(pdfs), len(files) - len(pdfs))
"""


def cards_only() -> tuple[float, int, int]:
    """Seconds to typeset every PDF and preview of every language in a fresh process (Typst's import included)."""
    result = subprocess.run([sys.executable, "-c", CARDS_ONLY.format(root=str(ROOT))], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"typesetting the cards failed:\n{result.stderr[-2000:]}")
    seconds, pdfs, previews = result.stdout.split()
    return float(seconds), int(pdfs), int(previews)


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
    pstats.Stats(profiler, stream=text).sort_stats(os.environ.get("WTC_PROFILE_SORT", "cumulative")).print_stats(top)
    return text.getvalue()


def _kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.2f} MB"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds (default 3)")
    parser.add_argument("--keep", type=Path, help="keep both builds in this folder")
    parser.add_argument("--profile", action="store_true", help="also profile one MkDocs build of the site")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="wtc-bench-"))
    bare_site, full_site = work / "bare" / "site", work / "full" / "site"
    try:
        bare_build(work / "bare", bare_site)          # untimed: warm the disk cache
        full_build(full_site, fresh=False)
        runs = {"bare": [], "bare, no jieba": [], "cold": [], "warm": []}
        cards = []
        for round_number in range(1, args.rounds + 1):
            runs["bare"].append(bare_build(work / "bare", bare_site))
            runs["bare, no jieba"].append(bare_build(work / "bare", bare_site, jieba=False))
            runs["cold"].append(full_build(full_site, fresh=True))
            runs["warm"].append(full_build(full_site, fresh=False))
            cards.append(cards_only())
            print(f"round {round_number}: " + ", ".join(f"{name} {values[-1][0]:.2f} s" for name, values in runs.items()))
        best = {name: min(values, key=lambda run: run[0]) for name, values in runs.items()}
        bare, bare_plain = best["bare"][0], best["bare, no jieba"][0]
        print(f"\nfastest of {args.rounds} rounds:")
        print(f"  {'bare MkDocs build (plain Material, search only)':<52} {bare:6.2f} s   "
              f"{best['bare'][1]['cpu']:5.1f} CPU-s")
        print(f"  {'  the same without jieba (Chinese not split)':<52} {bare_plain:6.2f} s   "
              f"{best['bare, no jieba'][1]['cpu']:5.1f} CPU-s")
        for name, label in (("cold", "full build, cold (fresh clone)"),
                            ("warm", "full build, warm (right after another)")):
            seconds = best[name][0]
            print(f"  {label:<52} {seconds:6.2f} s   {best[name][1]['cpu']:5.1f} CPU-s   ratio {seconds / bare:.2f} "
                  f"({seconds / bare_plain:.2f} against the bare build without jieba)")
        worst = max(best["cold"][0], best["warm"][0]) / bare
        print(f"design goal: ratio at most {TARGET_RATIO:g}: {'met' if worst <= TARGET_RATIO else 'NOT met'} "
              f"(the slower of cold and warm: {worst:.2f})")
        card_seconds, pdfs, previews = min(cards)
        print(f"cards: {pdfs} PDFs and {previews} previews of every language typeset in {card_seconds:.2f} s, cold "
              f"(goal under {CARDS_TARGET:g} s: {'met' if card_seconds < CARDS_TARGET else 'NOT met'})")
        for name in ("cold", "warm"):
            seconds, timings = best[name]
            print(f"\nfull build stages ({name}):")
            for stage, stage_seconds in timings.items():
                if stage not in ("total", "cpu"):
                    print(f"  {stage:<36} {stage_seconds:6.2f} s  {stage_seconds / seconds:4.0%}")
        print("\nfull build sizes:")
        for name, value in sizes(full_site):
            print(f"  {name:<14} {value}")
        print("\nbare build sizes:")
        for name, value in sizes(bare_site):
            print(f"  {name:<14} {value}")
        if args.profile:
            print("\nwhere MkDocs spends its time in the full build (one run, cumulative):")
            print(profile_mkdocs(work / "profile"))
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for name, folder in (("bare", bare_site), ("full", full_site)):
                shutil.copytree(folder, args.keep / name, dirs_exist_ok=True)
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
