"""Figures on reports are rounded, not cut off, when written the Vietnamese way."""

from decimal import Decimal

from portal.numbers import format_coefficient, format_money, format_number, format_percent


def test_percentages_are_rounded():
    assert format_percent(5 / 9) == "55,6%"
    assert format_percent(2 / 3) == "66,7%"
    assert format_percent(Decimal("0.857")) == "85,7%"
    assert format_percent(None) == "—"


def test_existing_formats_are_unchanged():
    assert format_number(1234567) == "1.234.567"
    assert format_money(1989000) == "1.989.000 đ"
    assert format_coefficient(Decimal("0.1")) == "0,10"
    assert format_number(None) == ""
