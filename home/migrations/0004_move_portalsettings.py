"""PortalSettings now belongs to `portal` (portal/migrations/0001): home forgets it, the table stays."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_portal_unaccent_search_config"),
        ("portal", "0001_portalsettings"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="PortalSettings")],
            database_operations=[],
        ),
    ]
