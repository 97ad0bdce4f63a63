"""Two builds of the same tree give the same bytes, file by file (the session's build and one more)."""
import hashlib

from scripts.build import build
from tests.conftest import ROOT


def digests(folder):
    """{relative path: sha256} of every file under folder."""
    return {path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def differences(first, second):
    """Paths only in one build, or with different bytes."""
    a, b = digests(first), digests(second)
    return ([f"only in the first build: {path}" for path in sorted(a.keys() - b.keys())] +
            [f"only in the second build: {path}" for path in sorted(b.keys() - a.keys())] +
            [f"different bytes: {path}" for path in sorted(a.keys() & b.keys()) if a[path] != b[path]])


def test_two_builds_are_identical(site, tmp_path):
    again = build(ROOT, tmp_path / "again")
    found = differences(site, again)
    print(f"\n{len(digests(site))} files compared, {len(found)} differences")
    assert not found, "\n".join(found)


def test_comparison_reports_a_changed_file(tmp_path):
    """Negative control."""
    for name, text in (("one", "a"), ("two", "b")):
        (tmp_path / name / "sub").mkdir(parents=True)
        (tmp_path / name / "sub" / "page.html").write_text(text)
        (tmp_path / name / f"{name}.txt").write_text("x")
    assert differences(tmp_path / "one", tmp_path / "two") == [
        "only in the first build: one.txt", "only in the second build: two.txt", "different bytes: sub/page.html"]
