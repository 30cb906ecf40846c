"""Factories for the site tree and every page type, with believable Vietnamese content.

Pages are created as drafts under their parent with `PageFactory(parent=...)`; publish them
through a revision (`page.save_revision().publish()`) or through the workflow under test.
"""

import datetime

import factory
import wagtail_factories
from wagtail.models import Locale, Page, Site

from documents.issuers import Issuer
from documents.models import DocumentIndexPage, DocumentType, OfficialDocumentPage, SubjectArea
from home.models import HomePage, StandardPage
from news.models import NewsCategory, NewsIndexPage, NewsPage
from qa.models import QAIndexPage, QAPage, Question, Topic


class HomePageFactory(wagtail_factories.PageFactory):
    """A home page; use `site_tree()` for the whole demo-like tree."""

    class Meta:
        model = HomePage

    title = "Trang chủ"
    slug = factory.Sequence(lambda n: f"trang-chu-{n}")


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Faker("sentence", nb_words=4, locale="vi_VN")
    intro = factory.Faker("sentence", nb_words=12, locale="vi_VN")


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Tin tức"
    slug = "tin-tuc"


class NewsPageFactory(wagtail_factories.PageFactory):
    """A news article ready to publish: it has its event date and its author."""

    class Meta:
        model = NewsPage

    title = factory.Faker("sentence", nb_words=8, locale="vi_VN")
    category = NewsCategory.EVENT
    event_date = factory.LazyFunction(lambda: datetime.date(2025, 3, 10))
    summary = factory.Faker("paragraph", nb_sentences=2, locale="vi_VN")


class DocumentIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = DocumentIndexPage

    title = "Văn bản"
    slug = "van-ban"


class OfficialDocumentPageFactory(wagtail_factories.PageFactory):
    """A public (non-confidential) decision of the commune's People's Committee."""

    class Meta:
        model = OfficialDocumentPage

    title = factory.Sequence(lambda n: f"Quyết định số {n + 1}/QĐ-UBND")
    number = factory.Sequence(lambda n: f"{n + 1}/QĐ-UBND")
    document_type = DocumentType.DECISION
    issuer = Issuer.UBND_XA
    subject_area = SubjectArea.ADMINISTRATION
    signer = "Phạm Tiến Sỹ"
    signed_date = factory.LazyFunction(lambda: datetime.date(2025, 3, 10))
    summary = factory.Faker("sentence", nb_words=14, locale="vi_VN")
    confidential = False


class QAIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = QAIndexPage

    title = "Hỏi đáp"
    slug = "hoi-dap"


class QuestionFactory(factory.django.DjangoModelFactory):
    """A resident's question, with personal data that must never reach a public page."""

    class Meta:
        model = Question

    name = factory.Faker("name", locale="vi_VN")
    email = factory.Sequence(lambda n: f"cong.dan{n}@example.vn")
    phone = factory.Sequence(lambda n: f"09{n:08d}")
    address = factory.Faker("address", locale="vi_VN")
    topic = Topic.ADMINISTRATIVE_PROCEDURES
    title = factory.Faker("sentence", nb_words=8, locale="vi_VN")
    body = factory.Faker("paragraph", nb_sentences=3, locale="vi_VN")
    consent_to_publish = True


class QAPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = QAPage

    title = factory.Faker("sentence", nb_words=8, locale="vi_VN")
    topic = Topic.ADMINISTRATIVE_PROCEDURES
    question_text = factory.Faker("paragraph", nb_sentences=2, locale="vi_VN")
    answer = "<p>Ủy ban nhân dân xã Tân Cương trả lời như sau: …</p>"
    answered_by = "Công chức Văn phòng – Thống kê"


def site_tree():
    """A default site whose root is a published HomePage with the four sections under it.

    Returns a dict of the pages: home, news_index, document_index, qa_index.
    """
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, locale=Locale.get_default())
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    pages = {
        "home": home,
        "news_index": NewsIndexPageFactory(parent=home),
        "document_index": DocumentIndexPageFactory(parent=home),
        "qa_index": QAIndexPageFactory(parent=home),
    }
    for page in pages.values():
        page.save_revision().publish()
    return pages
