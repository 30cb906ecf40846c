"""Migrations apply from scratch on SQLite and PostgreSQL, and the models match them."""

import textwrap

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.services import require_service, run_migration_script


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


FRESH_FILE_SCRIPT = textwrap.dedent(
    """
    import django
    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor
    from portal.models import PortalSettings

    # From an empty file to the tree before issue 17, where PortalSettings belongs to home.
    home_before_the_move = ("home", "0003_portal_unaccent_search_config")
    executor = MigrationExecutor(connection)
    executor.migrate([home_before_the_move, ("portal", None)])
    old_apps = executor.loader.project_state([home_before_the_move]).apps
    site = old_apps.get_model("wagtailcore", "Site").objects.get(is_default_site=True)
    old_settings = old_apps.get_model("home", "PortalSettings").objects.create(
        site_id=site.pk, agency_name="Ủy ban nhân dân xã Phúc Xuân", phone="0208 3 844 111", licence="Số 12/GP"
    )
    # What post_migrate had made on a site of that time: the model's content type and permission.
    content_type = old_apps.get_model("contenttypes", "ContentType").objects.create(
        app_label="home", model="portalsettings"
    )
    permission = old_apps.get_model("auth", "Permission").objects.create(
        content_type_id=content_type.pk, codename="change_portalsettings", name="Can change portal settings"
    )
    editors = old_apps.get_model("auth", "Group").objects.create(name="Biên tập cài đặt (thử)")
    editors.permissions.add(permission)

    # Then every migration to the end.
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    executor = MigrationExecutor(connection)
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []
    assert Group.objects.filter(name="Trưởng Ban biên tập").exists()  # workflows 0001 ran

    moved = PortalSettings.objects.get(pk=old_settings.pk)
    assert (moved.site_id, moved.agency_name, moved.phone, moved.licence) == (
        site.pk, "Ủy ban nhân dân xã Phúc Xuân", "0208 3 844 111", "Số 12/GP"
    )
    assert ContentType.objects.get_for_model(PortalSettings).pk == content_type.pk
    assert not ContentType.objects.filter(app_label="home", model="portalsettings").exists()
    editor = get_user_model().objects.create(username="bientap")
    editor.groups.add(Group.objects.get(pk=editors.pk))
    assert editor.has_perm("portal.change_portalsettings")
    print("MIGRATIONS OK")
    """
)


def test_migrations_apply_on_a_fresh_sqlite_file_and_site_settings_keep_values_and_permissions(tmp_path):
    """Every migration applies to an empty file; on the way PortalSettings moves from home to
    portal (issue 17), keeping its values, its content type id and the permissions groups hold.

    In a file of its own rather than the test database: migrating the test database back and
    forth left content types that the next serialized-rollback test could not restore.
    """
    run_migration_script(FRESH_FILE_SCRIPT, tmp_path / "fresh.sqlite3", done="MIGRATIONS OK")
