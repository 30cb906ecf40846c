"""Royalty rights (DESIGN §2): the head edits rates, base amounts and budgets and adjusts entries;
members see them. Entries are never added or deleted by hand: publication creates them (Điều 9).
"""

from django.db import migrations

# The group names of DESIGN §2 as they were when this migration was written (frozen history;
# accounts.policy holds the live constants).
GROUP_HEAD = "Trưởng Ban biên tập"
GROUP_MEMBER = "Thành viên Ban biên tập"

HEAD_PERMISSIONS = {
    "royaltyrate": ["add", "change", "delete", "view"],
    "basesalary": ["add", "change", "delete", "view"],
    "royaltybudget": ["add", "change", "delete", "view"],
    "royaltyentry": ["change", "view"],
}
MEMBER_PERMISSIONS = {model: ["view"] for model in HEAD_PERMISSIONS}


def get_permission(apps, model, action):
    """Fetch (or create, on a fresh database where post_migrate has not run yet) a permission."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="royalties", model=model)
    codename = f"{action}_{model}"
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": f"Can {action} {model}"}
    )
    return permission


def permissions(apps, table):
    return [get_permission(apps, model, action) for model, actions in table.items() for action in actions]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, table in ((GROUP_HEAD, HEAD_PERMISSIONS), (GROUP_MEMBER, MEMBER_PERMISSIONS)):
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.add(*permissions(apps, table))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name, table in ((GROUP_HEAD, HEAD_PERMISSIONS), (GROUP_MEMBER, MEMBER_PERMISSIONS)):
        group = Group.objects.filter(name=name).first()
        if group:
            group.permissions.remove(*permissions(apps, table))


class Migration(migrations.Migration):
    dependencies = [
        # The groups come from 0001; 0007 is the last workflows migration.
        ("workflows", "0007_approval_workflow"),
        # The royalty models.
        ("royalties", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
