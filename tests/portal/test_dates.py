"""Days counted in Hanoi whatever the server's or the admin user's time zone."""

import datetime
import zoneinfo

from django.utils import timezone

from portal.dates import local_date, local_day_bounds

UTC = datetime.UTC


def test_a_moment_after_midnight_in_hanoi_is_the_next_day_there():
    moment = datetime.datetime(2025, 6, 30, 17, 30, tzinfo=UTC)  # 01/07 00:30 in Hanoi
    with timezone.override(zoneinfo.ZoneInfo("Europe/Paris")):  # a request in another zone
        assert local_date(moment) == datetime.date(2025, 7, 1)
    assert local_date(datetime.date(2025, 7, 1)) == datetime.date(2025, 7, 1)
    assert local_date(None) is None


def test_day_bounds_start_and_end_at_midnight_in_hanoi():
    first, after = local_day_bounds(datetime.date(2025, 3, 1), datetime.date(2025, 3, 31))
    assert first == datetime.datetime(2025, 2, 28, 17, 0, tzinfo=UTC)
    assert after == datetime.datetime(2025, 3, 31, 17, 0, tzinfo=UTC)
