"""Next year's schedule imported from a CSV file: in the admin by the head, or by command."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.workflows.conftest import as_user
from workflows.calendar import add_working_days, is_working_day
from workflows.calendar_import import CalendarImportError, parse_schedule
from workflows.models import CalendarException

pytestmark = pytest.mark.django_db

D = datetime.date

# The 2027 schedule as a head would type it in a spreadsheet (made-up announcement numbers).
GOOD_CSV = """ngày,làm việc/nghỉ,ghi chú
04/02/2027,nghỉ,"Tết Đinh Mùi: Công văn 100/VPCP-KGVX ngày 01/10/2026, nghỉ 04/02–12/02"
05/02/2027,Nghỉ,"Tết Đinh Mùi: Công văn 100/VPCP-KGVX ngày 01/10/2026"
13/02/2027,làm việc,"Làm bù cho thứ Năm 04/02 (Công văn 100/VPCP-KGVX ngày 01/10/2026)"
25/12/2027,lam viec,Làm bù thử: ngày > 12 đọc là ngày
""".encode()

IMPORT_URL = "wagtailsnippets_workflows_calendarexception:import"
LIST_URL = "wagtailsnippets_workflows_calendarexception:list"


def table():
    return {row.date: (row.is_working_day, row.note) for row in CalendarException.objects.filter(date__year=2027)}


def test_a_good_file_is_read_day_first():
    rows = parse_schedule(GOOD_CSV)
    assert [(row.line, row.date, row.is_working_day) for row in rows] == [
        (2, D(2027, 2, 4), False),
        (3, D(2027, 2, 5), False),
        (4, D(2027, 2, 13), True),
        (5, D(2027, 12, 25), True),
    ]
    assert rows[0].note.startswith("Tết Đinh Mùi: Công văn 100/VPCP-KGVX ngày 01/10/2026, nghỉ")
    # Excel in Vietnamese: byte-order mark and semicolons.
    excel = "\ufeffngày;làm việc/nghỉ;ghi chú\r\n10/09/2027;nghỉ;Thử\r\n".encode()
    assert [(row.date, row.is_working_day) for row in parse_schedule(excel)] == [(D(2027, 9, 10), False)]


def test_bad_lines_are_refused_with_their_line_numbers():
    bad = (
        "ngày,làm việc/nghỉ,ghi chú\n"
        "31/02/2027,nghỉ,Ngày không có\n"  # 2
        "2027-02-04,nghỉ,Tháng trước ngày\n"  # 3
        "04/02/2027,nghỉ phép,Trạng thái lạ\n"  # 4
        '05/02/2027,nghỉ,=HYPERLINK("http://x";"bấm")\n'  # 5
        "06/02/2027,nghỉ,Được\n"  # 6
        "06/02/2027,làm việc,Trùng ngày\n"  # 7
        "07/02/2027,nghỉ\n"  # 8
    ).encode()
    with pytest.raises(CalendarImportError) as refused:
        parse_schedule(bad)
    lines = [line for line, _problem in refused.value.problems]
    assert lines == [2, 3, 4, 5, 7, 8]
    messages = refused.value.messages()
    assert messages[0].startswith("Dòng 2:") and "dd/mm/yyyy" in messages[0]
    assert "06/02/2027" in messages[4] and "dòng 6" in messages[4]


def test_a_nul_byte_refuses_the_whole_file():
    with pytest.raises(CalendarImportError) as refused:
        parse_schedule(b"04/02/2027,ngh\x00i,x\n")
    assert refused.value.problems[0][0] == 1
    with pytest.raises(CalendarImportError):
        parse_schedule(b"\xff\xfe not utf-8")


def test_the_head_previews_then_imports(client, board):
    as_user(client, board["head"])
    listing = client.get(reverse(LIST_URL))
    assert reverse(IMPORT_URL) in listing.content.decode()

    preview = client.post(reverse(IMPORT_URL), {"file": SimpleUploadedFile("lich-2027.csv", GOOD_CSV)})
    assert preview.status_code == 200
    assert "13/02/2027" in preview.content.decode()
    assert table() == {}  # nothing written by the preview

    content = preview.context["form"].initial["content"]
    done = client.post(reverse(IMPORT_URL), {"content": content, "confirm": "1"})
    assert done.status_code == 302
    assert table()[D(2027, 2, 13)][0] is True
    assert len(table()) == 4
    assert is_working_day(D(2027, 2, 13)) and not is_working_day(D(2027, 2, 5))
    assert add_working_days(D(2027, 2, 12), 1) == D(2027, 2, 13)
    assert ModelLogEntry.objects.filter(action="wagtail.create", user=board["head"]).count() == 4

    # The same file again changes nothing; a corrected note replaces the stored one.
    again = GOOD_CSV.decode().replace("Làm bù thử", "Làm bù sửa")
    client.post(reverse(IMPORT_URL), {"content": again, "confirm": "1"})
    assert table()[D(2027, 12, 25)][1] == "Làm bù sửa: ngày > 12 đọc là ngày"
    assert len(table()) == 4


def test_a_bad_file_in_the_admin_imports_nothing(client, board):
    as_user(client, board["head"])
    bad = GOOD_CSV + "30/02/2027,nghỉ,x\n".encode()
    response = client.post(reverse(IMPORT_URL), {"file": SimpleUploadedFile("lich.csv", bad)})
    assert response.status_code == 200
    assert "Dòng 6:" in response.content.decode()
    # Even when the confirmation is forced with the bad text.
    client.post(reverse(IMPORT_URL), {"content": bad.decode(), "confirm": "1"})
    assert table() == {}


@pytest.mark.parametrize("role", ["member", "contributor"])
def test_only_the_head_imports(client, board, role):
    as_user(client, board[role])
    response = client.post(reverse(IMPORT_URL), {"content": GOOD_CSV.decode(), "confirm": "1"})
    assert response.status_code in (302, 403)
    assert table() == {}
    assert reverse(IMPORT_URL) not in client.get(reverse(LIST_URL)).content.decode()


def test_the_command_shares_the_import(tmp_path):
    path = tmp_path / "lich-2027.csv"
    path.write_bytes(GOOD_CSV + "30/02/2027,nghỉ,x\n".encode())
    with pytest.raises(CommandError, match="Dòng 6"):
        call_command("import_calendar", str(path))
    assert table() == {}

    path.write_bytes(GOOD_CSV)
    call_command("import_calendar", str(path), "--dry-run")
    assert table() == {}
    call_command("import_calendar", str(path))
    assert len(table()) == 4
