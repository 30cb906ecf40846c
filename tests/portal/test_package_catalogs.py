"""Our Vietnamese catalogs of the Wagtail apps and add-ons (other than wagtail and wagtail.admin)
cover every message of the installed packages, keep their placeholders and are compiled."""

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from accounts.policy import GROUP_MEMBER
from demo.factories.accounts import UserFactory
from tests.helpers import log_in
from tests.services import require_service

OVERRIDES = Path(settings.BASE_DIR) / "locale" / "overrides"

# Override folder -> the package whose messages it translates. Each is checked against the package
# actually installed, so an upgrade that adds messages fails here until they are translated.
PACKAGES = {
    "wagtail.documents": "wagtail.documents",
    "wagtail.images": "wagtail.images",
    "wagtail.snippets": "wagtail.snippets",
    "wagtail.users": "wagtail.users",
    "wagtail.sites": "wagtail.sites",
    "wagtail.locales": "wagtail.locales",
    "wagtail.contrib.forms": "wagtail.contrib.forms",
    "wagtail.contrib.redirects": "wagtail.contrib.redirects",
    "wagtail.contrib.settings": "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions": "wagtail.contrib.search_promotions",
    "wagtail.contrib.simple_translation": "wagtail.contrib.simple_translation",
    "wagtail.contrib.table_block": "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block": "wagtail.contrib.typed_table_block",
    "wagtail.embeds": "wagtail.embeds",
    "wagtail.search": "wagtail.search",
    "wagtail_localize": "wagtail_localize",
    "wagtail_localize.locales": "wagtail_localize.locales",
    "django_otp": "django_otp",
    "axes": "axes",
}

# %(name)s, %s, %d, {name}, {} and HTML tags (with their attributes) must survive translation.
PLACEHOLDER = re.compile(r"%\([^)]+\)[-#0 +]?\d*(?:\.\d+)?[sdifr]|%[sdifr]|\{[^{}]*\}|</?[a-zA-Z][^<>]*>")


def package_dir(package):
    return Path(importlib.util.find_spec(package).origin).parent


def installed_catalogs():
    """(override folder, package, domain) for every catalog whose package is installed.

    django-otp and django-axes come with the security work; until they are in the requirements
    there is nothing installed to check their catalogs against.
    """
    found = []
    for folder, package in PACKAGES.items():
        if importlib.util.find_spec(package.split(".")[0]) is None:
            continue
        for po in sorted((OVERRIDES / folder / "vi" / "LC_MESSAGES").glob("*.po")):
            found.append(pytest.param(folder, package, po.stem, id=f"{folder}/{po.stem}"))
    return found


def english_catalog(package, domain, tmp_path):
    """The package's English catalog; extracted from its source when it ships none (otp, axes)."""
    shipped = package_dir(package) / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
    if shipped.exists():
        return polib.pofile(str(shipped))
    require_service(shutil.which("xgettext"), "GNU gettext (xgettext) is not installed")
    copy = tmp_path / package
    shutil.copytree(
        package_dir(package), copy, ignore=shutil.ignore_patterns("locale", "migrations", "test*", "__pycache__")
    )
    (copy / "locale").mkdir()
    # makemessages writes next to the copy's own locale/ folder (PORTAL_LOCALE_DIR keeps the
    # project's catalog out of reach).
    subprocess.run(
        [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), "makemessages", "-l", "en", "-d", domain],
        cwd=copy,
        check=True,
        capture_output=True,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "PORTAL_LOCALE_DIR": str(tmp_path / "scratch"),
        },
    )
    return polib.pofile(str(copy / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"))


def placeholders(text):
    return sorted(set(PLACEHOLDER.findall(text)))


@pytest.mark.parametrize(("folder", "package", "domain"), installed_catalogs())
def test_every_message_of_the_installed_package_is_translated(folder, package, domain, tmp_path):
    english = english_catalog(package, domain, tmp_path)
    ours = {
        (entry.msgctxt, entry.msgid): entry
        for entry in polib.pofile(str(OVERRIDES / folder / "vi" / "LC_MESSAGES" / f"{domain}.po"))
        if not entry.obsolete
    }
    problems = []
    for source in english:
        if source.obsolete or not source.msgid:
            continue
        entry = ours.get((source.msgctxt, source.msgid))
        if entry is None or not entry.translated():
            problems.append(f"untranslated: {source.msgid!r}")
            continue
        # Vietnamese has one plural form: msgstr[0] stands for every count, so it carries the
        # plural msgid's placeholders ("Delete 1 image" / "Delete %(counter)s images").
        expected = placeholders(source.msgid_plural or source.msgid)
        translated = entry.msgstr_plural.get(0, "") if source.msgid_plural else entry.msgstr
        if placeholders(translated) != expected:
            problems.append(f"placeholders differ: {source.msgid!r} -> {translated!r}")
    assert problems == []


@pytest.mark.parametrize(
    "po_path",
    [po for folder in PACKAGES for po in sorted((OVERRIDES / folder / "vi" / "LC_MESSAGES").glob("*.po"))],
    ids=lambda po: f"{po.parents[2].name}/{po.stem}",
)
def test_compiled_catalog_matches_the_source(po_path):
    source = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0) for e in polib.pofile(str(po_path)) if e.msgid}
    compiled = polib.mofile(str(po_path.with_suffix(".mo")))
    assert {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural.get(0) for e in compiled if e.msgid} == source, (
        "run: python manage.py compile_catalog"
    )


def test_lockout_and_two_factor_messages_read_in_vietnamese():
    with translation.override("vi"):
        assert translation.gettext("Account locked: too many login attempts. Please try again later.") == (
            "Tài khoản bị khoá tạm thời: đăng nhập sai quá nhiều lần. Hãy thử lại sau."
        )
        assert translation.gettext("Invalid token. Please make sure you have entered it correctly.") == (
            "Mã không hợp lệ. Hãy kiểm tra lại mã bạn đã nhập."
        )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url_name", "vietnamese", "english"),
    [
        ("wagtailimages:index", "Thêm ảnh", "Add an image"),
        ("wagtaildocs:index", "Thêm tệp", "Add a document"),
    ],
)
def test_media_libraries_speak_vietnamese_to_the_board(client, url_name, vietnamese, english):
    log_in(client, UserFactory(groups=[GROUP_MEMBER]))
    response = client.get(reverse(url_name), headers={"accept-language": "vi"})
    assert response.status_code == 200
    page = response.content.decode()
    assert vietnamese in page
    assert english not in page


@pytest.mark.django_db
def test_translation_editor_script_messages_are_vietnamese(client):
    log_in(client, UserFactory(groups=[GROUP_MEMBER]))
    response = client.get(reverse("wagtail_localize:javascript_catalog"), headers={"accept-language": "vi"})
    assert response.status_code == 200
    script = response.content.decode("utf-8")
    assert "T\\u1ea3i xu\\u1ed1ng t\\u1ec7p PO" in script or "Tải xuống tệp PO" in script
