"""How much of each installed admin-facing catalog a Vietnamese editor sees in Vietnamese.

For every installed Wagtail app or add-on that ships a gettext catalog, the English messages come
from the package itself (its `locale/en/LC_MESSAGES/<domain>.po`, or, when it ships no English
catalog, extracted from its source with `makemessages`), so a Wagtail upgrade that adds messages
lowers the share until they are translated. A message counts as translated when it has a
non-fuzzy Vietnamese msgstr in our override (`locale/overrides/<app>/vi/...`) or in the
package's own `vi` catalog.

Run `scripts/translation_coverage` to print the table outside the test suite.
"""

import functools
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import django
import polib
from django.apps import apps
from django.conf import settings

OVERRIDES = Path(settings.BASE_DIR) / "locale" / "overrides"
PROJECT_CATALOG = Path(settings.BASE_DIR) / "locale" / "vi" / "LC_MESSAGES" / "django.po"
DOMAINS = ("django", "djangojs")
# Wagtail's apps (any name starting with "wagtail", wagtail_localize included), Django's own
# contrib apps (form errors, passwords), and the add-ons whose messages appear in the admin: tags in
# the page editor, report filters, the log-in and two-factor screens.
ADDON_PACKAGES = {"taggit", "django_filters", "django_otp", "two_factor", "axes"}
# Django itself is no app but its catalog reaches the admin: "5 phút trước", validation errors.
DJANGO_CORE = "django"
ADMIN_THRESHOLD = 98.0
PROJECT_THRESHOLD = 100.0


@dataclass(frozen=True)
class Catalog:
    """One (app, domain) catalog of an installed package."""

    app: str
    domain: str
    path: Path

    @property
    def name(self):
        return f"{self.app} ({self.domain})"

    @property
    def override(self):
        return OVERRIDES / self.app / "vi" / "LC_MESSAGES" / f"{self.domain}.po"

    @property
    def upstream(self):
        return self.path / "locale" / "vi" / "LC_MESSAGES" / f"{self.domain}.po"


@dataclass(frozen=True)
class Coverage:
    """The share of a catalog's English messages that have a Vietnamese translation."""

    name: str
    total: int
    translated: int
    missing: tuple
    threshold: float

    @property
    def percent(self):
        return 100.0 * self.translated / self.total if self.total else 100.0

    @property
    def ok(self):
        return self.percent >= self.threshold


def is_admin_facing(app_name):
    return app_name.startswith(("wagtail", "django.contrib.")) or app_name.split(".")[0] in ADDON_PACKAGES


def installed_catalogs():
    """Every (app, domain) catalog shipped by Django or an installed admin-facing app."""
    found = [Catalog(DJANGO_CORE, "django", Path(django.__file__).parent / "conf")]
    for config in apps.get_app_configs():
        if not is_admin_facing(config.name):
            continue
        locale_dir = Path(config.path) / "locale"
        for domain in DOMAINS:
            if any(locale_dir.glob(f"*/LC_MESSAGES/{domain}.[pm]o")):
                found.append(Catalog(config.name, domain, Path(config.path)))
    return found


def _keys(catalog, translated_only=False):
    return {
        (entry.msgctxt, entry.msgid)
        for entry in catalog
        if entry.msgid and not entry.obsolete and (not translated_only or entry.translated())
    }


def _load(path):
    if path.exists():
        return polib.pofile(str(path))
    if path.with_suffix(".mo").exists():
        return polib.mofile(str(path.with_suffix(".mo")))
    return []


@functools.cache
def english_messages(catalog):
    """The package's English msgids: its English catalog, else extracted from its source."""
    english = catalog.path / "locale" / "en" / "LC_MESSAGES" / f"{catalog.domain}.po"
    if english.exists():
        return frozenset(_keys(polib.pofile(str(english))))
    return frozenset(_extract(catalog))


def _extract(catalog):
    # The package ships no English catalog (django-otp, django-axes, django-filter): run
    # makemessages on a scratch copy of its source, the way its maintainers would.
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / catalog.path.name
        shutil.copytree(catalog.path, copy, ignore=shutil.ignore_patterns("__pycache__", "locale", "tests"))
        (copy / "locale").mkdir()
        env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
        subprocess.run(
            [sys.executable, "-m", "django", "makemessages", "-l", "en", "-d", catalog.domain, "--no-location"],
            cwd=copy,
            env=env,
            check=True,
            capture_output=True,
        )
        extracted = copy / "locale" / "en" / "LC_MESSAGES" / f"{catalog.domain}.po"
        return _keys(polib.pofile(str(extracted))) if extracted.exists() else set()


def needs_extraction(catalog):
    return not (catalog.path / "locale" / "en" / "LC_MESSAGES" / f"{catalog.domain}.po").exists()


def coverage(catalog):
    """Coverage of one installed catalog by our override and the package's own `vi` catalog."""
    english = english_messages(catalog)
    vietnamese = _keys(_load(catalog.override), translated_only=True) | _keys(
        _load(catalog.upstream), translated_only=True
    )
    missing = tuple(sorted(english - vietnamese, key=lambda key: (key[0] or "", key[1])))
    return Coverage(catalog.name, len(english), len(english) - len(missing), missing, ADMIN_THRESHOLD)


def project_coverage():
    """Coverage of the project's own catalog, which must be complete."""
    catalog = polib.pofile(str(PROJECT_CATALOG))
    english = _keys(catalog)
    translated = _keys(catalog, translated_only=True)
    missing = tuple(sorted(english - translated, key=lambda key: (key[0] or "", key[1])))
    return Coverage("portal (project, django)", len(english), len(translated), missing, PROJECT_THRESHOLD)


def format_table(rows):
    """A plain-text table: catalog, translated/total, share, threshold, verdict."""
    width = max(len(row.name) for row in rows)
    lines = [f"{'catalog':<{width}}  {'translated':>10}  {'share':>7}  {'needs':>5}", "-" * (width + 32)]
    for row in rows:
        verdict = "ok" if row.ok else "TOO LOW"
        lines.append(
            f"{row.name:<{width}}  {row.translated:>4}/{row.total:<5}  {row.percent:6.1f}%  "
            f"{row.threshold:4.0f}%  {verdict}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    django.setup()
    rows = [coverage(catalog) for catalog in installed_catalogs()] + [project_coverage()]
    print(format_table(rows))
    sys.exit(0 if all(row.ok for row in rows) else 1)
