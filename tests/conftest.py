"""Shared fixtures: one full build per test session, a local web server and Chromium."""
from __future__ import annotations

import datetime
import functools
import gc
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from filelock import FileLock, Timeout

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.build import build  # noqa: E402
from whotocall.browser import launch  # noqa: E402
from whotocall.data import DataError, load_catalog, months_before, site_languages  # noqa: E402


# Tiers: a test is marked by what it uses, so `pytest -m "not browser"` skips Chromium.
BUILD_FIXTURES = {"site", "server", "project", "edition", "changed_build", "plain_build"}
PDF_FILES = {"test_cards.py"}


def pytest_collection_modifyitems(items):
    """Mark each test browser, build and pdf from its fixtures and file."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if "browser" in fixtures:
            item.add_marker(pytest.mark.browser)
        if fixtures & BUILD_FIXTURES or "browser" in fixtures:
            item.add_marker(pytest.mark.build)
        if item.path.name in PDF_FILES:
            item.add_marker(pytest.mark.pdf)


def pytest_unconfigure(config):
    """At the end of a run, hide what is left from the cycle collector: a pytest-xdist worker holding
    a million objects (parsed pages, browser objects) otherwise spends seconds collecting them as it
    exits, and the run waits for it."""
    gc.freeze()


@pytest.fixture(scope="session")
def catalog():
    """The project's validated data."""
    return load_catalog(ROOT)


@pytest.fixture(scope="session")
def languages():
    """Language codes the site ships, English first."""
    return site_languages(ROOT)


def shared_folder(tmp_path_factory, name: str, make, wait: bool = True) -> Path | None:
    """A folder that make(folder) fills once per test run: the first pytest-xdist worker to ask makes it
    while the others wait for the lock, then every worker reuses it (the pattern pytest-xdist's
    documentation gives for session fixtures). Nothing is reused from an earlier run.
    wait=False: None at once if another worker is making it."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent          # shared by the workers of this run
    folder, done = base / f"shared-{name}", base / f"shared-{name}.done"
    try:
        with FileLock(str(base / f"shared-{name}.lock"), timeout=-1 if wait else 0):
            if not done.exists():
                shutil.rmtree(folder, ignore_errors=True)
                folder.mkdir()
                make(folder)
                done.touch()
    except Timeout:
        return None
    return folder


def make_site(folder: Path):
    """The whole site as `make build` makes it (scripts/build.py), into folder/site."""
    build(ROOT, folder / "site")


def make_plain_build(folder: Path):
    """The whole site as a plain `mkdocs build --strict` makes it, into folder/site (tests/test_reproducible.py)."""
    env = {key: value for key, value in os.environ.items() if key not in ("SOURCE_DATE_EPOCH", "PYTHONHASHSEED")}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(folder / "site")],
                   cwd=ROOT, env=env, check=True, capture_output=True)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The whole site, built once per test run into a temporary folder (shared by the workers)."""
    return shared_folder(tmp_path_factory, *SHARED_BUILDS["site"]) / "site"


@pytest.fixture(scope="session")
def plain_build(tmp_path_factory) -> Path:
    """The same tree built by a plain `mkdocs build --strict`, once per test run."""
    return shared_folder(tmp_path_factory, *SHARED_BUILDS["plain_build"]) / "site"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def server(site):
    """http://127.0.0.1:<port>/ serving the built site."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="session")
def visits(browser, server, tmp_path_factory):
    """The first visit of every page of every language (tests/visits.py), made once per test run."""
    from tests.visits import EVERY_PAGE, first_visits
    return first_visits(browser, server, EVERY_PAGE, tmp_path_factory)


@pytest.fixture(scope="session", autouse=True)
def _shared_work_first(request, tmp_path_factory):
    """The work the workers share, made first and side by side: each pytest-xdist worker takes a build
    no other worker is making (the site, the plain MkDocs build, the changed build), then they split the
    first visits of every page by language. So no worker waits idle for another's build, and the
    first visits do not fall to one worker while the other runs short tests. Only what the selected
    tests use is made."""
    used = {name for item in request.session.items for name in getattr(item, "fixturenames", ())}
    for fixture, (name, make) in SHARED_BUILDS.items():
        if fixture in used:
            shared_folder(tmp_path_factory, name, make, wait=False)
    if "visits" in used:
        request.getfixturevalue("visits")


@pytest.fixture(scope="session")
def search_box(browser, server):
    """search_box(lang): the language's home page with its search open (scripts/search_quality.SearchBox),
    kept by this worker for the whole run, so each language's search index is built once per worker
    and not once per test. A script error in the page fails the search that meets it."""
    from scripts.search_quality import SearchBox, homes
    boxes = {}

    def open_box(lang):
        if lang not in boxes:
            boxes[lang] = SearchBox(browser, homes(server, [lang])[lang])
        return boxes[lang]
    yield open_box
    for box in boxes.values():
        box.close()


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session."""
    with launch() as chromium:
        yield chromium


def copy_project(dest: Path) -> Path:
    """A scratch copy of the tracked project files, for tests that change data."""
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in files.decode().split("\0"):
        if name and (ROOT / name).is_file():
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, target)
    if (ROOT / "node_modules").exists():
        (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest


def edit(path: Path, old: str, new: str, count: int = 1):
    """Replace text in a scratch copy's file; the old text must be there (else the test setup is wrong)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def run_build(project: Path, out: Path) -> subprocess.CompletedProcess:
    """Run scripts/build.py of a project copy as a person would."""
    return subprocess.run([sys.executable, str(project / "scripts" / "build.py"), "--out", str(out)],
                          cwd=project, capture_output=True, text=True)


# The stale source in changed_build: checked 14 months before today, so the build warns (and succeeds).
STALE_SOURCE = "fhwa-511"
STALE_DATE = months_before(datetime.date.today(), 14).isoformat()


def make_changed_build(folder: Path):
    """See changed_build."""
    project = copy_project(folder / "project")
    edit(project / "data" / "numbers.yml", 'dial: "1-800-799-7233"', 'dial: "1-800-555-0100"')
    edit(project / "data" / "text" / "en.yml", "what: Free and private help if someone",
         "what: <script>alert(1)</script> Free and private help if someone")
    edit(project / "data" / "numbers.yml", "text: [en, es], chat: [en, es]", "text: [en], chat: [en, es]")
    edit(project / "data" / "sources.yml", "url: https://www.fhwa.dot.gov/research/deployment/511.cfm\n  checked: 2026-11-24",
         f"url: https://www.fhwa.dot.gov/research/deployment/511.cfm\n  checked: {STALE_DATE}")
    (project / "docs" / "index.es.md").unlink()
    (project / "docs" / "law-enforcement.es.md").unlink()
    out = folder / "site"
    out.mkdir()
    (out / "index.html").write_text("previous good build", encoding="utf-8")
    result = run_build(project, out)
    (folder / "result.json").write_text(json.dumps(
        {"args": result.args, "returncode": result.returncode, "stdout": result.stdout, "stderr": result.stderr}))


# The builds the workers share: fixture -> (shared folder name, what makes it).
SHARED_BUILDS = {"site": ("build", make_site), "plain_build": ("plain", make_plain_build),
                 "changed_build": ("changed", make_changed_build)}


@pytest.fixture(scope="session")
def changed_build(tmp_path_factory):
    """One scratch build shared by the tests of changed sources (each checks one change, and the others stay).

    A copy of the project with the domestic violence hotline's number changed (1-800-555-0100), markup
    in an English text, 988's text line in English only (Spanish stays on chat), a source last checked
    14 months ago (STALE_SOURCE, STALE_DATE), and the Spanish home and law-enforcement pages removed,
    built by scripts/build.py over a site/ that already holds an old page. Returns the project copy,
    the site folder and the build's result.
    """
    folder = shared_folder(tmp_path_factory, *SHARED_BUILDS["changed_build"])
    result = subprocess.CompletedProcess(**json.loads((folder / "result.json").read_text()))
    return folder / "project", folder / "site", result


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A scratch copy of mkdocs.yml and data/ only, for checking changed data in-process (no build)."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def data_error(root: Path) -> str:
    """The message load_catalog stops with for the data under root (the test fails if it does not stop)."""
    with pytest.raises(DataError) as raised:
        load_catalog(root)
    return str(raised.value)


@pytest.fixture
def project(tmp_path) -> Path:
    """A fresh scratch copy of the project."""
    return copy_project(tmp_path / "project")
