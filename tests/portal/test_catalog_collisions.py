"""Our catalog never overrides an installed package's message with another meaning (issue 19).

Django merges every Vietnamese catalog into one, ours first: our "Pages" (pagination, "Phân
trang") became the admin sidebar's "Pages", our "Name" ("Họ và tên") headed Wagtail's lists of
groups, our "Published" ("Xuất bản") the page history. Our generic words carry the context
"portal" (pgettext), so each package keeps its own.
"""

import importlib.util
from pathlib import Path

import polib
import pytest
from django.apps import apps
from django.conf import settings
from django.urls import reverse

from accounts.policy import GROUP_MEMBER
from demo.factories.accounts import UserFactory
from tests.helpers import log_in

OURS = Path(settings.BASE_DIR) / "locale" / "vi" / "LC_MESSAGES" / "django.po"
OVERRIDES = Path(settings.BASE_DIR) / "locale" / "overrides"


def package_translations():
    """{msgid: {translation: catalog}} of every installed package's Vietnamese catalog, without context."""
    django_dir = Path(importlib.util.find_spec("django").origin).parent
    catalogs = [django_dir / "conf" / "locale" / "vi" / "LC_MESSAGES" / "django.mo"]
    for config in apps.get_app_configs():
        catalogs.append(Path(config.path) / "locale" / "vi" / "LC_MESSAGES" / "django.mo")
    catalogs += sorted(OVERRIDES.glob("*/vi/LC_MESSAGES/django.po"))
    found = {}
    for path in catalogs:
        if not path.exists():
            continue
        catalog = polib.mofile(str(path)) if path.suffix == ".mo" else polib.pofile(str(path))
        for entry in catalog:
            if entry.msgstr and not entry.msgctxt:
                found.setdefault(entry.msgid, {})[entry.msgstr] = str(path)
    return found


def test_no_msgid_of_ours_without_context_means_something_else_in_a_package():
    theirs = package_translations()
    collisions = {
        entry.msgid: (entry.msgstr, sorted(theirs[entry.msgid]))
        for entry in polib.pofile(str(OURS))
        if not entry.msgctxt and entry.msgid in theirs and set(theirs[entry.msgid]) - {entry.msgstr}
    }
    assert collisions == {}, "give these a context: pgettext('portal', …) / {% translate … context 'portal' %}"


@pytest.mark.django_db
def test_the_admin_sidebar_says_trang_for_pages_not_phan_trang(client):
    log_in(client, UserFactory(groups=[GROUP_MEMBER]))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Phân trang" not in html
    assert '"label": "Trang"' in html or "&quot;label&quot;: &quot;Trang&quot;" in html
