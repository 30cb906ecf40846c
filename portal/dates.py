"""Days as the commune counts them: in the portal's zone (Asia/Ho_Chi_Minh), whatever the server's.

A publication at 00:30 in Hanoi is 17:30 the day before in UTC; deadlines, royalties and reports
all count it on the Hanoi day. The portal's zone is named explicitly because the admin may
activate a user's own time zone for the request.
"""

import datetime

from django.utils import timezone


def local_date(value):
    """The date of `value` in the portal's zone; dates and None pass through, naive times keep their date."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        if timezone.is_naive(value):
            return value.date()
        return timezone.localdate(value, timezone.get_default_timezone())
    return value


def local_today():
    """Today in the portal's zone."""
    return timezone.localdate(timezone=timezone.get_default_timezone())


def local_day_bounds(first_day, last_day):
    """Aware datetimes [first moment of `first_day`, first moment after `last_day`) in the portal's zone.

    For queries on a timestamp by local days: `field__gte=first, field__lt=after`.
    """
    zone = timezone.get_default_timezone()
    first = timezone.make_aware(datetime.datetime.combine(first_day, datetime.time.min), zone)
    after = timezone.make_aware(
        datetime.datetime.combine(last_day + datetime.timedelta(days=1), datetime.time.min), zone
    )
    return first, after
