"""Numbers on the report screen written the Vietnamese way (portal/numbers.py)."""

from django import template

from portal.numbers import format_money, format_number, format_percent

register = template.Library()


@register.filter
def vn_number(value):
    """1234 → "1.234"."""
    return format_number(value)


@register.filter
def vn_money(value):
    """1234567 → "1.234.567 đ"."""
    return format_money(value)


@register.filter
def vn_percent(ratio):
    """0.857 → "85,7%"; None → "—"."""
    return format_percent(ratio)
