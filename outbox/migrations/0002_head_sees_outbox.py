"""The head of the board sees the outbox in the admin and may send a waiting e-mail again.

View and "resend" rights on outgoing e-mails for "Trưởng Ban biên tập" (DESIGN §2); nobody else
gets them. The group's name is written out: migrations do not read the project's settings.
"""

from django.db import migrations

HEAD = "Trưởng Ban biên tập"
PERMISSIONS = {
    "view_email": "Can view outgoing e-mail",
    "resend_email": "Can send an outgoing e-mail again",
}


def get_permissions(apps):
    """Fetch (or create, on a fresh database where post_migrate has not run yet) the two rights."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="outbox", model="email")
    return [
        Permission.objects.get_or_create(content_type=content_type, codename=codename, defaults={"name": name})[0]
        for codename, name in PERMISSIONS.items()
    ]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    head = Group.objects.filter(name=HEAD).first()
    if head:
        head.permissions.add(*get_permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    head = Group.objects.filter(name=HEAD).first()
    if head:
        head.permissions.remove(*get_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("outbox", "0001_initial"),
        # The head's group comes from workflows 0001.
        ("workflows", "0001_board_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
