"""Vendored third-party files: each is byte for byte the file of the pinned npm package it comes from."""
import json
from pathlib import Path

from tests.conftest import ROOT

VENDORED = [(ROOT / "vendor" / "iframe-worker" / "shim.js", "iframe-worker", "shim/index.js")]


def test_vendored_files_match_the_pinned_npm_packages():
    pins = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]
    for copy, package, inside in VENDORED:
        installed = ROOT / "node_modules" / package
        version = json.loads((installed / "package.json").read_text(encoding="utf-8"))["version"]
        assert version == pins[package], f"node_modules has {package} {version}, package.json pins {pins[package]}"
        assert version in (copy.parent / "README.md").read_text(encoding="utf-8"), f"{copy.parent}/README.md"
        assert copy.read_bytes() == (installed / inside).read_bytes(), f"{copy} differs from {package}/{inside}"
        assert (copy.parent / "LICENSE").read_bytes() == (installed / "LICENSE").read_bytes()


def test_comparison_sees_a_changed_byte(tmp_path):
    """Negative control: a copy with one byte changed is not the package's file."""
    copy, package, inside = VENDORED[0]
    changed = tmp_path / "shim.js"
    changed.write_bytes(copy.read_bytes()[:-1] + b" ")
    assert changed.read_bytes() != (ROOT / "node_modules" / package / inside).read_bytes()
