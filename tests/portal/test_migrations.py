"""Migrations apply from scratch on SQLite and PostgreSQL, and the models match them."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from demo.factories.accounts import UserFactory
from portal.models import PortalSettings
from tests.services import require_service


@pytest.mark.django_db
def test_models_and_migrations_agree():
    # Exits non-zero (SystemExit) when a model change has no migration.
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.django_db
def test_every_migration_is_applied_to_the_test_database():
    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []


@pytest.mark.django_db
def test_suite_runs_on_postgresql_in_ci():
    require_service(connection.vendor == "postgresql", "DATABASE_URL does not point at PostgreSQL")
    # The test database was built by running every migration on PostgreSQL.
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM django_migrations")
        assert cursor.fetchone()[0] > 100


def test_migrations_apply_on_a_fresh_sqlite_file(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Applying workflows.0001_board_groups... OK" in result.stdout


HOME_BEFORE_THE_MOVE = ("home", "0003_portal_unaccent_search_config")
SETTINGS_BEFORE_THE_MOVE = [HOME_BEFORE_THE_MOVE, ("portal", None)]


@pytest.mark.django_db(transaction=True)
def test_site_settings_keep_their_values_and_permissions_when_they_move_to_portal():
    # Back to the tree before issue 17: PortalSettings belongs to home.
    executor = MigrationExecutor(connection)
    executor.migrate(SETTINGS_BEFORE_THE_MOVE)
    old_apps = executor.loader.project_state([HOME_BEFORE_THE_MOVE]).apps
    site = old_apps.get_model("wagtailcore", "Site").objects.get(is_default_site=True)
    old_settings = old_apps.get_model("home", "PortalSettings").objects.create(
        site_id=site.pk, agency_name="Ủy ban nhân dân xã Phúc Xuân", phone="0208 3 844 111", licence="Số 12/GP"
    )
    content_type = old_apps.get_model("contenttypes", "ContentType").objects.get(
        app_label="home", model="portalsettings"
    )
    permission = old_apps.get_model("auth", "Permission").objects.get(
        content_type_id=content_type.pk, codename="change_portalsettings"
    )
    editors = old_apps.get_model("auth", "Group").objects.create(name="Biên tập cài đặt (thử)")
    editors.permissions.add(permission)

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    ContentType.objects.clear_cache()
    moved = PortalSettings.objects.get(pk=old_settings.pk)
    assert (moved.site_id, moved.agency_name, moved.phone, moved.licence) == (
        site.pk,
        "Ủy ban nhân dân xã Phúc Xuân",
        "0208 3 844 111",
        "Số 12/GP",
    )
    assert ContentType.objects.get_for_model(PortalSettings).pk == content_type.pk
    assert not ContentType.objects.filter(app_label="home", model="portalsettings").exists()
    editor = UserFactory(groups=[Group.objects.get(pk=editors.pk).name])
    assert editor.has_perm("portal.change_portalsettings")
