"""Services that build the demo site of xã Tân Cương (used by `manage.py seed_demo`).

Every function is idempotent: it finds what exists by a stable key (slug, username) and only
creates what is missing, so running the seed twice changes nothing.
"""

import os
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Locale, Page, Site

from documents.models import DocumentIndexPage
from home.models import HomePage, StandardPage
from news.models import NewsIndexPage
from qa.models import QAIndexPage
from qa.services import grant_officials_answer_rights

SITE_NAME = "Trang thông tin điện tử xã Tân Cương"

DEMO_ACCOUNTS = [
    # username, first name, last name, job title, group
    ("truongban", "Sỹ", "Phạm Tiến", "Chủ tịch UBND xã, Trưởng Ban biên tập", settings.GROUP_HEAD),
    ("thanhvien", "Hà", "Nguyễn Thu", "Công chức Văn hoá – Xã hội", settings.GROUP_MEMBER),
    ("congtacvien", "Minh", "Trần Văn", "Cộng tác viên", settings.GROUP_CONTRIBUTOR),
    ("canbo", "Lan", "Hoàng Thị", "Công chức Địa chính – Xây dựng", settings.GROUP_OFFICIAL),
    ("thuongtrucdanguy", "Hùng", "Lê Quang", "Phó Bí thư Thường trực Đảng ủy", settings.GROUP_PARTY_COMMITTEE),
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
            user = User.objects.create_user(
                username=username,
                password=password,
                first_name=first_name,
                last_name=last_name,
                job_title=job_title,
                email=f"{username}@tancuong.example.vn",
            )
        user.groups.add(Group.objects.get(name=group_name))
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
    site.hostname, site.port, site.site_name, site.root_page = "localhost", 80, SITE_NAME, home
    site.save()
    return home


def seed_sections(home):
    """The sections of DESIGN §9's public URLs."""
    return {
        "gioi-thieu": ensure_child(
            home,
            StandardPage,
            "gioi-thieu",
            title="Giới thiệu",
            intro="Xã Tân Cương, thành phố Thái Nguyên — vùng chè đặc sản nổi tiếng cả nước.",
        ),
        "tin-tuc": ensure_child(home, NewsIndexPage, "tin-tuc", title="Tin tức"),
        "van-ban": ensure_child(home, DocumentIndexPage, "van-ban", title="Văn bản"),
        "hoi-dap": ensure_child(home, QAIndexPage, "hoi-dap", title="Hỏi đáp"),
    }


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
    # Officials draft answers to the questions assigned to them under /hoi-dap/ (DESIGN §2).
    grant_officials_answer_rights(sections["hoi-dap"])
    seed_english_home(home)
    return accounts
