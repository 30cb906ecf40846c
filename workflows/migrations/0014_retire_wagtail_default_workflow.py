"""Retire Wagtail's "Moderators approval" workflow, which the board never uses.

Wagtail creates it with its initial data for the "Moderators" group; 0002 removed that group and
0007 gave the root page the board's own chain (DESIGN §4). Left active, it was still offered in
Settings → Workflows beside the real one, inviting an editor to assign a chain with nobody in it.
It is disabled (not deleted: Wagtail keeps workflows' history), with its task, only while no page
is assigned to it and nothing is in moderation in it.
"""

from django.db import migrations

DEFAULT_WORKFLOW_NAME = "Moderators approval"


def retire(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowState = apps.get_model("wagtailcore", "WorkflowState")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    Task = apps.get_model("wagtailcore", "Task")
    for workflow in Workflow.objects.filter(name=DEFAULT_WORKFLOW_NAME, active=True):
        in_use = (
            WorkflowPage.objects.filter(workflow=workflow).exists()
            or WorkflowState.objects.filter(workflow=workflow, status__in=["in_progress", "needs_changes"]).exists()
        )
        if in_use:
            continue
        workflow.active = False
        workflow.save(update_fields=["active"])
        task_ids = WorkflowTask.objects.filter(workflow=workflow).values_list("task_id", flat=True)
        used_elsewhere = WorkflowTask.objects.filter(task_id__in=task_ids, workflow__active=True).values_list(
            "task_id", flat=True
        )
        Task.objects.filter(id__in=task_ids).exclude(id__in=used_elsewhere).update(active=False)


def restore(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    Task = apps.get_model("wagtailcore", "Task")
    for workflow in Workflow.objects.filter(name=DEFAULT_WORKFLOW_NAME, active=False):
        workflow.active = True
        workflow.save(update_fields=["active"])
        Task.objects.filter(id__in=WorkflowTask.objects.filter(workflow=workflow).values("task_id")).update(active=True)


class Migration(migrations.Migration):
    dependencies = [
        ("workflows", "0013_board_page_listing_indexes"),
        # The board's chain holds the root page (Wagtail's default held it before).
        ("workflows", "0007_approval_workflow"),
    ]

    operations = [migrations.RunPython(retire, restore)]
