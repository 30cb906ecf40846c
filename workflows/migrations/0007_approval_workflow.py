"""Create the workflow "Quy trình phê duyệt tin bài" of DESIGN §4 and assign it to the site root."""

from django.db import migrations

# The group names of DESIGN §2 as they were when this migration was written (frozen history;
# accounts.policy holds the live constants).
GROUP_HEAD = "Trưởng Ban biên tập"
GROUP_MEMBER = "Thành viên Ban biên tập"

WORKFLOW_NAME = "Quy trình phê duyệt tin bài"
REVIEW_TASK_NAME = "Thành viên Ban biên tập thẩm định"
APPROVAL_TASK_NAME = "Trưởng Ban biên tập phê duyệt"

# (task model, task name, groups that act at that step), in the order of the chain.
STEPS = [
    # The head is also a member of the board (Điều 4), so a member's own text can still be
    # reviewed when the board has only one other member.
    ("boardreviewtask", REVIEW_TASK_NAME, [GROUP_MEMBER, GROUP_HEAD]),
    ("headapprovaltask", APPROVAL_TASK_NAME, [GROUP_HEAD]),
]


def create_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    for order, (model_name, task_name, group_names) in enumerate(STEPS):
        model = apps.get_model("workflows", model_name)
        # Historical models lack Task.__init__, which normally fills in the specific type.
        content_type, _ = ContentType.objects.get_or_create(app_label="workflows", model=model_name)
        task = model.objects.filter(name=task_name).first()
        if task is None:
            task = model.objects.create(name=task_name, active=True, content_type=content_type)
        task.groups.set(Group.objects.filter(name__in=group_names))
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": order})

    root_page = Page.objects.filter(depth=1).first()
    # Every page inherits the root's workflow; an existing assignment is replaced by ours.
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


def remove_workflow(apps, schema_editor):
    """Remove only the workflow and tasks created above (their states cascade)."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    for model_name, task_name, _ in STEPS:
        apps.get_model("workflows", model_name).objects.filter(name=task_name).delete()


class Migration(migrations.Migration):
    dependencies = [
        # The board's groups act at the two steps.
        ("workflows", "0001_board_groups"),
        # The task models of the chain.
        ("workflows", "0006_approval_tasks"),
        # Workflow, WorkflowTask and WorkflowPage with the root page from Wagtail's initial data.
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_workflow, remove_workflow)]
