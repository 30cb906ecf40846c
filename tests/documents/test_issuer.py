"""Who issued a document: the structured issuer, read from the printed name by the migration."""

import datetime
import importlib

import pytest
from django.apps import apps
from wagtail.models import Revision

from demo.factories.pages import OfficialDocumentPageFactory
from documents.issuers import Issuer, classify_issuer
from documents.models import OfficialDocumentPage

migration = importlib.import_module("documents.migrations.0002_officialdocumentpage_issuer")


@pytest.mark.parametrize(
    ("printed", "issuer"),
    [
        ("UBND xã Tân Cương", "ubnd-xa"),
        ("Ủy ban nhân dân xã Tân Cương", "ubnd-xa"),
        ("Uỷ ban nhân dân xã Tân Cương", "ubnd-xa"),  # the old placement of the tone mark
        ("uy ban nhan dan xa tan cuong", "ubnd-xa"),  # typed without diacritics
        ("Chủ tịch UBND xã", "ubnd-xa"),
        ("UBND xã Tân Cương, thành phố Thái Nguyên", "ubnd-xa"),  # the commune's full postal name
        ("UBND-xã Tân Cương", "ubnd-xa"),
        ("HĐND xã Tân Cương", "hdnd-xa"),
        ("Hội đồng nhân dân xã", "hdnd-xa"),
        ("Đảng ủy xã Tân Cương", "dang-uy-xa"),
        ("Đảng uỷ xã", "dang-uy-xa"),
        ("Ban Biên tập xã Tân Cương", "ban-bien-tap"),
        ("Ban biên tập Trang thông tin điện tử", "ban-bien-tap"),
        ("UBND tỉnh Thái Nguyên", "cap-tren"),
        ("Ủy ban nhân dân tỉnh Thái Nguyên", "cap-tren"),
        ("UBND huyện Đại Từ", "cap-tren"),
        ("UBND thành phố Thái Nguyên", "cap-tren"),
        ("UBND TP. Thái Nguyên", "cap-tren"),
        ("UBND thị xã Phổ Yên", "cap-tren"),  # a town: "xã" alone would read as a commune
        ("HĐND tỉnh Thái Nguyên", "cap-tren"),
        ("Tỉnh ủy Thái Nguyên", "cap-tren"),
        ("Thành ủy Thái Nguyên", "cap-tren"),
        ("Sở Nội vụ tỉnh Thái Nguyên", "cap-tren"),
        ("Bộ Tài chính", "cap-tren"),
        ("Chính phủ", "cap-tren"),
        ("Thủ tướng Chính phủ", "cap-tren"),
        ("Quốc hội", "cap-tren"),
        ("Hội Nông dân xã", "khac"),
        ("Trung tâm du lịch chè", "khac"),
        ("", "khac"),
        ("   ", "khac"),
        ("\x00", "khac"),
        ('=HYPERLINK("http://x")', "khac"),
        (None, "khac"),
    ],
)
def test_the_printed_name_tells_the_issuer(printed, issuer):
    assert classify_issuer(printed) == issuer
    assert issuer in Issuer.values


@pytest.mark.django_db
def test_the_migration_classifies_documents_and_their_drafts(site_pages):
    province = OfficialDocumentPageFactory(
        parent=site_pages["document_index"], issuing_body="UBND tỉnh Thái Nguyên", signed_date=datetime.date(2025, 3, 3)
    )
    council = OfficialDocumentPageFactory(parent=site_pages["document_index"], issuing_body="HĐND xã Tân Cương")
    commune = OfficialDocumentPageFactory(parent=site_pages["document_index"], issuing_body="Ủy ban nhân dân xã")
    # A draft saved before the field existed: its revision has no "issuer" key.
    revision = province.save_revision()
    content = {key: value for key, value in revision.content.items() if key != "issuer"}
    Revision.objects.filter(pk=revision.pk).update(content=content)

    migration.classify_documents(apps, None)

    issuers = dict(OfficialDocumentPage.objects.values_list("pk", "issuer"))
    assert issuers == {province.pk: "cap-tren", council.pk: "hdnd-xa", commune.pk: "ubnd-xa"}
    revision.refresh_from_db()
    assert revision.content["issuer"] == "cap-tren"
    assert revision.as_object().issuer == "cap-tren"
