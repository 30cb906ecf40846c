"""Import of the government's announced schedule of days off and make-up days from a CSV file.

Each year the head of the board copies the announcement (Tết, swapped days, make-up Saturdays)
into a spreadsheet of three columns, saves it as CSV and imports it: in the admin (Lịch ngày làm
việc → Nhập lịch từ tệp CSV), which shows what will change before anything is written, or with
``manage.py import_calendar PATH``. Both use these functions (docs/calendar.md).

    ngày,làm việc/nghỉ,ghi chú
    02/01/2026,nghỉ,"Công văn 12729/VPCP-KGVX ngày 25/12/2025: hoán đổi sang thứ Bảy 10/01"
    10/01/2026,làm việc,"Công văn 12729/VPCP-KGVX ngày 25/12/2025: làm bù cho thứ Sáu 02/01"

Dates are read day first (dd/mm/yyyy) and nothing else; the whole file is refused, with the line
number of every problem, when any line is wrong: it is imported entirely or not at all.
"""

import csv
import datetime
import io
import re
import unicodedata
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from workflows.calendar import exceptions_loaded_once, is_working_day
from workflows.models import CalendarException

MAX_FILE_BYTES = 100_000
MAX_ROWS = 1000
NOTE_MAX_LENGTH: int = CalendarException._meta.get_field("note").max_length  # type: ignore[assignment]  # a CharField
FIRST_YEAR, LAST_YEAR = 2000, 2100

DATE_PATTERN = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
# What a spreadsheet would run as a formula if the cell were opened again (= + - @, tab, CR).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Every control character but the line breaks a quoted note may hold.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _simplified(text):
    """Lower case without diacritics or extra spaces: "Làm  việc" → "lam viec"."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


WORKING = {"lam viec", "lam bu", "ngay lam viec", "di lam", "working", "working day", "work"}
DAY_OFF = {"nghi", "nghi le", "nghi bu", "ngay nghi", "nghi tet", "day off", "off", "holiday"}
HEADER_FIRST_CELLS = {"ngay", "date"}


@dataclass(frozen=True)
class ScheduleRow:
    """One line of the file: the date, whether it is worked, and the announcement it comes from."""

    line: int
    date: datetime.date
    is_working_day: bool
    note: str


@dataclass(frozen=True)
class PlannedChange:
    """What importing one row does to the calendar."""

    row: ScheduleRow
    action: str  # "create", "update" or "unchanged"
    previous_is_working_day: bool | None  # the stored row's status, None when there is none
    previous_note: str
    working_before: bool  # what the calendar said before the import (rows, weekday, holidays)

    @property
    def changes_the_calendar(self):
        return self.working_before != self.row.is_working_day


class CalendarImportError(ValueError):
    """The file is refused; `problems` lists (line number or None, Vietnamese message)."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(self.messages()))

    def messages(self):
        return [
            _("Line %(line)s: %(problem)s") % {"line": line, "problem": problem} if line else problem
            for line, problem in self.problems
        ]


def _decode(data):
    if isinstance(data, str):
        return data
    if len(data) > MAX_FILE_BYTES:
        raise CalendarImportError(
            [(None, _("The file is too large (more than %(size)s kB).") % {"size": MAX_FILE_BYTES // 1000})]
        )
    try:
        # utf-8-sig: Excel's "CSV UTF-8" starts with a byte-order mark.
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CalendarImportError(
            [(None, _("The file is not UTF-8 text. In Excel, save it as “CSV UTF-8 (Comma delimited)”."))]
        ) from error


def _dialect(text):
    """Comma or semicolon (Excel in Vietnamese uses ";", the decimal separator being ",")."""
    first_line = text.split("\n", 1)[0]
    return "excel" if first_line.count(",") >= first_line.count(";") else _Semicolon


class _Semicolon(csv.excel):
    delimiter = ";"


def _parse_date(text):
    match = DATE_PATTERN.fullmatch(text)
    if not match:
        return None
    day, month, year = (int(part) for part in match.groups())
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _parse_status(text):
    simplified = _simplified(text)
    if simplified in WORKING:
        return True
    if simplified in DAY_OFF:
        return False
    return None


def parse_schedule(data):
    """The rows of a CSV file (bytes or text); CalendarImportError listing every problem found."""
    text = _decode(data)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise CalendarImportError([(line, _("the file contains a NUL character; it is not a CSV text file."))])
    rows: list[ScheduleRow] = []
    problems: list[tuple[int | None, str]] = []
    seen: dict[datetime.date, int] = {}
    reader = csv.reader(io.StringIO(text, newline=""), dialect=_dialect(text))
    previous_line = 0
    try:
        for cells in reader:
            # The line where the record starts (a quoted note may run over several lines).
            line, previous_line = previous_line + 1, reader.line_num
            problem = _read_record(line, cells, rows, seen)
            if problem:
                problems.append((line, problem))
            if len(rows) > MAX_ROWS:
                problems.append(
                    (line, _("more than %(count)s lines; import one year at a time.") % {"count": MAX_ROWS})
                )
                break
    except csv.Error:
        problems.append((previous_line + 1, _("the line cannot be read as CSV.")))
    if problems:
        raise CalendarImportError(problems)
    if not rows:
        raise CalendarImportError([(None, _("The file has no dates to import."))])
    return rows


def _read_record(line, cells, rows, seen):
    """Add the record's row to `rows`; its problem (a Vietnamese message) or None."""
    cells = [cell.strip() for cell in cells]
    while cells and not cells[-1]:
        cells.pop()
    if not cells:
        return None
    if not rows and not seen and _simplified(cells[0]) in HEADER_FIRST_CELLS:
        return None  # the header line
    problem = _check_cells(cells)
    if problem:
        return problem
    date, status = _parse_date(cells[0]), _parse_status(cells[1])
    if date is None:
        return _("“%(value)s” is not a date; write it day first, dd/mm/yyyy (e.g. 02/01/2026).") % {"value": cells[0]}
    if status is None:
        return _("“%(value)s” is not a status; write “làm việc” or “nghỉ”.") % {"value": cells[1]}
    if date in seen:
        return _("%(date)s is already on line %(first)s; each date once.") % {
            "date": f"{date:%d/%m/%Y}",
            "first": seen[date],
        }
    seen[date] = line
    rows.append(ScheduleRow(line=line, date=date, is_working_day=status, note=cells[2]))
    return None


def _check_cells(cells):
    """The problem of a line's cells before their values are read, or None."""
    if len(cells) < 3:
        return _("three columns are needed: date, “làm việc” or “nghỉ”, and the note naming the announcement.")
    if len(cells) > 3:
        return _("more than three columns; put commas inside the note between double quotes.")
    for cell in cells:
        if cell.startswith(FORMULA_PREFIXES):
            return _("“%(value)s” starts like a spreadsheet formula (= + - @); remove that first character.") % {
                "value": cell[:40]
            }
        if CONTROL_CHARACTERS.search(cell):
            return _("the line contains a control character.")
    if len(cells[2]) > NOTE_MAX_LENGTH:
        return _("the note is longer than %(count)s characters.") % {"count": NOTE_MAX_LENGTH}
    return None


def schedule_as_csv(rows):
    """`rows` written back as the CSV text `parse_schedule` reads (the preview's confirmation)."""
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\n")
    for row in rows:
        writer.writerow([f"{row.date:%d/%m/%Y}", "làm việc" if row.is_working_day else "nghỉ", row.note])
    return output.getvalue()


def plan_import(rows):
    """What importing `rows` would do, row by row, without writing anything."""
    stored = {row.date: row for row in CalendarException.objects.filter(date__in=[row.date for row in rows])}
    plan = []
    with exceptions_loaded_once():
        for row in rows:
            existing = stored.get(row.date)
            if existing is None:
                action = "create"
            elif existing.is_working_day == row.is_working_day and existing.note == row.note:
                action = "unchanged"
            else:
                action = "update"
            plan.append(
                PlannedChange(
                    row=row,
                    action=action,
                    previous_is_working_day=existing.is_working_day if existing else None,
                    previous_note=existing.note if existing else "",
                    working_before=is_working_day(row.date),
                )
            )
    return plan


@transaction.atomic
def import_schedule(rows, user=None):
    """Write `rows` into the calendar, all or nothing; each created or changed row is logged."""
    plan = plan_import(rows)
    for change in plan:
        row = change.row
        if change.action == "create":
            instance = CalendarException.objects.create(date=row.date, is_working_day=row.is_working_day, note=row.note)
            log(instance=instance, action="wagtail.create", user=user)
        elif change.action == "update":
            instance = CalendarException.objects.select_for_update().get(date=row.date)
            instance.is_working_day, instance.note = row.is_working_day, row.note
            instance.save(update_fields=["is_working_day", "note"])
            log(instance=instance, action="wagtail.edit", user=user)
    return plan


def can_import_calendar(user):
    """The head of the board (who edits the calendar, DESIGN §2), or a superuser."""
    return user.is_active and all(
        user.has_perm(f"workflows.{action}_calendarexception") for action in ("add", "change")
    )
