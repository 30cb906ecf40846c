"""Screenshots of the Vietnamese admin in a real headless Chromium (run by scripts/admin_screenshots).

Builds a scratch demo database (seed_demo, then a contributor's article that the board member
has approved and that now waits for the head), serves it with runserver, and saves
docs/admin-screenshots/*.png as the head of the board sees them: the dashboard, the page editor,
the workflow approval screen and the site history report.
"""

import datetime
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import django

BASE_DIR = Path(__file__).resolve().parent.parent
OUTPUT = BASE_DIR / "docs" / "admin-screenshots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Debian's Chromium, never a browser that Playwright downloads (no internet here).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def prepare_article_in_review():
    """A contributor's article, approved by a board member, now waiting for the head."""
    from django.contrib.auth import get_user_model
    from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

    from accounts import policy
    from news.models import NewsIndexPage, NewsPage

    User = get_user_model()
    head = policy.heads().get(username="truongban")
    member = User.objects.get(username="thanhvien")
    contributor = User.objects.get(username="congtacvien")
    news_index = NewsIndexPage.objects.first()
    workflow = news_index.get_workflow()
    head_group = policy.group(policy.GROUP_HEAD)
    if workflow is None or not workflow.tasks.filter(groupapprovaltask__groups=head_group).exists():
        # Before the approval chain of issue 4 is merged only Wagtail's default workflow exists
        # (its moderators' group is gone): build DESIGN §4's chain for the news section.
        workflow = Workflow.objects.create(name="Quy trình phê duyệt tin bài")
        for order, (name, group) in enumerate(
            [
                ("Thành viên Ban biên tập thẩm định", policy.GROUP_MEMBER),
                ("Trưởng Ban biên tập phê duyệt", policy.GROUP_HEAD),
            ]
        ):
            task = GroupApprovalTask.objects.create(name=name)
            task.groups.set([policy.group(group)])
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
        WorkflowPage.objects.update_or_create(page=news_index, defaults={"workflow": workflow})
    article = NewsPage(
        title="Tân Cương tổ chức Ngày hội văn hoá trà năm 2025",
        slug="ngay-hoi-van-hoa-tra-2025",
        category="su-kien",
        event_date="2025-03-10",
        summary="Ngày hội giới thiệu các sản phẩm trà đặc sản của xã Tân Cương.",
        owner=contributor,
        live=False,
    )
    news_index.add_child(instance=article)
    article.save_revision(user=contributor)
    news_index.get_workflow().start(article, contributor)
    # Approve every step before the head's, as the members of that step would.
    for _ in range(5):
        task_state = article.current_workflow_task_state
        task = task_state.task.specific
        if task.groups.filter(pk=head_group.pk).exists():
            return article, head
        task.on_action(task_state, member, "approve")
        article.refresh_from_db()
    raise RuntimeError("The workflow has no step for the head of the board.")


def session_cookie(user):
    """Log the head in (as the test suite does) and choose Vietnamese in their account."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "vi"
    profile.save()

    # The admin asks for a second factor (accounts.middleware): the head gets a confirmed
    # authenticator and the session is marked verified by it, as after a correct code.
    device, _created = TOTPDevice.objects.get_or_create(user=user, name="screenshots", defaults={"confirmed": True})
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return session.session_key


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url):
    for _ in range(60):
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer")


def last_month():
    """The month before today's, as the royalty sheet's `month=` parameter: "2026-10"."""
    from django.utils import timezone

    first_of_month = timezone.localdate().replace(day=1)
    return (first_of_month - datetime.timedelta(days=1)).strftime("%Y-%m")


def take_screenshots(base_url, cookie, article):
    from playwright.sync_api import sync_playwright

    OUTPUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="vi-VN")
        context.add_cookies([{"name": "sessionid", "value": cookie, "url": base_url}])
        page = context.new_page()

        page.goto(f"{base_url}/admin/")
        page.wait_for_load_state("networkidle")
        page.screenshot(path=OUTPUT / "dashboard.png", full_page=True)

        page.goto(f"{base_url}/admin/pages/{article.id}/edit/")
        page.wait_for_load_state("networkidle")
        page.screenshot(path=OUTPUT / "page-editor.png")

        # The approval screen: the head opens "Phê duyệt kèm nhận xét" from the editor's footer.
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
        page.get_by_role("button", name="Phê duyệt kèm nhận xét").click()
        page.wait_for_selector(".modal-content form")
        page.wait_for_load_state("networkidle")
        page.screenshot(path=OUTPUT / "workflow-approval.png")

        page.goto(f"{base_url}/admin/reports/site-history/")
        page.wait_for_load_state("networkidle")
        page.screenshot(path=OUTPUT / "report-site-history.png", full_page=True)

        # Issue 7: last quarter's periodic report (the default period) and last month's royalty sheet.
        page.goto(f"{base_url}/admin/reports/dinh-ky/")
        page.wait_for_load_state("networkidle")
        page.screenshot(path=OUTPUT / "report-periodic.png", full_page=True)

        page.goto(f"{base_url}/admin/nhuan-but/bang-ke/?month={last_month()}")
        page.wait_for_load_state("networkidle")
        page.screenshot(path=OUTPUT / "royalty-sheet.png", full_page=True)
        browser.close()


def main():
    django.setup()
    article, head = prepare_article_in_review()
    cookie = session_cookie(head)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=BASE_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base_url = f"http://127.0.0.1:{port}"
        wait_until_up(f"{base_url}/admin/login/")
        take_screenshots(base_url, cookie, article)
    finally:
        server.terminate()
        server.wait(timeout=20)
    for path in sorted(OUTPUT.glob("*.png")):
        print(path.relative_to(BASE_DIR))


if __name__ == "__main__":
    sys.path.insert(0, str(BASE_DIR))
    main()
