"""GitHub workflows are valid (check-jsonschema's bundled GitHub workflow schema, offline), and the
monthly link check exists, runs on a schedule and pins its actions. Negative control: a broken workflow fails."""
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
CHECKER = Path(sys.executable).with_name("check-jsonschema")


def lint(*paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(CHECKER), "--builtin-schema", "vendor.github-workflows", *map(str, paths)],
                          capture_output=True, text=True, timeout=120)


def test_every_workflow_is_valid():
    assert WORKFLOWS, "no workflow files found"
    result = lint(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_broken_workflow_fails(tmp_path):
    """Negative control: a job with no runs-on and a step that is neither `run` nor `uses`."""
    broken = tmp_path / "broken.yml"
    broken.write_text("name: Broken\non:\n  push:\njobs:\n  build:\n    steps:\n      - name: nothing\n        with: {a: 1}\n",
                      encoding="utf-8")
    result = lint(broken)
    assert result.returncode != 0
    assert "broken.yml" in result.stdout + result.stderr


def test_monthly_link_check():
    """The link check runs monthly (and by hand), checks the built site, and pins every action to a version."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "links.yml").read_text(encoding="utf-8"))
    triggers = workflow[True] if True in workflow else workflow["on"]   # YAML 1.1 reads `on` as true
    cron = triggers["schedule"][0]["cron"].split()
    assert cron[2] != "*" and cron[3:] == ["*", "*"], f"not monthly: {cron}"
    assert "workflow_dispatch" in triggers
    steps = workflow["jobs"]["links"]["steps"]
    uses = [s["uses"] for s in steps if "uses" in s]
    assert any(u.startswith("lycheeverse/lychee-action@") for u in uses)
    assert all("@" in u and not u.endswith(("@main", "@master")) for u in uses), uses
    assert any("make build" in s.get("run", "") for s in steps)
