"""People and published items for the royalties tests: everything is paid through real publication."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from wagtail.images.tests.utils import get_test_image_file

from accounts.policy import GROUP_CONTRIBUTOR, GROUP_HEAD, GROUP_MEMBER, GROUP_OFFICIAL, GROUP_PARTY_COMMITTEE
from assets.models import PortalImage
from demo.factories.accounts import UserFactory
from demo.factories.pages import NewsPageFactory, OfficialDocumentPageFactory
from qa import services as qa_services
from tests.content_helpers import publish

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def people(db):
    """One person per group (never a superuser)."""
    return {
        "head": UserFactory(username="truongban", groups=[GROUP_HEAD]),
        "member": UserFactory(username="thanhvien", groups=[GROUP_MEMBER]),
        "contributor": UserFactory(
            username="congtacvien", first_name="Lan", last_name="Nguyễn Thị", groups=[GROUP_CONTRIBUTOR]
        ),
        "official": UserFactory(username="congchuc", groups=[GROUP_OFFICIAL]),
        "party": UserFactory(username="dangUy", groups=[GROUP_PARTY_COMMITTEE]),
    }


def at(year, month, day, hour=9):
    """A moment in Hanoi time, to pin the clock on with time-machine."""
    return datetime.datetime(year, month, day, hour, tzinfo=HANOI)


def publish_on(moment, page):
    """Publish `page` through a revision with the clock pinned at `moment`."""
    with time_machine.travel(moment, tick=False):
        return publish(page)


def news(site_pages, author, **fields):
    """A draft news article by `author`."""
    return NewsPageFactory(parent=site_pages["news_index"], owner=author, author=author, live=False, **fields)


def document(site_pages, owner, **fields):
    return OfficialDocumentPageFactory(parent=site_pages["document_index"], owner=owner, live=False, **fields)


def photo(uploader, title="Ảnh đồi chè Tân Cương"):
    return PortalImage.objects.create(title=title, file=get_test_image_file(), uploaded_by_user=uploader)


def answered_question(people, moment):
    """A resident's question, assigned to the official, answered and published at `moment`."""
    with time_machine.travel(moment - datetime.timedelta(days=2), tick=False):
        question = qa_services.submit_question(
            {
                "name": "Nguyễn Văn An",
                "email": "an@example.vn",
                "title": "Thủ tục cấp giấy chứng nhận quyền sử dụng đất",
                "body": "Cần giấy tờ gì để làm thủ tục lần đầu?",
                "topic": "dat-dai",
                "consent_to_publish": True,
            }
        )
        qa_services.assign_question(question, people["official"], by=people["member"])
        page = qa_services.draft_answer(question, by=people["official"])
    page.answer = "<p>Ủy ban nhân dân xã trả lời: cần đơn đề nghị và giấy tờ về đất.</p>"
    page.save_revision(user=people["official"])
    return publish_on(moment, page)
