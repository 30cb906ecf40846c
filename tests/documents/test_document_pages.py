"""The document register: filters, search by number or abstract, details, attached files, validity."""

import datetime

import pytest
from django.core.files.base import ContentFile
from wagtail.test.utils import WagtailPageTestCase

from assets.models import PortalDocument
from demo.factories.pages import OfficialDocumentPageFactory
from documents.models import DOCUMENTS_PER_PAGE, DocumentIndexPage, OfficialDocumentAttachment, OfficialDocumentPage
from tests.content_helpers import publish

pytestmark = pytest.mark.django_db


class DocumentTreeTests(WagtailPageTestCase):
    def test_tree_rules(self):
        from home.models import HomePage

        self.assertCanCreateAt(HomePage, DocumentIndexPage)
        self.assertCanCreateAt(DocumentIndexPage, OfficialDocumentPage)
        self.assertAllowedSubpageTypes(OfficialDocumentPage, {})


@pytest.fixture
def register(site_pages):
    """Three public documents of different kinds, years, areas and issuers."""
    index = site_pages["document_index"]
    return {
        "decision": publish(
            OfficialDocumentPageFactory(
                parent=index,
                title="Quyết định kiện toàn Ban Biên tập",
                number="63/QĐ-UBND",
                document_type="quyet-dinh",
                subject_area="hanh-chinh",
                signed_date=datetime.date(2024, 5, 27),
                summary="Kiện toàn Ban Biên tập Trang thông tin điện tử xã Tân Cương",
            )
        ),
        "plan": publish(
            OfficialDocumentPageFactory(
                parent=index,
                title="Kế hoạch chuyển đổi số",
                number="12/KH-UBND",
                document_type="ke-hoach",
                subject_area="kinh-te",
                signed_date=datetime.date(2025, 2, 14),
                summary="Chuyển đổi số năm 2025",
            )
        ),
        "resolution": publish(
            OfficialDocumentPageFactory(
                parent=index,
                title="Nghị quyết dự toán ngân sách",
                number="27/NQ-HĐND",
                document_type="nghi-quyet",
                subject_area="tai-chinh",
                issuing_body="HĐND xã Tân Cương",
                signed_date=datetime.date(2024, 12, 20),
                summary="Dự toán ngân sách xã năm 2025",
            )
        ),
    }


def numbers_listed(client, query=""):
    html = client.get(f"/van-ban/{query}").content.decode()
    return {number for number in ("63/QĐ-UBND", "12/KH-UBND", "27/NQ-HĐND") if f">{number}</a>" in html}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"63/QĐ-UBND", "12/KH-UBND", "27/NQ-HĐND"}),
        ("?loai=ke-hoach", {"12/KH-UBND"}),
        ("?nam=2024", {"63/QĐ-UBND", "27/NQ-HĐND"}),
        ("?linh_vuc=tai-chinh", {"27/NQ-HĐND"}),
        ("?co_quan=HĐND xã Tân Cương", {"27/NQ-HĐND"}),
        ("?q=63/QĐ-UBND", {"63/QĐ-UBND"}),
        ("?q=63/qd-ubnd", {"63/QĐ-UBND"}),
        # The number typed with spaces matches it whole; one word matches the number or the abstract.
        ("?q=63 / qđ-ubnd", {"63/QĐ-UBND"}),
        ("?q=UBND", {"63/QĐ-UBND", "12/KH-UBND"}),
        ("?q=ngân", {"27/NQ-HĐND"}),
        ("?q=chuyen doi so", {"12/KH-UBND"}),
        ("?q=NGÂN SÁCH&nam=2024", {"27/NQ-HĐND"}),
    ],
)
def test_register_filters(register, client, query, expected):
    assert numbers_listed(client, query) == expected


def test_register_is_paginated(site_pages, client):
    for n in range(DOCUMENTS_PER_PAGE + 1):
        publish(
            OfficialDocumentPageFactory(
                parent=site_pages["document_index"], signed_date=datetime.date(2025, 1, 1) + datetime.timedelta(days=n)
            )
        )
    assert client.get("/van-ban/").content.decode().count("<tr>") == DOCUMENTS_PER_PAGE + 1  # with the header row
    assert client.get("/van-ban/?page=2").content.decode().count("<tr>") == 2


def test_detail_shows_every_field_the_file_and_the_status(register, client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    decision = register["decision"]
    decision.effective_date = datetime.date(2024, 5, 27)
    decision.expiry_date = datetime.date(2024, 12, 31)
    scan = PortalDocument.objects.create(title="Bản scan", file=ContentFile(b"%PDF-1.4 " + b"x" * 2048, name="63.pdf"))
    decision.attachments = [OfficialDocumentAttachment(document=scan, title="Quyết định 63 (bản ký)")]
    publish(decision)
    html = client.get(decision.url).content.decode()
    for text in (
        "63/QĐ-UBND",
        "Quyết định",
        "UBND xã Tân Cương",
        "Phạm Tiến Sỹ",
        "27/05/2024",
        "31/12/2024",
        "Hành chính",
        "Kiện toàn Ban Biên tập",
        "Quyết định 63 (bản ký)",
        "(PDF, 2,0",
        "Hết hiệu lực",
    ):
        assert text in html, text
    download = client.get(scan.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_document_in_force_and_not_yet(register):
    plan = register["plan"]
    plan.effective_date = datetime.date.today() + datetime.timedelta(days=30)
    assert plan.validity[0] == "pending"
    plan.effective_date = datetime.date(2025, 2, 14)
    assert plan.validity[0] == "in-force"
