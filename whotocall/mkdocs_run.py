"""Run one strict MkDocs build in a subprocess and turn its failure into one readable line; the build date."""
from __future__ import annotations

import datetime
import os
import re
import subprocess
import sys
from pathlib import Path

from .data import Catalog, DataError


def source_date_epoch(catalog: Catalog) -> str:
    """A fixed build date (the day the facts were last checked), so two builds give the same bytes."""
    checked = datetime.date.fromisoformat(catalog.last_checked())
    moment = datetime.datetime(checked.year, checked.month, checked.day, tzinfo=datetime.timezone.utc)
    return str(int(moment.timestamp()))


def start_mkdocs(root: Path, out: Path, env: dict | None = None) -> subprocess.Popen:
    """Start a strict MkDocs build into `out` (in a process of its own), with extra environment variables."""
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file",
         str(root / "mkdocs.yml"), "--site-dir", str(out)],
        cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def finish_mkdocs(process: subprocess.Popen):
    """Wait for a build started by start_mkdocs; its failure becomes one readable DataError."""
    output, _ = process.communicate()
    if process.returncode != 0:
        raise DataError(explain_mkdocs_failure(output))


def explain_mkdocs_failure(output: str) -> str:
    """The one line a person needs from MkDocs' output: the page and the error."""
    page = re.search(r"^_File_: `([^`]+)`", output, re.M)
    error = re.search(r"^_(\w*Error)_: (.+)$", output, re.M)
    if error:
        where = f"docs/{page.group(1)}: " if page else ""
        return f"{where}{error.group(1)}: {error.group(2)}"
    # MkDocs puts "Error reading page 'x.md':" before a plugin's own error line: the line after says it all.
    plain = [line for line in re.findall(r"^(?:ERROR\s+-\s+|Error: )(.+)$", output, re.M)
             if not re.fullmatch(r"Error (?:reading|building) page '[^']*':", line.strip())]
    if plain:
        return plain[0]
    lines = [line for line in output.splitlines()
             if line.strip() and "│" not in line and not line.startswith(("INFO", "  "))]
    return "MkDocs build failed:\n" + "\n".join(lines[-20:])
