"""Vietnamese input formats: day first, always; never a month-first reading.

Only the input formats are set here; everything else (display formats, separators) still comes
from Django's own `vi` module. The first format of each list is the one the admin writes
(settings WAGTAIL_DATE_FORMAT / WAGTAIL_DATETIME_FORMAT / WAGTAIL_TIME_FORMAT); ISO stays
accepted for what browsers and scripts send (`<input type="date">`, ?due_from=2025-09-10).
"""

DATE_INPUT_FORMATS = [
    "%d/%m/%Y",  # 10/09/2025, as the admin shows it
    "%Y-%m-%d",  # 2025-09-10
    "%d-%m-%Y",  # 10-09-2025, Django's SHORT_DATE_FORMAT for vi
    "%d.%m.%Y",  # 10.09.2025
]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M",  # 10/09/2025 14:30, as the admin shows it
    "%d/%m/%Y %H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M:%S.%f",
    "%Y-%m-%d %H:%M",
    "%d-%m-%Y %H:%M",
    "%d/%m/%Y",  # a date alone is midnight
    "%Y-%m-%d",
]
TIME_INPUT_FORMATS = [
    "%H:%M",
    "%H:%M:%S",
    "%H:%M:%S.%f",
]
