"""Template filters that write royalty figures the Vietnamese way (see portal.numbers)."""

from django import template
from django.utils import dateformat

from portal import numbers
from portal.dates import local_date

register = template.Library()


@register.filter
def money(value):
    """1234567 → "1.234.567 đ"."""
    return numbers.format_money(value)


@register.filter
def coefficient(value):
    """Decimal("0.1") → "0,10"."""
    return numbers.format_coefficient(value)


@register.filter
def local_day(moment):
    """A moment as its local date in Hanoi, dd/mm/yyyy."""
    if moment is None:
        return ""
    return dateformat.format(local_date(moment), "d/m/Y")
