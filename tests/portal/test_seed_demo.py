"""`seed_demo` builds the Tân Cương demo site, and running it again changes nothing."""

import html
import re
from contextlib import nullcontext
from io import StringIO
from types import SimpleNamespace

import pytest
import time_machine
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import Page, Site

from accounts.policy import GROUP_CONTRIBUTOR, GROUP_HEAD, GROUP_MEMBER, GROUP_OFFICIAL, GROUP_PARTY_COMMITTEE
from tests.database import built_once

pytestmark = pytest.mark.django_db


def row_counts():
    """Rows of every model of the project and of Wagtail's content tables."""
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label
        in {
            "accounts",
            "auth",
            "wagtailcore",
            "home",
            "news",
            "documents",
            "qa",
            "workflows",
            "wagtail_localize",
            "royalties",
        }
    }


def seed(tmp_path):
    out = StringIO()
    call_command("seed_demo", credentials_file=str(tmp_path / "accounts.txt"), stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo(request, django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo seeded once for all the tests of this module that ask for the same seeding.

    Seeding takes seconds. The parameter is when the demo was seeded: None for now, or a moment to
    travel to; FRESH gives no demo at all, for the tests that seed a fresh database themselves.
    pytest runs the tests asking for the same parameter one after the other, each in a savepoint
    of the transaction that holds the demo (tests/database.py): what a test changes is rolled back.
    Yields the folder of the credentials file and the day the seeding saw as today.
    """
    if request.param is FRESH:
        yield None
        return
    tmp_path = tmp_path_factory.mktemp("demo")

    def seed_at_moment():
        with time_machine.travel(request.param) if request.param else nullcontext():
            seed(tmp_path)
            return SimpleNamespace(tmp_path=tmp_path, today=timezone.localdate())

    with built_once(django_db_blocker, seed_at_moment) as seeded:
        yield seeded


FRESH = "fresh database"
on_a_fresh_database = pytest.mark.parametrize("demo", [FRESH], indirect=True)
seeded_now = pytest.mark.parametrize("demo", [None], ids=["seeded now"], indirect=True)
seeded_on_20_may_2026 = pytest.mark.parametrize("demo", ["2026-05-20 10:00Z"], indirect=True)


@on_a_fresh_database
def test_seed_demo_twice_gives_the_same_rows(demo, tmp_path):
    first_output = seed(tmp_path)
    after_first = row_counts()
    second_output = seed(tmp_path)
    assert row_counts() == after_first
    assert "(unchanged)" in second_output and "(unchanged)" not in first_output


@seeded_now
def test_one_demo_account_per_group_with_a_password_that_works(demo, client):
    lines = (demo.tmp_path / "accounts.txt").read_text().splitlines()
    credentials = {line.split("\t")[2]: line.split("\t")[:2] for line in lines}
    for group in (
        GROUP_HEAD,
        GROUP_MEMBER,
        GROUP_CONTRIBUTOR,
        GROUP_OFFICIAL,
        GROUP_PARTY_COMMITTEE,
    ):
        username, password = credentials[group]
        user = get_user_model().objects.get(username=username)
        assert list(user.groups.values_list("name", flat=True)) == [group]
        # django-axes needs the request in authenticate(): pass one as the login view would.
        assert client.login(request=RequestFactory().post("/admin/login/"), username=username, password=password)


@on_a_fresh_database
def test_demo_password_comes_from_the_environment(demo, tmp_path, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "mat-khau-tu-moi-truong-2026")
    seed(tmp_path)
    assert get_user_model().objects.get(username="truongban").check_password("mat-khau-tu-moi-truong-2026")


@seeded_now
def test_home_page_answers_in_vietnamese(demo, client):
    response = client.get("/")
    assert response.status_code == 200
    assert response["Content-Language"] == "vi"
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Tân Cương" in html
    assert "Trang thông tin điện tử xã Tân Cương" in html


@pytest.mark.parametrize("path", ["/gioi-thieu/", "/tin-tuc/", "/van-ban/", "/hoi-dap/", "/admin/login/"])
@seeded_now
def test_sections_of_the_demo_site_answer(demo, client, path):
    assert client.get(path).status_code == 200


@seeded_now
def test_english_locale_is_served_under_en(demo, client):
    response = client.get("/en/")
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Tan Cuong Commune e-Information Portal" in html


@seeded_on_20_may_2026
def test_demo_publications_fill_the_last_six_months_with_royalties(demo):
    import datetime

    import time_machine
    from django.utils import timezone

    from news.models import NewsPage
    from qa.models import QAPage
    from royalties.models import RoyaltyBudget, RoyaltyEntry
    from royalties.sheets import month_sheet
    from workflows import deadlines

    with time_machine.travel(datetime.datetime(2026, 5, 20, 10, tzinfo=datetime.UTC)):
        today = timezone.localdate()
    assert demo.today == today  # the module's demo was seeded at that moment
    entries = RoyaltyEntry.objects.select_related("author")
    months = {timezone.localdate(entry.published_at).strftime("%Y-%m") for entry in entries}
    assert months == {"2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05"}
    assert all(timezone.localdate(entry.published_at) < today for entry in entries)
    # Every kind a commune pays for, the contributor's photos among them.
    assert {entry.kind for entry in entries} == {"tin", "bai", "anh", "van-ban", "tra-loi", "dang-lai"}
    assert {entry.author.username for entry in entries if entry.kind == "anh"} == {"congtacvien"}
    # Last month's royalty sheet has content, and this year has a budget.
    assert month_sheet(2026, 4).entries
    assert RoyaltyBudget.objects.filter(year=2026).exists()
    # Pages, their revisions and their entries tell the same date, and deadlines were mostly met.
    article = NewsPage.objects.live().filter(genre="bai").first()
    assert article.first_published_at == article.latest_revision.created_at
    assert article.first_published_at == RoyaltyEntry.objects.get(page=article).published_at
    statuses = [item.status(today) for item in deadlines.all_items()]
    assert statuses.count("on_time") > 3 * statuses.count("late") > 0
    # An answer went out after its question came in, within the question's 15 working days.
    answers = QAPage.objects.live().filter(question__isnull=False).select_related("question")
    assert answers
    for answer in answers:
        question = answer.question
        assert question.received_at < answer.first_published_at == question.answered_at
        assert timezone.localdate(question.answered_at) <= question.due_date


@seeded_on_20_may_2026
def test_demo_documents_keep_their_true_legal_dates_and_issuers(demo):
    """The demo spreads publication dates, never the dates printed on a real document."""
    import datetime

    import time_machine
    from django.utils import timezone

    from documents.issuers import classify_issuer
    from documents.models import OfficialDocumentPage
    from news.models import NewsPage
    from workflows.deadlines import deadline_for

    with time_machine.travel(datetime.datetime(2026, 5, 20, 10, tzinfo=datetime.UTC)):
        assert demo.today == timezone.localdate()  # the module's demo was seeded at that moment
    founding = OfficialDocumentPage.objects.get(number="63/QĐ-UBND")
    # As the regulation says: "Quyết định số 63/QĐ-UBND ngày 27/5/2024 của Chủ tịch UBND xã".
    assert (founding.signed_date, founding.effective_date) == (datetime.date(2024, 5, 27), datetime.date(2024, 5, 27))
    assert founding.issuer == "ubnd-xa"
    assert founding.get_latest_revision().as_object().signed_date == datetime.date(2024, 5, 27)
    assert OfficialDocumentPage.objects.get(number="35/TB-BBT").signed_date == datetime.date(2024, 5, 27)
    # Every document's issuer agrees with the name printed on it.
    for document in OfficialDocumentPage.objects.all():
        assert document.issuer == classify_issuer(document.issuing_body), document.number
    # A province plan posted long after signing: published, and no deadline to miss.
    province = OfficialDocumentPage.objects.live().get(issuer="cap-tren")
    assert timezone.localdate(province.first_published_at) - province.signed_date > datetime.timedelta(days=30)
    assert deadline_for(province) is None
    # An "other" news item without event date was published, and has no deadline either.
    other = NewsPage.objects.live().get(category="khac", event_date__isnull=True)
    assert deadline_for(other) is None


@seeded_now
def test_demo_links_point_at_the_configured_address_not_localhost(demo, client):
    """The sitemap, the feed and e-mailed answer links use the Site's address (WAGTAILADMIN_BASE_URL)."""
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == "http://testserver"  # portal.settings.test's WAGTAILADMIN_BASE_URL
    section = client.get("/sitemap-pages.xml", {"p": 1}).content.decode()
    feed = client.get("/tin-tuc/rss/").content.decode()
    for text in (section, feed):
        assert "http://testserver/tin-tuc/" in text
        assert "http://localhost" not in text


@seeded_now
def test_every_public_page_of_the_demo_is_reached_by_following_links(demo, client):
    """A resident finds every page from the home page (menu, lists, parents), in both languages."""
    live_pages = {
        page.url
        for page in Page.objects.live().public().filter(depth__gt=1).specific()
        if page.url and not getattr(page, "confidential", False)
    }
    to_visit, seen = ["/", "/en/"], set()
    while to_visit and len(seen) < 500:
        address = to_visit.pop(0)
        if address in seen:
            continue
        seen.add(address)
        response = client.get(address)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        path = address.split("?")[0]
        for link in re.findall(r'href="([/?][^"#]*)"', response.content.decode()):
            link = html.unescape(path + link if link.startswith("?") else link)
            # Pages and their lists' pages (?page=2); not the admin, files, or search queries.
            if not link.startswith(("/admin/", "/static/", "/media/", "/tai-lieu/", "/tim-kiem/")):
                to_visit.append(link)
    reached = {address.split("?")[0] for address in seen}
    assert live_pages - reached == set()


@seeded_now
def test_english_pages_show_what_exists_in_english_with_the_communes_english_name(demo, client):
    html = client.get("/en/").content.decode()
    # No empty "No … yet" lists: the Vietnamese sections are pointed at instead.
    for empty in ("No news yet.", "No documents yet.", "No answered questions yet."):
        assert empty not in html
    assert '<a href="/tin-tuc/" hreflang="vi">Tin tức</a>' in html
    header, footer = html[: html.index("<main")], html[html.index("<footer") :]
    assert "People&#x27;s Committee of Tan Cuong Commune" in header
    assert "Nam Dong hamlet, Tan Cuong commune" in footer and "Head of the Editorial Board" in footer
    assert "Ủy ban nhân dân xã Tân Cương" not in header + footer
    # The Vietnamese pages keep the Vietnamese name and lists.
    vietnamese = client.get("/").content.decode()
    assert "Ủy ban nhân dân xã Tân Cương" in vietnamese and "Tin mới nhất" in vietnamese
