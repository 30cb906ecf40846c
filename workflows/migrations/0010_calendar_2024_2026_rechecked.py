"""The 2024–2026 schedules re-checked against the announcements; each row names its document.

0004 missed the swap of Tết Dương lịch 2026 (Friday 02/01 off, worked on Saturday 10/01) and left
the 2026 National Day row "to be checked". This migration adds the missing rows and rewrites the
notes so that each row names the announcement it comes from (number and date). Where the number
or the date of a document could not be confirmed from a source, the note says so instead of
inventing one: the head of the board completes it in the admin (docs/calendar.md).

Rows the head already changed are kept: a row is rewritten only while it still holds what 0004
shipped (same working status and note); a missing row is created; a row the head entered for a
new date is left as it is.

Sources read (2026): Công văn 8662/VPCP-KGVX ngày 03/11/2023 (Tết and National Day 2024, on the
proposal of Công văn 4594/LĐTBXH-ATLĐ ngày 27/10/2023), Công văn 2450/VPCP-KGVX ngày 12/4/2024
(30/4–1/5 2024), Công văn 8726/VPCP-KGVX ngày 26/11/2024 and Thông báo 6150/TB-LĐTBXH (2024) of
the Ministry of Labour carrying it out (Tết, 30/4–1/5 and National Day 2025), Công văn
12729/VPCP-KGVX ngày 25/12/2025 (Tết Dương lịch 2026), press reports of 13/10/2025 on the Prime
Minister's agreement to Tết Âm lịch and National Day 2026 (the letter's number not found), and
the `holidays` package 0.109, whose docstrings cite the same documents.
"""

import datetime

from django.db import migrations

D = datetime.date

# The notes 0004 shipped: a row still holding one of these was never touched by the head.
OLD_TET_2024 = "Nghỉ Tết Âm lịch Giáp Thìn 08/02–14/02/2024 (Thủ tướng đồng ý; Bộ LĐTBXH thông báo)"
OLD_LABOUR_2024 = "Nghỉ 27/4–01/5/2024: hoán đổi thứ Hai 29/4 sang thứ Bảy 04/5/2024 (Bộ LĐTBXH thông báo)"
OLD_NATIONAL_2024 = "Quốc khánh 2024: nghỉ 02/9 và 03/9 (BLLĐ 2019 Điều 112; Bộ LĐTBXH thông báo)"
OLD_TET_2025 = "Nghỉ Tết Âm lịch Ất Tỵ 25/01–02/02/2025 (Thủ tướng đồng ý; Bộ LĐTBXH thông báo)"
OLD_LABOUR_2025 = (
    "Nghỉ 30/4–04/5/2025: hoán đổi thứ Sáu 02/5 sang thứ Bảy 26/4/2025 (Thủ tướng đồng ý; Bộ Nội vụ thông báo)"
)
OLD_NATIONAL_2025 = "Quốc khánh 2025: nghỉ 01/9 và 02/9 (BLLĐ 2019 Điều 112; Bộ Nội vụ thông báo)"
OLD_TET_2026 = "Nghỉ Tết Âm lịch Bính Ngọ 14/02–22/02/2026 (Thủ tướng đồng ý; Bộ Nội vụ thông báo)"
OLD_HUNG_KINGS_2026 = "Giỗ Tổ Hùng Vương 26/4/2026 rơi vào Chủ nhật: nghỉ bù thứ Hai 27/4 (BLLĐ 2019 Điều 112 khoản 3)"
OLD_NATIONAL_2026 = (
    "Quốc khánh 2026: nghỉ 29/8–02/9, hoán đổi thứ Hai 31/8 sang thứ Bảy 22/8/2026 "
    "(theo gói holidays 0.109 — đối chiếu thông báo của Bộ Nội vụ)"
)

# The re-checked notes. "chưa đối chiếu được" marks what no source read could confirm.
TET_2024 = (
    "Tết Âm lịch Giáp Thìn: nghỉ 08/02–14/02/2024. Công văn 8662/VPCP-KGVX ngày 03/11/2023 của "
    "Văn phòng Chính phủ (Thủ tướng đồng ý đề xuất tại Công văn 4594/LĐTBXH-ATLĐ ngày 27/10/2023)"
)
LABOUR_2024 = (
    "Nghỉ 27/4–01/5/2024: hoán đổi ngày làm việc thứ Hai 29/4 sang thứ Bảy 04/5/2024. "
    "Công văn 2450/VPCP-KGVX ngày 12/4/2024 của Văn phòng Chính phủ (Thủ tướng đồng ý đề xuất của Bộ LĐTBXH)"
)
NATIONAL_2024 = (
    "Quốc khánh 2024: nghỉ 31/8–03/9/2024 (lễ 02/9 và 03/9, BLLĐ 2019 Điều 112). "
    "Công văn 8662/VPCP-KGVX ngày 03/11/2023 của Văn phòng Chính phủ"
)
TET_2025 = (
    "Tết Âm lịch Ất Tỵ: nghỉ 25/01–02/02/2025. Công văn 8726/VPCP-KGVX ngày 26/11/2024 của Văn phòng "
    "Chính phủ; Thông báo 6150/TB-LĐTBXH năm 2024 của Bộ LĐTBXH (ngày ký chưa đối chiếu được)"
)
LABOUR_2025 = (
    "Nghỉ 30/4–04/5/2025: hoán đổi ngày làm việc thứ Sáu 02/5 sang thứ Bảy 26/4/2025. Công văn "
    "8726/VPCP-KGVX ngày 26/11/2024; Thông báo 6150/TB-LĐTBXH năm 2024 (ngày ký chưa đối chiếu được)"
)
NATIONAL_2025 = (
    "Quốc khánh 2025: nghỉ 30/8–02/9/2025 (lễ 01/9 và 02/9, BLLĐ 2019 Điều 112). Công văn "
    "8726/VPCP-KGVX ngày 26/11/2024; Thông báo 6150/TB-LĐTBXH năm 2024 (ngày ký chưa đối chiếu được)"
)
NEW_YEAR_2026 = (
    "Tết Dương lịch 2026: nghỉ 01/01–04/01/2026, hoán đổi ngày làm việc thứ Sáu 02/01 sang thứ Bảy "
    "10/01/2026. Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ (đề xuất của Bộ Nội vụ)"
)
TET_2026 = (
    "Tết Âm lịch Bính Ngọ: nghỉ 14/02–22/02/2026. Văn bản của Văn phòng Chính phủ tháng 10/2025 "
    "(Thủ tướng đồng ý đề xuất của Bộ Nội vụ) — số và ngày văn bản chưa đối chiếu được"
)
HUNG_KINGS_2026 = (
    "Giỗ Tổ Hùng Vương 26/4/2026 (10/3 âm lịch) trùng Chủ nhật: nghỉ bù thứ Hai 27/4/2026 "
    "theo Bộ luật Lao động 2019, Điều 111 khoản 3; không có văn bản hoán đổi riêng"
)
NATIONAL_2026 = (
    "Quốc khánh 2026: nghỉ 29/8–02/9/2026, hoán đổi thứ Hai 31/8 sang thứ Bảy 22/8/2026. Văn bản của "
    "Văn phòng Chính phủ tháng 10/2025, cùng văn bản nghỉ Tết Bính Ngọ — số và ngày chưa đối chiếu được"
)
CULTURE_DAY_2026 = (
    "Ngày Văn hóa Việt Nam 24/11 (Nghị quyết 80-NQ/TW của Bộ Chính trị; Nghị quyết 30/NQ-CP giao sửa "
    "Điều 112 BLLĐ 2019). Văn bản luật hay thông báo nghỉ năm 2026 chưa đối chiếu được: Trưởng Ban kiểm tra"
)


def weekdays(first, last):
    days = (first + datetime.timedelta(days=n) for n in range((last - first).days + 1))
    return [day for day in days if day.weekday() < 5]


# (date, is_working_day, note, note 0004 shipped for that date or None for a new row)
SCHEDULE = [
    *[(day, False, TET_2024, OLD_TET_2024) for day in weekdays(D(2024, 2, 8), D(2024, 2, 14))],
    (D(2024, 4, 29), False, LABOUR_2024, OLD_LABOUR_2024),
    (D(2024, 5, 4), True, LABOUR_2024, OLD_LABOUR_2024),
    (D(2024, 9, 3), False, NATIONAL_2024, OLD_NATIONAL_2024),
    *[(day, False, TET_2025, OLD_TET_2025) for day in weekdays(D(2025, 1, 25), D(2025, 2, 2))],
    (D(2025, 4, 26), True, LABOUR_2025, OLD_LABOUR_2025),
    (D(2025, 5, 2), False, LABOUR_2025, OLD_LABOUR_2025),
    (D(2025, 9, 1), False, NATIONAL_2025, OLD_NATIONAL_2025),
    (D(2026, 1, 2), False, NEW_YEAR_2026, None),
    (D(2026, 1, 10), True, NEW_YEAR_2026, None),
    *[(day, False, TET_2026, OLD_TET_2026) for day in weekdays(D(2026, 2, 14), D(2026, 2, 22))],
    (D(2026, 4, 27), False, HUNG_KINGS_2026, OLD_HUNG_KINGS_2026),
    (D(2026, 8, 22), True, NATIONAL_2026, OLD_NATIONAL_2026),
    (D(2026, 8, 31), False, NATIONAL_2026, OLD_NATIONAL_2026),
    (D(2026, 9, 1), False, NATIONAL_2026, OLD_NATIONAL_2026),
    (D(2026, 11, 24), False, CULTURE_DAY_2026, None),
]


def recheck(apps, schema_editor):
    CalendarException = apps.get_model("workflows", "CalendarException")
    for date, is_working_day, note, old_note in SCHEDULE:
        row = CalendarException.objects.filter(date=date).first()
        if row is None:
            CalendarException.objects.create(date=date, is_working_day=is_working_day, note=note)
        elif old_note is not None and row.note == old_note and row.is_working_day == is_working_day:
            row.note = note
            row.save(update_fields=["note"])


def undo(apps, schema_editor):
    CalendarException = apps.get_model("workflows", "CalendarException")
    for date, is_working_day, note, old_note in SCHEDULE:
        rows = CalendarException.objects.filter(date=date, is_working_day=is_working_day, note=note)
        if old_note is None:
            rows.delete()
        else:
            rows.update(note=old_note)


class Migration(migrations.Migration):
    dependencies = [
        # The rows 0004 shipped; 0008 is the last workflows migration on this branch.
        ("workflows", "0009_head_manages_accounts"),
    ]

    operations = [migrations.RunPython(recheck, undo)]
