"""The Wagtail admin and its add-ons reach a Vietnamese editor in Vietnamese (issue 9).

The coverage check runs against the installed packages: upgrading Wagtail with new messages
fails here until they are translated in `locale/overrides/`.
"""

import importlib.util
import re
import shutil

import polib
import pytest
from django.utils import translation

from tests.services import require_service
from tests.translation_coverage import (
    OVERRIDES,
    coverage,
    format_table,
    installed_catalogs,
    needs_extraction,
    project_coverage,
)

CATALOGS = installed_catalogs()
PLACEHOLDER = re.compile(r"%\(\w+\)[sdifr]|%[sdif]|\{\w*\}|</?[a-zA-Z][^>]*>")


def catalog_param(catalog):
    return pytest.param(catalog, id=catalog.name.replace(" ", ""))


def test_coverage_table_lists_every_installed_catalog(capsys):
    rows = [coverage(catalog) for catalog in CATALOGS] + [project_coverage()]
    with capsys.disabled():
        print("\nVietnamese coverage of the installed catalogs:\n" + format_table(rows))
    names = {row.name for row in rows}
    assert {"wagtail (django)", "wagtail.admin (django)", "wagtail.admin (djangojs)"} <= names
    assert {"wagtail.images (django)", "wagtail_localize (djangojs)"} <= names


@pytest.mark.parametrize("catalog", [catalog_param(catalog) for catalog in CATALOGS])
def test_admin_catalog_is_translated(catalog):
    if needs_extraction(catalog):
        require_service(shutil.which("xgettext"), "GNU gettext (xgettext) is not installed")
    result = coverage(catalog)
    assert result.total > 0, f"{catalog.name}: no English messages found"
    assert result.ok, (
        f"{catalog.name}: {result.percent:.1f}% translated, needs {result.threshold:.0f}%; "
        f"translate in {catalog.override.relative_to(OVERRIDES.parent.parent)}: {list(result.missing)[:20]}"
    )


def test_project_catalog_is_complete():
    result = project_coverage()
    assert result.ok, list(result.missing)


OVERRIDE_FILES = sorted(OVERRIDES.glob("*/vi/LC_MESSAGES/*.po"))


@pytest.mark.parametrize("po_path", OVERRIDE_FILES, ids=lambda path: f"{path.parts[-4]}/{path.name}")
def test_override_keeps_placeholders_and_is_compiled(po_path):
    catalog = polib.pofile(str(po_path))
    broken = []
    for entry in catalog.translated_entries():
        source = set(PLACEHOLDER.findall(entry.msgid)) | set(PLACEHOLDER.findall(entry.msgid_plural or ""))
        for text in [entry.msgstr] if not entry.msgid_plural else entry.msgstr_plural.values():
            # A dropped or misspelt placeholder raises KeyError/ValueError when Wagtail renders it.
            if set(PLACEHOLDER.findall(text)) != source:
                broken.append((entry.msgid, text))
    assert broken == []
    assert catalog.metadata.get("Plural-Forms", "").replace(" ", "") == "nplurals=1;plural=0;"
    compiled = {
        (e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in polib.mofile(str(po_path.with_suffix(".mo")))
    }
    source = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in catalog.translated_entries()}
    assert {key: compiled.get(key) for key in source} == source, "run: python manage.py compile_catalog"


def test_every_override_folder_names_an_installed_package():
    # A misspelt folder would be read by nobody: Django looks messages up by msgid, so a folder
    # only helps when named after a package that is really installed (enabled or not).
    folders = {path.name for path in OVERRIDES.iterdir() if path.is_dir()}
    assert {name for name in folders if importlib.util.find_spec(name) is None} == set()


def test_override_wins_over_the_packages_own_vietnamese():
    # Upstream's vi catalog says "Phê chuẩn" and "Thu hồi xuất bản"; the glossary's words win.
    with translation.override("vi"):
        assert translation.gettext("Approve") == "Phê duyệt"
        assert translation.gettext("Unpublish") == "Gỡ xuất bản"
        assert translation.gettext("Save draft") == "Lưu bản nháp"
        assert translation.gettext("Submit for moderation") == "Gửi duyệt"


def test_admin_javascript_catalog_is_vietnamese(client):
    # Wagtail serves its JS strings through Django's JavaScriptCatalog, which also reads LOCALE_PATHS.
    with translation.override("vi"):
        response = client.get("/admin/jsi18n/", HTTP_ACCEPT_LANGUAGE="vi")
    body = response.content.decode()
    assert response.status_code == 200
    assert '"Page explorer": "Tr\\u00ecnh duy\\u1ec7t trang"' in body or '"Page explorer": "Trình duyệt trang"' in body
