"""Template filters that write numbers, money and days the Vietnamese way (see portal.numbers)."""

from django import template
from django.utils import dateformat, timezone

from portal import numbers
from portal.dates import local_date

register = template.Library()


@register.filter
def vn_number(value):
    """1234 → "1.234"."""
    return numbers.format_number(value)


@register.filter
def vn_money(value):
    """1234567 → "1.234.567 đ"."""
    return numbers.format_money(value)


@register.filter
def vn_percent(ratio):
    """0.857 → "85,7%"; None → "—"."""
    return numbers.format_percent(ratio)


@register.filter
def vn_coefficient(value):
    """Decimal("0.1") → "0,10"."""
    return numbers.format_coefficient(value)


@register.filter
def local_day(moment):
    """A moment as its local date in Hanoi, dd/mm/yyyy."""
    if moment is None:
        return ""
    return dateformat.format(local_date(moment), "d/m/Y")


@register.filter
def machine_datetime(moment):
    """A moment for `<time datetime>`: local time to the second, "2026-11-29T09:30:00+07:00".

    Django's `date:'c'` keeps microseconds, which HTML's global date-and-time does not allow
    beyond three digits (the W3C validator refuses the page).
    """
    if moment is None:
        return ""
    return timezone.localtime(moment).replace(microsecond=0).isoformat()
