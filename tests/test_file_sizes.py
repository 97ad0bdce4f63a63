"""File sizes on pages (whotocall/file_sizes.py): filled in the reader's language, none left empty."""
import pytest

from tests.conftest import ROOT
from whotocall.data import DataError
from whotocall.file_sizes import sentence, slot, write_sizes


def _page(site, relative, body):
    path = site / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    return path


def test_sizes_are_written_in_each_pages_language(tmp_path):
    (tmp_path / "downloads").mkdir()
    (tmp_path / "downloads" / "big.zip").write_bytes(b"x" * 1_540_000)
    (tmp_path / "downloads" / "small.pdf").write_bytes(b"x" * 52_400)
    english = _page(tmp_path, "download/index.html", sentence("zip file, {size}", "downloads/big.zip"))
    vietnamese = _page(tmp_path, "vi/download/index.html", sentence("tệp zip, {size}", "downloads/big.zip"))
    arabic = _page(tmp_path, "ar/cards/index.html", sentence("PDF، {size}", "downloads/small.pdf"))
    assert write_sizes(tmp_path, ROOT) == []
    assert "zip file, 1.5 MB</body>" in english.read_text(encoding="utf-8")
    assert "tệp zip, 1,5 MB</body>" in vietnamese.read_text(encoding="utf-8")
    assert "PDF، 52 كيلوبايت</body>" in arabic.read_text(encoding="utf-8")


def test_a_size_of_a_file_the_build_did_not_make_stops_the_build(tmp_path):
    """Negative control: a slot is never silently left empty."""
    _page(tmp_path, "es/cards/index.html", sentence("PDF, {size}", "downloads/missing.pdf"))
    assert write_sizes(tmp_path, ROOT, required=False) == ["es/cards/index.html: downloads/missing.pdf"]
    with pytest.raises(DataError, match="es/cards/index.html: downloads/missing.pdf"):
        write_sizes(tmp_path, ROOT)


def test_words_around_the_size_stay_text():
    """Translated words are escaped; only the slot is markup."""
    assert str(sentence("<b>{size}</b>", "downloads/a.zip")) == "&lt;b&gt;" + str(slot("downloads/a.zip")) + "&lt;/b&gt;"


def test_no_empty_size_left_in_the_site_or_the_offline_editions(site, languages, tmp_path):
    import zipfile
    from whotocall.offline import zip_path
    for lang in languages:
        with zipfile.ZipFile(site / zip_path(lang)) as archive:
            archive.extractall(tmp_path / lang)
    for folder in (site, *(tmp_path / lang for lang in languages)):
        left = [str(path) for path in folder.rglob("*")
                if path.suffix in (".html", ".json", ".js") and "data-wtc-size-of" in path.read_text(encoding="utf-8")]
        assert not left, left
    # Negative control: the hosted pages had slots, and the check reads the files that held them.
    assert (tmp_path / "es" / "who-to-call" / "es" / "cards" / "index.html").is_file()
