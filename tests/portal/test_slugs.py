"""Every page's address is ASCII Vietnamese transliteration (issue 19): "Đất đai" → "dat-dai".

The admin's slug field, filled by Wagtail's script as the title is typed, keeps Vietnamese letters
("xã-tân-cương-…"); the page is saved with the transliteration.
"""

import pytest

from demo.factories.pages import NewsPageFactory, StandardPageFactory
from tests.portal.test_admin_dates import editor, latest, open_editor, pages, save_draft  # noqa: F401

pytestmark = pytest.mark.django_db


def test_a_slug_typed_in_the_admin_with_vietnamese_letters_is_transliterated(editor, pages):  # noqa: F811
    page = NewsPageFactory(parent=pages["news_index"], title="Tin nháp", slug="tin-nhap", live=False)
    page.save_revision()
    form = open_editor(editor, page)
    save_draft(editor, page, form, title="Xã Tân Cương đón bằng công nhận", slug="xã-tân-cương-đón-bằng-công-nhận")
    assert latest(page).slug == "xa-tan-cuong-don-bang-cong-nhan"


@pytest.mark.parametrize(
    ("typed", "saved"),
    [
        ("đất-đai", "dat-dai"),
        ("ĐẤT-ĐAI-2026", "dat-dai-2026"),
        ("giới-thiệu", "gioi-thieu"),
        ("ascii-stays", "ascii-stays"),
    ],
)
def test_every_save_transliterates(pages, typed, saved):  # noqa: F811
    page = StandardPageFactory(parent=pages["home"], title="Trang", slug=typed)
    page.refresh_from_db()
    assert page.slug == saved


def test_two_pages_whose_slugs_fold_alike_stay_apart(pages):  # noqa: F811
    first = StandardPageFactory(parent=pages["home"], title="Đất đai", slug="dat-dai")
    second = StandardPageFactory(parent=pages["home"], title="Đất đai", slug="đất-đai")
    assert first.slug == "dat-dai" and second.slug.startswith("dat-dai-") and second.slug.isascii()
