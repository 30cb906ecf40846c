"""Starting rate table and the base amounts in force since 2023, so a fresh site pays royalties.

The coefficients are a starting point the head of the board edits (Điều 9: "tiết kiệm trong
điều kiện nguồn kinh phí có hạn"). The base amounts are the government's "mức lương cơ sở".
"""

import datetime
from decimal import Decimal

from django.db import migrations

# kind: (coefficient, lowest, highest)
RATES = {
    "tin": ("0.10", "0.05", "0.20"),
    "bai": ("0.30", "0.15", "0.60"),
    "anh": ("0.05", "0.02", "0.10"),
    "van-ban": ("0.02", "0.01", "0.05"),
    "tra-loi": ("0.10", "0.05", "0.20"),
    "dang-lai": ("0.03", "0.00", "0.05"),
}
RATE_NOTE = "Mức khởi tạo; Trưởng Ban biên tập điều chỉnh theo quyết định của Ban."

BASE_AMOUNTS = [
    (datetime.date(2023, 7, 1), 1_800_000, "Nghị định 24/2023/NĐ-CP"),
    (datetime.date(2024, 7, 1), 2_340_000, "Nghị định 73/2024/NĐ-CP"),
]


def create(apps, schema_editor):
    RoyaltyRate = apps.get_model("royalties", "RoyaltyRate")
    BaseSalary = apps.get_model("royalties", "BaseSalary")
    for kind, (coefficient, low, high) in RATES.items():
        RoyaltyRate.objects.get_or_create(
            kind=kind,
            defaults={
                "coefficient": Decimal(coefficient),
                "min_coefficient": Decimal(low),
                "max_coefficient": Decimal(high),
                "note": RATE_NOTE,
            },
        )
    for effective_from, amount, legal_basis in BASE_AMOUNTS:
        BaseSalary.objects.get_or_create(
            effective_from=effective_from, defaults={"amount": amount, "legal_basis": legal_basis}
        )


def remove(apps, schema_editor):
    apps.get_model("royalties", "RoyaltyRate").objects.filter(kind__in=RATES, note=RATE_NOTE).delete()
    apps.get_model("royalties", "BaseSalary").objects.filter(
        effective_from__in=[row[0] for row in BASE_AMOUNTS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("royalties", "0001_initial")]

    operations = [migrations.RunPython(create, remove)]
