"""PortalSettings moves from `home` to `portal` (issue 17): same table, same rows, same permissions.

Only Django's picture of the models changes (SeparateDatabaseAndState): the table keeps its name
`home_portalsettings`. The content type row moves to the new app label, so that the permissions
pointing at it (and granted to groups) keep working as `portal.change_portalsettings`.
home/migrations/0004 then forgets the model on home's side.
"""

import django.db.models.deletion
from django.db import migrations, models


def move_content_type(apps, schema_editor, source, target):
    ContentType = apps.get_model("contenttypes", "ContentType")
    rows = ContentType.objects.using(schema_editor.connection.alias)
    moving = rows.filter(app_label=source, model="portalsettings").first()
    if moving is None:
        return  # a fresh database: Django creates the content type after migrating
    # A row made for the target while the source still had the model (a partial migrate run with
    # this code) holds only the default permissions Django added with it: the moving row wins.
    rows.filter(app_label=target, model="portalsettings").delete()
    moving.app_label = target
    moving.save(update_fields=["app_label"])


def forwards(apps, schema_editor):
    move_content_type(apps, schema_editor, "home", "portal")


def backwards(apps, schema_editor):
    move_content_type(apps, schema_editor, "portal", "home")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("home", "0003_portal_unaccent_search_config"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="PortalSettings",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("agency_name", models.CharField(default="Ủy ban nhân dân xã Tân Cương", help_text="The agency that runs the portal, shown in the header and footer.", max_length=255, verbose_name="agency name")),
                        ("address", models.CharField(blank=True, help_text="The agency's postal address.", max_length=255, verbose_name="address")),
                        ("phone", models.CharField(blank=True, help_text="The agency's phone number.", max_length=50, verbose_name="phone")),
                        ("email", models.EmailField(blank=True, help_text="The agency's contact e-mail address.", max_length=254, verbose_name="e-mail")),
                        ("responsible_person", models.CharField(blank=True, help_text="The person responsible for the portal, with their position.", max_length=255, verbose_name="person responsible")),
                        ("licence", models.CharField(blank=True, help_text="Licence or establishing decision of the portal, if any.", max_length=255, verbose_name="licence")),
                        ("site", models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to="wagtailcore.site")),
                    ],
                    options={
                        "verbose_name": "portal settings",
                        "verbose_name_plural": "portal settings",
                        "db_table": "home_portalsettings",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
