"""Amounts in words as a Vietnamese payment document writes them."""

import pytest

from royalties.words import vietnamese_words


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "không"),
        (5, "năm"),
        (15, "mười lăm"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (105, "một trăm linh năm"),
        (1005, "một nghìn không trăm linh năm"),
        (46_800, "bốn mươi sáu nghìn tám trăm"),
        (234_000, "hai trăm ba mươi tư nghìn"),
        (1_000_500, "một triệu năm trăm"),
        (1_099_800, "một triệu không trăm chín mươi chín nghìn tám trăm"),
        (2_340_000_000, "hai tỷ ba trăm bốn mươi triệu"),
        (1_000_000_000_000, "một nghìn tỷ"),
    ],
)
def test_amounts_in_words(number, words):
    assert vietnamese_words(number) == words
