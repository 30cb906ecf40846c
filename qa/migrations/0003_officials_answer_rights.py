"""Let commune officials draft answers under every existing questions-and-answers section.

`add_page` on a QAIndexPage subtree: officials create answer pages there and edit the ones they
own (Wagtail's owner rule), never publish (DESIGN §2). Sections created later get the same grant
from `qa.services.grant_officials_answer_rights` (called by seed_demo and by draft_answer).
"""

from django.db import migrations

# The group names of DESIGN §2 as they were when this migration was written (frozen history;
# accounts.policy holds the live constants).
GROUP_OFFICIAL = "Cán bộ công chức"


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    QAIndexPage = apps.get_model("qa", "QAIndexPage")
    group = Group.objects.filter(name=GROUP_OFFICIAL).first()
    if group is None:
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="add_page", defaults={"name": "Can add page"}
    )
    for index in QAIndexPage.objects.all():
        GroupPagePermission.objects.get_or_create(group=group, page_id=index.pk, permission=permission)


def revoke(apps, schema_editor):
    """Remove only the officials' grants on Q&A sections."""
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    QAIndexPage = apps.get_model("qa", "QAIndexPage")
    GroupPagePermission.objects.filter(
        group__name=GROUP_OFFICIAL,
        permission__codename="add_page",
        page_id__in=QAIndexPage.objects.values_list("pk", flat=True),
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        # The outbox migration comes first only to keep qa's history linear.
        ("qa", "0002_outbox_email"),
        # The officials' group is created there.
        ("workflows", "0001_board_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
