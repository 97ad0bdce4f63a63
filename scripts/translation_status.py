"""Print the translation status table; exit 1 when a shipped language is incomplete or outdated.

Usage:
  python scripts/translation_status.py            # table, exit 1 on problems
  python scripts/translation_status.py --mark es  # after updating a translation: record its English source
                                                  # (--mark zh also writes data/search/zh-words.txt)
  python scripts/translation_status.py --root DIR # check another copy of the project
"""
import argparse
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from whotocall.data import DataError, site_languages  # noqa: E402
from whotocall.translations import mark, status  # noqa: E402
from whotocall import zh_words  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="project folder (default: this one)")
    parser.add_argument("--mark", metavar="LANG", help="record LANG's translations as up to date")
    args = parser.parse_args(argv)
    try:
        if args.mark:
            mark(args.root, args.mark)
            if args.mark == "zh":
                zh_words.write(args.root)
        rows = status(args.root)
    except DataError as err:
        print(f"TRANSLATION STATUS FAILED: {err}", file=sys.stderr)
        return 1
    shipped = set(site_languages(args.root))
    print(f"{'language':<10}{'shipped':<9}{'pages':>9}{'words':>11}{'outdated pages':>16}{'outdated words':>16}{'status':>10}")
    problems = []
    for row in rows:
        pct = 100 * (row.pages_done + row.words_done - len(row.outdated_pages) - len(row.outdated_words)) / (
            row.pages_total + row.words_total)
        print(f"{row.lang:<10}{'yes' if row.lang in shipped else 'no':<9}"
              f"{row.pages_done:>4}/{row.pages_total:<4}{row.words_done:>5}/{row.words_total:<5}"
              f"{len(row.outdated_pages):>16}{len(row.outdated_words):>16}{math.floor(pct):>9d}%")
        if row.lang in shipped and not row.complete:
            problems.append(row)
    for row in problems:
        for label, items in (("missing page", row.missing_pages), ("outdated page", row.outdated_pages),
                             ("missing words", row.missing_words), ("outdated words", row.outdated_words)):
            for item in items[:20]:
                where = f"docs/{item}.{row.lang}.md" if "page" in label else f"data/text/{row.lang}.yml key '{item}'"
                print(f"  {row.lang}: {label}: {where}", file=sys.stderr)
            if len(items) > 20:
                print(f"  {row.lang}: ... and {len(items) - 20} more {label}s", file=sys.stderr)
    search_words_outdated = "zh" in shipped and zh_words.outdated(args.root)
    if search_words_outdated:
        print(f"  zh: {zh_words.WORDS_FILE} (Chinese search words) was made from other Chinese text: "
              f"run `python scripts/translation_status.py --mark zh`.", file=sys.stderr)
    if problems or search_words_outdated:
        print("Translate or update the items above, then run "
              "`python scripts/translation_status.py --mark LANG`.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
