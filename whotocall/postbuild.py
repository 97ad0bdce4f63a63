"""Steps that run on the finished MkDocs output, before it replaces site/.

Each stage takes (project root, output folder, catalog) and changes files in
the output folder only.
"""
from __future__ import annotations

from pathlib import Path

STAGES: list = []
