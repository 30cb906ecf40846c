"""Let the head of the board edit the working-day calendar (DESIGN §2: "edits the calendar")."""

from django.db import migrations

# The group names of DESIGN §2 as they were when this migration was written (frozen history;
# accounts.policy holds the live constants).
GROUP_HEAD = "Trưởng Ban biên tập"

CALENDAR_PERMISSIONS = ["add_calendarexception", "change_calendarexception", "delete_calendarexception"]


def get_permission(apps, codename):
    """Fetch (or create, on a fresh database where post_migrate has not run yet) a permission."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="workflows", model="calendarexception")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": f"Can {codename.replace('_', ' ')}"}
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    head = Group.objects.filter(name=GROUP_HEAD).first()
    if head:
        head.permissions.add(*[get_permission(apps, codename) for codename in CALENDAR_PERMISSIONS])


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    head = Group.objects.filter(name=GROUP_HEAD).first()
    if head:
        head.permissions.remove(*[get_permission(apps, codename) for codename in CALENDAR_PERMISSIONS])


class Migration(migrations.Migration):
    dependencies = [
        # The head's group comes from 0001; the model's permissions from 0003.
        ("workflows", "0004_official_schedules_2024_2026"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
