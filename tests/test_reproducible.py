"""Two builds of the same tree give the same bytes, file by file: the session's `make build` and a plain
`mkdocs build --strict` (so `mkdocs build`, and `mkdocs serve`, make exactly what ships)."""
import hashlib


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


def test_plain_mkdocs_build_is_identical_to_make_build(site, plain_build):
    """plain_build (tests/conftest.py): `mkdocs build --strict` without SOURCE_DATE_EPOCH or PYTHONHASHSEED."""
    found = differences(site, plain_build)
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
