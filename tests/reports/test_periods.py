"""Periods are written as scripts pass them and labelled as the report prints them."""

import datetime

import pytest
from django.utils import translation

from reports.periods import Period, last_complete_quarter, period_choices


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


@pytest.mark.parametrize(
    ("text", "start", "end", "label"),
    [
        ("2025-03", datetime.date(2025, 3, 1), datetime.date(2025, 3, 31), "Tháng 03/2025"),
        ("2024-02", datetime.date(2024, 2, 1), datetime.date(2024, 2, 29), "Tháng 02/2024"),
        ("2025-Q1", datetime.date(2025, 1, 1), datetime.date(2025, 3, 31), "Quý I/2025"),
        ("2025-Q4", datetime.date(2025, 10, 1), datetime.date(2025, 12, 31), "Quý IV/2025"),
        ("2025-H1", datetime.date(2025, 1, 1), datetime.date(2025, 6, 30), "6 tháng đầu năm 2025"),
        ("2025-H2", datetime.date(2025, 7, 1), datetime.date(2025, 12, 31), "6 tháng cuối năm 2025"),
        ("2025", datetime.date(2025, 1, 1), datetime.date(2025, 12, 31), "Năm 2025"),
    ],
)
def test_parse(text, start, end, label):
    period = Period.parse(text)
    assert (period.start, period.end, period.label, period.key) == (start, end, label, text)


@pytest.mark.parametrize(
    "text",
    ["2025-13", "2025-00", "2025-Q5", "2025-Q0", "2025-H3", "25", "2025-3", "quý 1", "", "1999-12", "9999-12", "9999"],
)
def test_anything_else_is_refused_in_vietnamese(text):
    with pytest.raises(ValueError, match="không phải là kỳ báo cáo"):
        Period.parse(text)


def test_a_period_in_the_future_is_refused():
    today = datetime.date(2025, 4, 15)
    assert Period.parse("2025-04", today=today).key == "2025-04"  # in progress: allowed
    with pytest.raises(ValueError, match="chưa bắt đầu"):
        Period.parse("2025-05", today=today)
    with pytest.raises(ValueError, match="chưa bắt đầu"):
        Period.parse("2026", today=today)


@pytest.mark.parametrize(
    ("today", "quarter"),
    [
        (datetime.date(2025, 4, 15), "2025-Q1"),
        (datetime.date(2025, 4, 1), "2025-Q1"),
        (datetime.date(2025, 3, 31), "2024-Q4"),
        (datetime.date(2025, 1, 2), "2024-Q4"),
    ],
)
def test_last_complete_quarter(today, quarter):
    assert last_complete_quarter(today).key == quarter


def test_picker_offers_recent_periods_and_none_in_the_future():
    choices = dict(period_choices(datetime.date(2025, 4, 15)))
    assert choices["2025-04"] == "Tháng 04/2025"
    assert choices["2025-Q1"] == "Quý I/2025"
    assert choices["2024-H2"] == "6 tháng cuối năm 2024"
    assert choices["2023"] == "Năm 2023"
    assert "2025-05" not in choices and "2025-Q3" not in choices
    assert all(Period.parse(key).start <= datetime.date(2025, 4, 15) for key in choices)
