"""The project's own Vietnamese catalog is complete, compiled and not stale."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
from django.conf import settings

from tests.services import require_service

CATALOG = Path(settings.BASE_DIR) / "locale" / "vi" / "LC_MESSAGES" / "django.po"
COMPILED = CATALOG.with_suffix(".mo")


def test_every_message_has_a_vietnamese_translation():
    catalog = polib.pofile(str(CATALOG))
    untranslated = [entry.msgid for entry in catalog.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalog.fuzzy_entries()]
    assert untranslated == [] and fuzzy == []


def translations(catalog):
    """{(context, msgid): translation}, a plural entry's translation being all its forms."""
    return {
        (entry.msgctxt, entry.msgid): (
            tuple(sorted(entry.msgstr_plural.items())) if entry.msgid_plural else entry.msgstr
        )
        for entry in catalog
        if entry.msgid and (entry.msgstr or entry.msgstr_plural)
    }


def test_compiled_catalog_matches_the_source():
    source = translations(polib.pofile(str(CATALOG)))
    compiled = translations(polib.mofile(str(COMPILED)))
    assert compiled == source, "run: python manage.py compile_catalog"


# What makemessages reads: everything but local state, the tests and the catalogs themselves.
SOURCE_IGNORED = shutil.ignore_patterns(
    ".git", ".venv", "venv", "var", "media", "static_collected", "node_modules", "tests", "locale", "__pycache__"
)


def test_catalog_is_not_stale(tmp_path):
    require_service(shutil.which("xgettext"), "GNU gettext (xgettext) is not installed")
    # makemessages writes a file's messages into the catalog of the nearest `locale/` above it,
    # whatever LOCALE_PATHS says, so it runs on a copy of the sources with a copy of the catalog:
    # run in place, it rewrote the committed catalog and compared that with itself.
    source = tmp_path / "src"
    shutil.copytree(settings.BASE_DIR, source, ignore=SOURCE_IGNORED)
    work = source / "locale"
    shutil.copytree(CATALOG.parent.parent.parent, work)
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "vi",
            "--no-location",
            "--ignore=.venv",
            "--ignore=var",
            "--ignore=static_collected",
            "--ignore=tests",
        ],
        cwd=source,
        check=True,
        capture_output=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test", "PORTAL_LOCALE_DIR": str(work)},
    )
    fresh = {
        entry.msgid for entry in polib.pofile(str(work / "vi" / "LC_MESSAGES" / "django.po")) if not entry.obsolete
    }
    committed = {entry.msgid for entry in polib.pofile(str(CATALOG)) if not entry.obsolete}
    assert fresh == committed, "run: python manage.py makemessages -l vi, translate, compile_catalog"
