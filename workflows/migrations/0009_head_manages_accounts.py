"""The head manages the board's accounts (Điều 3–4) without a superuser: add and change users.

What the head may do with those rights is narrowed in accounts.permissions (the five groups
only, never a superuser's account, never a deletion).
"""

from django.conf import settings
from django.db import migrations

# The group names of DESIGN §2 as they were when this migration was written (frozen history;
# accounts.policy holds the live constants).
GROUP_HEAD = "Trưởng Ban biên tập"

ACTIONS = ["add", "change"]


def get_permissions(apps):
    """Fetch (or create, on a fresh database where post_migrate has not run yet) the user rights."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    app_label, model = settings.AUTH_USER_MODEL.lower().split(".")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    return [
        Permission.objects.get_or_create(
            content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {model}"}
        )[0]
        for action in ACTIONS
    ]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    head = Group.objects.filter(name=GROUP_HEAD).first()
    if head:
        head.permissions.add(*get_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    head = Group.objects.filter(name=GROUP_HEAD).first()
    if head:
        head.permissions.remove(*get_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        # The head's group comes from 0001; 0008 is the last workflows migration.
        ("workflows", "0008_royalty_permissions"),
        # The user model whose add/change rights are granted.
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(grant, revoke)]
