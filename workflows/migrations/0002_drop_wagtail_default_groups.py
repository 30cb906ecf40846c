"""Remove Wagtail's sample "Editors" and "Moderators" groups from a fresh database.

Wagtail's initial data gives "Moderators" publish rights on the whole tree; the regulation makes
the head of the board the only publisher (DESIGN §2), so these sample groups must not linger.
Only groups that nobody belongs to are removed, so an existing site's real groups are safe.
"""

from django.db import migrations

WAGTAIL_SAMPLE_GROUPS = ["Editors", "Moderators"]


def drop_unused_sample_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name__in=WAGTAIL_SAMPLE_GROUPS):
        if not group.user_set.exists():
            group.delete()


class Migration(migrations.Migration):
    dependencies = [
        # The board's own groups exist before the samples go.
        ("workflows", "0001_board_groups"),
        # The samples are created by Wagtail's initial data and given admin access here.
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
    ]

    # Nothing to restore on the way back: recreating Wagtail's samples would re-open publishing.
    operations = [migrations.RunPython(drop_unused_sample_groups, migrations.RunPython.noop)]
