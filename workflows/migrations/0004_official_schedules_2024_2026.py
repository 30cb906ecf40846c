"""Ship the government's announced schedules of days off and make-up days for 2024–2026.

These rows are data the head of the board corrects in the admin (Lịch làm việc): each one says
where it comes from. Written from the announcements of Thủ tướng Chính phủ / Văn phòng Chính phủ,
Bộ Lao động – Thương binh và Xã hội (to 02/2025) and Bộ Nội vụ (from 03/2025) for "cán bộ, công
chức, viên chức" — the schedule a commune office follows. Rows repeat some statutory days the
`holidays` package also knows, so that the announced schedule stands even if the package changes.
"""

import datetime

from django.db import migrations

TET_2024 = "Nghỉ Tết Âm lịch Giáp Thìn 08/02–14/02/2024 (Thủ tướng đồng ý; Bộ LĐTBXH thông báo)"
LABOUR_2024 = "Nghỉ 27/4–01/5/2024: hoán đổi thứ Hai 29/4 sang thứ Bảy 04/5/2024 (Bộ LĐTBXH thông báo)"
NATIONAL_2024 = "Quốc khánh 2024: nghỉ 02/9 và 03/9 (BLLĐ 2019 Điều 112; Bộ LĐTBXH thông báo)"
TET_2025 = "Nghỉ Tết Âm lịch Ất Tỵ 25/01–02/02/2025 (Thủ tướng đồng ý; Bộ LĐTBXH thông báo)"
LABOUR_2025 = "Nghỉ 30/4–04/5/2025: hoán đổi thứ Sáu 02/5 sang thứ Bảy 26/4/2025 (Thủ tướng đồng ý; Bộ Nội vụ thông báo)"
NATIONAL_2025 = "Quốc khánh 2025: nghỉ 01/9 và 02/9 (BLLĐ 2019 Điều 112; Bộ Nội vụ thông báo)"
TET_2026 = "Nghỉ Tết Âm lịch Bính Ngọ 14/02–22/02/2026 (Thủ tướng đồng ý; Bộ Nội vụ thông báo)"
HUNG_KINGS_2026 = "Giỗ Tổ Hùng Vương 26/4/2026 rơi vào Chủ nhật: nghỉ bù thứ Hai 27/4 (BLLĐ 2019 Điều 112 khoản 3)"
NATIONAL_2026 = (
    "Quốc khánh 2026: nghỉ 29/8–02/9, hoán đổi thứ Hai 31/8 sang thứ Bảy 22/8/2026 "
    "(theo gói holidays 0.109 — đối chiếu thông báo của Bộ Nội vụ)"
)


def days(first, last):
    """Every date from first to last, both included."""
    return [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]


def weekdays(first, last):
    return [day for day in days(first, last) if day.weekday() < 5]


D = datetime.date

# (date, is_working_day, note)
SCHEDULE = [
    *[(day, False, TET_2024) for day in weekdays(D(2024, 2, 8), D(2024, 2, 14))],
    (D(2024, 4, 29), False, LABOUR_2024),
    (D(2024, 5, 4), True, LABOUR_2024),
    (D(2024, 9, 3), False, NATIONAL_2024),
    *[(day, False, TET_2025) for day in weekdays(D(2025, 1, 25), D(2025, 2, 2))],
    (D(2025, 4, 26), True, LABOUR_2025),
    (D(2025, 5, 2), False, LABOUR_2025),
    (D(2025, 9, 1), False, NATIONAL_2025),
    *[(day, False, TET_2026) for day in weekdays(D(2026, 2, 14), D(2026, 2, 22))],
    (D(2026, 4, 27), False, HUNG_KINGS_2026),
    (D(2026, 8, 22), True, NATIONAL_2026),
    (D(2026, 8, 31), False, NATIONAL_2026),
    (D(2026, 9, 1), False, NATIONAL_2026),
]


def add_schedule(apps, schema_editor):
    CalendarException = apps.get_model("workflows", "CalendarException")
    for date, is_working_day, note in SCHEDULE:
        # get_or_create: a row the head already entered for that date is kept as it is.
        CalendarException.objects.get_or_create(date=date, defaults={"is_working_day": is_working_day, "note": note})


def remove_schedule(apps, schema_editor):
    CalendarException = apps.get_model("workflows", "CalendarException")
    for date, is_working_day, note in SCHEDULE:
        CalendarException.objects.filter(date=date, is_working_day=is_working_day, note=note).delete()


class Migration(migrations.Migration):
    dependencies = [
        # The table the rows go into.
        ("workflows", "0003_calendar_exception_alert_delivery"),
    ]

    operations = [migrations.RunPython(add_schedule, remove_schedule)]
