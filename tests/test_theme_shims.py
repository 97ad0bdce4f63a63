"""The theme shims (whotocall/material.py) stop a build on a Material, MkDocs or plugin version they were not written for."""
import logging
from importlib.metadata import version

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from tests.conftest import ROOT
from whotocall import material


def fake_versions(monkeypatch, **found):
    """Make the shims see other installed versions (package name with underscores: version)."""
    real = material.installed_version
    monkeypatch.setattr(material, "installed_version",
                        lambda package: found.get(package.replace("-", "_")) or real(package))


def test_the_installed_versions_are_the_ones_written_for():
    material.check_versions()   # control for the tests below: no error with what requirements.txt pins
    assert version("mkdocs-material").startswith("9.8.")


@pytest.mark.parametrize("package,found,line", [
    ("mkdocs_material", "9.9.0", "written for Material 9.8.x, found 9.9.0: see README, Theme shims"),
    ("mkdocs", "1.7.0", "written for MkDocs 1.6.x, found 1.7.0: see README, Theme shims"),
    ("mkdocs_static_i18n", "1.4.1", "written for mkdocs-static-i18n 1.3.x, found 1.4.1: see README, Theme shims"),
    ("mkdocs_macros_plugin", "2.0.0", "written for mkdocs-macros 1.5.x, found 2.0.0: see README, Theme shims"),
])
def test_another_version_stops_with_one_line(monkeypatch, package, found, line):
    fake_versions(monkeypatch, **{package: found})
    with pytest.raises(PluginError) as raised:
        material.check_versions()
    assert str(raised.value) == line


def test_mkdocs_build_stops_before_building_anything(monkeypatch, tmp_path, caplog):
    """The whole MkDocs run, in this process, with Material 9.9.0 faked: one error line, no site."""
    fake_versions(monkeypatch, mkdocs_material="9.9.0")
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build(config)
    errors = [record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR]
    assert errors == ["written for Material 9.8.x, found 9.9.0: see README, Theme shims"]
    assert not (tmp_path / "site").exists()
