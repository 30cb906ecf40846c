"""Numbers written the Vietnamese way, whatever language the request is in.

Reports and royalty sheets go to the Party Committee and the commune's accountant on paper:
"1.234.567 đ", "0,30", "85,7%". Django's own `vi` formats do not group thousands, so the
separators are set here explicitly.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.numberformat import format as django_number_format

THOUSAND_SEPARATOR = "."
DECIMAL_SEPARATOR = ","


def format_number(value, decimal_pos=None):
    """1234567 → "1.234.567"; Decimal("0.3"), 2 → "0,30"; None → ""."""
    if value is None:
        return ""
    if decimal_pos is not None:
        # Django's formatter cuts extra decimals off; a report rounds them (5/9 → "55,6%", not "55,5%").
        value = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimal_pos), rounding=ROUND_HALF_UP)
    return django_number_format(
        value,
        DECIMAL_SEPARATOR,
        decimal_pos=decimal_pos,
        grouping=3,
        thousand_sep=THOUSAND_SEPARATOR,
        force_grouping=True,
        use_l10n=False,
    )


def format_money(value):
    """An amount in đồng: 1234567 → "1.234.567 đ"."""
    if value is None:
        return ""
    return f"{format_number(int(value))} đ"


def format_percent(ratio, decimal_pos=1):
    """A ratio as a percentage: 0.857 → "85,7%"; None (nothing to divide by) → "—"."""
    if ratio is None:
        return "—"
    return f"{format_number(Decimal(ratio) * 100, decimal_pos=decimal_pos)}%"


def format_coefficient(value):
    """A royalty coefficient with two decimals: Decimal("0.1") → "0,10"."""
    return format_number(value, decimal_pos=2)
