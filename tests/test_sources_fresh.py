"""Facts stay fresh: `make test` fails when a source was checked more than 18 months ago (the build warns at 12)."""
import datetime

from whotocall.data import STALE_FAIL_MONTHS, STALE_WARN_MONTHS, months_before, stale_message, stale_sources


def test_no_source_is_older_than_18_months(catalog):
    old = stale_sources(catalog, STALE_FAIL_MONTHS)
    assert not old, "\n".join(stale_message(s, STALE_FAIL_MONTHS) for s in old)


def test_old_source_is_caught(catalog):
    """Negative control: as seen 19 months after the newest check, every source is stale; at 13 months, warned only."""
    newest = datetime.date.fromisoformat(catalog.last_checked())
    later = months_before(newest, -19)
    assert len(stale_sources(catalog, STALE_FAIL_MONTHS, today=later)) == len(catalog.sources)
    soon = months_before(newest, -13)
    assert stale_sources(catalog, STALE_WARN_MONTHS, today=soon)
    assert not stale_sources(catalog, STALE_FAIL_MONTHS, today=soon)


def test_months_before_handles_short_months():
    assert months_before(datetime.date(2026, 3, 31), 1) == datetime.date(2026, 2, 28)
    assert months_before(datetime.date(2026, 1, 15), 13) == datetime.date(2024, 12, 15)
    assert months_before(datetime.date(2026, 1, 15), -18) == datetime.date(2027, 7, 15)
