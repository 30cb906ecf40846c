"""Create the board's groups of DESIGN §2 with their Wagtail permissions."""

from django.conf import settings
from django.db import migrations

# The group names of DESIGN §2 as they were when this migration was written (frozen history;
# accounts.policy holds the live constants).
GROUP_HEAD = "Trưởng Ban biên tập"
GROUP_MEMBER = "Thành viên Ban biên tập"
GROUP_CONTRIBUTOR = "Cộng tác viên"
GROUP_OFFICIAL = "Cán bộ công chức"
GROUP_PARTY_COMMITTEE = "Thường trực Đảng ủy"

# The permission sets are frozen here: a later change of rights is a new migration.

ADMIN_ACCESS = "wagtailadmin.access_admin"
QUESTION_DESK = ["qa.view_question", "qa.change_question"]
WORKFLOW_EDITING = [
    "wagtailcore.add_workflow",
    "wagtailcore.change_workflow",
    "wagtailcore.add_task",
    "wagtailcore.change_task",
]
MEDIA_UPLOAD = ["add_image", "choose_image", "add_document", "choose_document"]
MEDIA_EDITING = MEDIA_UPLOAD + ["change_image", "change_document"]

GROUP_PERMISSIONS = {
    GROUP_HEAD: {
        "model": [ADMIN_ACCESS, *QUESTION_DESK, *WORKFLOW_EDITING],
        # The head is the only group that publishes (Điều 8: the head decides the process).
        "page": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
        "collection": MEDIA_EDITING + ["delete_image", "delete_document"],
    },
    GROUP_MEMBER: {
        "model": [ADMIN_ACCESS, *QUESTION_DESK],
        "page": ["add_page", "change_page", "lock_page"],
        "collection": MEDIA_EDITING,
    },
    GROUP_CONTRIBUTOR: {
        "model": [ADMIN_ACCESS],
        # add_page alone lets Wagtail's owner rule apply: a contributor edits only their own pages.
        "page": ["add_page"],
        "collection": MEDIA_UPLOAD,
    },
    GROUP_OFFICIAL: {
        # Officials draft answers to the questions assigned to them; the QA subtree grant is made
        # where the questions desk is built.
        "model": [ADMIN_ACCESS],
        "page": [],
        "collection": ["choose_image", "choose_document"],
    },
    GROUP_PARTY_COMMITTEE: {
        # Reads periodic reports only.
        "model": [ADMIN_ACCESS],
        "page": [],
        "collection": [],
    },
}

COLLECTION_PERMISSION_APPS = {"image": "wagtailimages", "document": "wagtaildocs"}


def collection_permission_label(codename):
    """'add_image' -> 'wagtailimages.add_image'."""
    return f"{COLLECTION_PERMISSION_APPS[codename.split('_', 1)[1]]}.{codename}"

PAGE_APP = "wagtailcore"


def get_permission(apps, label):
    """Fetch (or create, on a fresh database where post_migrate has not run yet) a permission."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = label.split(".")
    model = {
        "wagtailadmin.access_admin": "admin",
        "qa.view_question": "question",
        "qa.change_question": "question",
    }.get(label) or codename.split("_", 1)[1]
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {codename.replace('_', ' ')}"},
    )
    return permission


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    for name, rules in GROUP_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for label in rules["model"]:
            group.permissions.add(get_permission(apps, label))
        for codename in rules["page"]:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=get_permission(apps, f"{PAGE_APP}.{codename}")
            )
        for codename in rules["collection"]:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=get_permission(apps, collection_permission_label(codename)),
            )


def remove_groups(apps, schema_editor):
    """Remove only the groups this migration created (their permission rows cascade)."""
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=list(GROUP_PERMISSIONS)).delete()


class Migration(migrations.Migration):
    dependencies = [
        # The root page and root collection exist from Wagtail's initial data.
        ("wagtailcore", "0098_apitoken"),
        # access_admin is created here.
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        # The image and document permissions (add/change/choose) belong to these models.
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        # The questions desk permissions belong to qa.Question.
        ("qa", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
