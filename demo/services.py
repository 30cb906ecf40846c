"""Services that build the demo site of xã Tân Cương (used by `manage.py seed_demo`).

Every function is idempotent: it finds what exists by a stable key (slug, username) and only
creates what is missing, so running the seed twice changes nothing.
"""

import io
import os
import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from accounts import policy
from assets.models import PortalDocument, PortalImage
from demo import content as demo_content
from demo.factories.accounts import UserFactory
from demo.factories.pages import QuestionFactory
from demo.timeline import seed_royalties_budget, spread_over_past_months
from documents.models import DocumentIndexPage, OfficialDocumentAttachment, OfficialDocumentPage
from home.models import HomePage, StandardPage
from news.models import NewsGenre, NewsIndexPage, NewsPage
from portal.models import PortalSettings
from portal.site_address import apply_site_address
from qa.models import QAIndexPage, QAPage, QuestionStatus
from qa.services import grant_officials_answer_rights

SITE_NAME = "Trang thông tin điện tử xã Tân Cương"

DEMO_ACCOUNTS = [
    # username, first name, last name, job title, group
    ("truongban", "Sỹ", "Phạm Tiến", "Chủ tịch UBND xã, Trưởng Ban biên tập", policy.GROUP_HEAD),
    ("thanhvien", "Hà", "Nguyễn Thu", "Công chức Văn hoá – Xã hội", policy.GROUP_MEMBER),
    # A contributor's job title is the group's own name.
    ("congtacvien", "Minh", "Trần Văn", policy.GROUP_CONTRIBUTOR, policy.GROUP_CONTRIBUTOR),
    ("canbo", "Lan", "Hoàng Thị", "Công chức Địa chính – Xây dựng", policy.GROUP_OFFICIAL),
    ("thuongtrucdanguy", "Hùng", "Lê Quang", "Phó Bí thư Thường trực Đảng ủy", policy.GROUP_PARTY_COMMITTEE),
]


@dataclass
class DemoAccount:
    username: str
    group: str
    password: str | None  # only when created in this run


def seed_accounts():
    """Create one demo account per board group; existing accounts keep their password."""
    User = get_user_model()
    shared_password = os.environ.get("DEMO_PASSWORD")
    accounts = []
    for username, first_name, last_name, job_title, group_name in DEMO_ACCOUNTS:
        user = User.objects.filter(username=username).first()
        password = None
        if user is None:
            # Never a default password: from the environment, or random and shown once.
            password = shared_password or secrets.token_urlsafe(12)
            user = UserFactory(
                username=username,
                password=password,
                first_name=first_name,
                last_name=last_name,
                job_title=job_title,
                email=f"{username}@tancuong.example.vn",
            )
        user.groups.add(policy.group(group_name))
        accounts.append(DemoAccount(username=username, group=group_name, password=password))
    return accounts


def ensure_child(parent, page_class, slug, **fields):
    """Return the live child of `parent` with this slug, creating and publishing it if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = page_class(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def seed_home():
    """Make a HomePage the root of the default site, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(depth=2, locale=Locale.get_default()).first()
    if home is None:
        # Wagtail's own placeholder ("Welcome to your new Wagtail site!") has the slug we want.
        for placeholder in root.get_children().filter(slug="home", content_type__model="page"):
            Site.objects.filter(root_page=placeholder).update(root_page=root)
            placeholder.delete()
        home = HomePage(
            title="Trang chủ",
            slug="home",
            seo_title=SITE_NAME,
            intro="<p>Chào mừng đến với Trang thông tin điện tử xã Tân Cương, thành phố Thái Nguyên.</p>",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.site_name, site.root_page = SITE_NAME, home
    # Links in the sitemap, the feed and e-mails use the address the portal is configured at (and
    # scripts/dev sets it to the dev server's).
    apply_site_address(site)
    site.save()
    return home


def seed_sections(home):
    """The sections of DESIGN §9's public URLs, and the introduction pages, all in the main menu."""
    sections = {}
    for slug, parent_slug, title, intro, paragraphs in demo_content.INTRO_PAGES:
        if slug == "lien-he":
            continue  # last in the menu, after the other sections
        parent = sections[parent_slug] if parent_slug else home
        sections[slug] = ensure_child(
            parent,
            StandardPage,
            slug,
            title=title,
            intro=intro,
            body=[("paragraph", f"<p>{text}</p>") for text in paragraphs],
            show_in_menus=parent is home,
        )
    sections["tin-tuc"] = ensure_child(
        home, NewsIndexPage, "tin-tuc", title="Tin tức", show_in_menus=True, intro="<p>Tin tức, sự kiện của xã.</p>"
    )
    sections["van-ban"] = ensure_child(
        home,
        DocumentIndexPage,
        "van-ban",
        title="Văn bản",
        show_in_menus=True,
        intro="<p>Văn bản chỉ đạo, điều hành của Ủy ban nhân dân xã. Tìm theo số ký hiệu hoặc trích yếu.</p>",
    )
    sections["hoi-dap"] = ensure_child(
        home,
        QAIndexPage,
        "hoi-dap",
        title="Hỏi đáp",
        show_in_menus=True,
        intro="<p>Câu hỏi của người dân và trả lời của Ủy ban nhân dân xã.</p>",
    )
    slug, _parent, title, intro, paragraphs = demo_content.INTRO_PAGES[-1]
    sections[slug] = ensure_child(
        home,
        StandardPage,
        slug,
        title=title,
        intro=intro,
        body=[("paragraph", f"<p>{text}</p>") for text in paragraphs],
        show_in_menus=True,
    )
    return sections


def seed_settings(site):
    """The footer contacts that Nghị định 42/2022/NĐ-CP requires, editable later in the admin."""
    settings_ = PortalSettings.for_site(site)
    if not settings_.address:
        settings_.agency_name = "Ủy ban nhân dân xã Tân Cương"
        settings_.address = "Xóm Nam Đồng, xã Tân Cương, thành phố Thái Nguyên, tỉnh Thái Nguyên"
        settings_.phone = "0208 3 123 456"
        settings_.email = "ubndtancuong@thainguyen.gov.vn"
        settings_.responsible_person = "Ông Phạm Tiến Sỹ, Chủ tịch UBND xã, Trưởng Ban biên tập"
        settings_.save()
    if not settings_.address_en:
        settings_.agency_name_en = "People's Committee of Tan Cuong Commune"
        settings_.address_en = "Nam Dong hamlet, Tan Cuong commune, Thai Nguyen city, Thai Nguyen province"
        settings_.responsible_person_en = (
            "Mr Pham Tien Sy, Chairman of the Commune People's Committee, Head of the Editorial Board"
        )
        settings_.save()
    return settings_


def demo_image(title, colour, uploaded_by=None):
    """A generated picture (tea-hill colours) for the demo articles; found again by its title.

    `uploaded_by` is paid the photo's royalty when an article first shows it (Điều 9).
    """
    image = PortalImage.objects.filter(title=title).first()
    if image is None:
        picture = Image.new("RGB", (1200, 750), (214, 234, 248))
        draw = ImageDraw.Draw(picture)
        for band, shade in enumerate((0, 30, 60)):
            top = 330 + band * 130
            draw.ellipse(
                (-300 + band * 250, top, 1100 + band * 250, top + 700), fill=tuple(max(c - shade, 0) for c in colour)
            )
        buffer = io.BytesIO()
        picture.save(buffer, format="JPEG", quality=80)
        image = PortalImage(title=title, credit="Ảnh: Ban biên tập xã Tân Cương", uploaded_by_user=uploaded_by)
        image.file = ImageFile(buffer, name=f"{title[:40]}.jpg")
        image.save()
    return image


def demo_pdf(title, text):
    """A one-page PDF standing in for a signed scan; found again by its title."""
    document = PortalDocument.objects.filter(title=title).first()
    if document is None:
        page = Image.new("RGB", (1240, 1754), "white")
        ImageDraw.Draw(page).text((120, 160), text, fill="black")
        buffer = io.BytesIO()
        page.save(buffer, format="PDF")
        document = PortalDocument(title=title)
        document.file = ContentFile(buffer.getvalue(), name=f"{text.split()[0].lower()}.pdf")
        document.save()
    return document


def seed_news(index, author, contributor):
    """Twelve articles across the categories of Điều 8, some with a picture, one taken from elsewhere.

    Every third one is an article ("bài") rather than a news item ("tin"), every fourth is the
    contributor's, and the pictures are the contributor's photos, so each royalty kind shows up.
    Returns the articles created in this run.
    """
    colours = [(96, 160, 80), (70, 140, 90), (120, 170, 70), (60, 120, 60)]
    created = []
    for position, (slug, title, category, event_date, tags, source, summary, paragraph) in enumerate(demo_content.NEWS):
        if index.get_children().filter(slug=slug).exists():
            continue
        article = NewsPage(
            slug=slug,
            title=title,
            category=category,
            event_date=event_date,
            summary=summary,
            body=[("paragraph", f"<p>{paragraph}</p>")],
            genre=NewsGenre.ARTICLE if position % 3 == 1 else NewsGenre.NEWS_ITEM,
            author=contributor if position % 4 == 1 else author,
            owner=contributor if position % 4 == 1 else author,
            source=source,
            is_republished=bool(source),
            main_image=demo_image(title, colours[position % 4], contributor) if position % 3 == 0 else None,
        )
        article.tags.add(*tags)
        index.add_child(instance=article)
        article.save_revision().publish()
        created.append(article)
    return created


def seed_documents(index, poster):
    """Eleven public documents (among them the regulation's own decision) and one confidential draft.

    `poster` is the board member who posts them. Returns the public documents created in this run.
    """
    created = []
    for slug, title, number, kind, area, signer, signed, effective, expiry, summary in demo_content.DOCUMENTS:
        if index.get_children().filter(slug=slug).exists():
            continue
        document = OfficialDocumentPage(
            slug=slug,
            title=title,
            number=number,
            document_type=kind,
            subject_area=area,
            signer=signer,
            signed_date=signed,
            effective_date=effective,
            expiry_date=expiry,
            summary=summary,
            issuing_body=demo_content.ISSUERS.get(number, demo_content.COMMUNE_COMMITTEE)[0],
            issuer=demo_content.ISSUERS.get(number, demo_content.COMMUNE_COMMITTEE)[1],
            owner=poster,
        )
        if number in ("63/QĐ-UBND", "01/QĐ-BBT"):
            document.attachments = [
                OfficialDocumentAttachment(
                    document=demo_pdf(f"{number} (bản scan)", f"{number.replace('Đ', 'D')} - Tan Cuong"),
                    title=f"{title} (bản ký)",
                )
            ]
        index.add_child(instance=document)
        document.save_revision().publish()
        created.append(document)
    slug, title, number, kind, area, signer, signed, effective, expiry, summary = demo_content.CONFIDENTIAL_DOCUMENT
    if not index.get_children().filter(slug=slug).exists():
        # A draft only: confidential documents are never published (Điều 5, 6).
        secret = OfficialDocumentPage(
            slug=slug,
            title=title,
            number=number,
            document_type=kind,
            subject_area=area,
            signer=signer,
            signed_date=signed,
            summary=summary,
            confidential=True,
            live=False,
        )
        index.add_child(instance=secret)
        secret.save_revision()
    return created


def seed_answers(index, official):
    """Five answered questions, without any personal data of the residents who asked.

    `official` wrote the answers. Returns the answers created in this run.
    """
    created = []
    for slug, title, topic, question, answer, answered_by in demo_content.ANSWERS:
        if index.get_children().filter(slug=slug).exists():
            continue
        page = QAPage(
            slug=slug,
            title=title,
            topic=topic,
            question_text=question,
            answer=answer,
            answered_by=answered_by,
            owner=official,
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        # The resident's question behind the answer, linked after publication so that seeding
        # sends nobody an e-mail; the demo timeline dates it before the answer.
        resident_question = QuestionFactory(
            name="Người dân (dữ liệu mẫu)",
            email="nguoidan@example.com",
            phone="",
            address="",
            topic=topic,
            title=title,
            body=question,
            consent_to_publish=True,
            status=QuestionStatus.ANSWERED,
            assignee=official,
            answered_at=page.first_published_at,
        )
        QAPage.objects.filter(pk=page.pk).update(question=resident_question)
        page.question_id = resident_question.pk
        created.append(page)
    return created


def seed_english_pages(sections, english):
    """English versions of the introduction, organisation and contact pages (Điều 7 khoản 2).

    They are wagtail-localize translations, so editors keep them in step with the Vietnamese
    pages in the admin's translation editor.
    """
    for slug in ("gioi-thieu", "co-cau-to-chuc", "lien-he"):
        page = sections[slug]
        if page.get_translation_or_none(english) is not None:
            continue
        source, _created = TranslationSource.get_or_create_from_instance(page)
        translation, _created = Translation.objects.get_or_create(source=source, target_locale=english)
        for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
            text = demo_content.ENGLISH.get(segment.string.data)
            if text:
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string, locale=english, context=segment.context, defaults={"data": text}
                )
        translation.save_target(publish=True)
    repair_child_counts(english)
    # wagtail-localize publishes the new translations on commit, from revisions taken while the
    # parent still had no translated child: repair the counts again after that.
    transaction.on_commit(lambda: repair_child_counts(english))


def repair_child_counts(locale):
    """Set treebeard's cached child count (numchild) of the locale's pages to the real one.

    Wagtail does not route to the children of a page whose numchild is 0.
    """
    for page in Page.objects.filter(locale=locale):
        count = Page.objects.filter(path__startswith=page.path, depth=page.depth + 1).count()
        if page.numchild != count:
            Page.objects.filter(pk=page.pk).update(numchild=count)


def seed_english_home(home):
    """The English locale of the site (/en/), as a translation of the Vietnamese home page."""
    english, _ = Locale.objects.get_or_create(language_code="en")
    translation = home.get_translation_or_none(english)
    if translation is None:
        translation = home.copy_for_translation(english)
        translation.title = "Home"
        translation.seo_title = "Tan Cuong Commune e-Information Portal"
        translation.intro = "<p>Welcome to the e-information portal of Tan Cuong commune, Thai Nguyen city.</p>"
        translation.save_revision().publish()
    return translation


@transaction.atomic
def seed_demo():
    """Build (or complete) the whole demo site; returns the accounts for the caller to print."""
    accounts = seed_accounts()
    home = seed_home()
    sections = seed_sections(home)
    seed_settings(Site.objects.get(root_page=home))
    people = get_user_model().objects.in_bulk(["thanhvien", "congtacvien", "canbo"], field_name="username")
    member, contributor, official = people["thanhvien"], people["congtacvien"], people["canbo"]
    published = seed_news(sections["tin-tuc"], member, contributor)
    published += seed_documents(sections["van-ban"], member)
    # Officials draft answers to the questions assigned to them under /hoi-dap/ (DESIGN §2).
    grant_officials_answer_rights(sections["hoi-dap"])
    published += seed_answers(sections["hoi-dap"], official)
    today = timezone.localdate(timezone=timezone.get_default_timezone())
    # Only what this run created is moved back in time, so a second run changes nothing.
    spread_over_past_months(published, today)
    seed_royalties_budget(today.year)
    english_home = seed_english_home(home)
    seed_english_pages(sections, english_home.locale)
    return accounts
