"""The board's groups of DESIGN §2 exist on a fresh database with exactly their rights."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page

from accounts.policy import GROUP_CONTRIBUTOR, GROUP_HEAD, GROUP_MEMBER, GROUP_OFFICIAL, GROUP_PARTY_COMMITTEE
from demo.factories.accounts import UserFactory

pytestmark = pytest.mark.django_db


def group_rights(name):
    group = Group.objects.get(name=name)
    model = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
    page = {(gp.page.depth, gp.permission.codename) for gp in group.page_permissions.all()}
    collection = {(gc.collection.depth, gc.permission.codename) for gc in group.collection_permissions.all()}
    return model, page, collection


def root(*codenames):
    return {(1, codename) for codename in codenames}


EXPECTED = {
    GROUP_HEAD: (
        {
            "wagtailadmin.access_admin",
            "qa.view_question",
            "qa.change_question",
            "wagtailcore.add_workflow",
            "wagtailcore.change_workflow",
            "wagtailcore.add_task",
            "wagtailcore.change_task",
            # The head edits the working-day calendar (workflows 0005).
            "workflows.add_calendarexception",
            "workflows.change_calendarexception",
            "workflows.delete_calendarexception",
            # The head keeps the royalty tables and adjusts entries (workflows 0008).
            *{
                f"royalties.{action}_{model}"
                for model in ("royaltyrate", "basesalary", "royaltybudget")
                for action in ("add", "change", "delete", "view")
            },
            "royalties.change_royaltyentry",
            "royalties.view_royaltyentry",
            # The head manages the board's accounts, within accounts.permissions (workflows 0009).
            "accounts.add_user",
            "accounts.change_user",
            # The head sees the outbox and may send an e-mail again (outbox 0002).
            "outbox.view_email",
            "outbox.resend_email",
        },
        root("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
        root(
            "add_image",
            "choose_image",
            "change_image",
            "delete_image",
            "add_document",
            "choose_document",
            "change_document",
            "delete_document",
        ),
    ),
    GROUP_MEMBER: (
        {
            "wagtailadmin.access_admin",
            "qa.view_question",
            "qa.change_question",
            # Members see the royalty tables and entries (workflows 0008).
            *{f"royalties.view_{model}" for model in ("royaltyrate", "basesalary", "royaltybudget", "royaltyentry")},
        },
        root("add_page", "change_page", "lock_page"),
        root("add_image", "choose_image", "change_image", "add_document", "choose_document", "change_document"),
    ),
    GROUP_CONTRIBUTOR: (
        {"wagtailadmin.access_admin"},
        root("add_page"),
        root("add_image", "choose_image", "add_document", "choose_document"),
    ),
    GROUP_OFFICIAL: ({"wagtailadmin.access_admin"}, set(), root("choose_image", "choose_document")),
    GROUP_PARTY_COMMITTEE: ({"wagtailadmin.access_admin"}, set(), set()),
}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_group_has_exactly_its_rights(name):
    assert group_rights(name) == EXPECTED[name]


def test_group_names_are_the_stable_ones_of_the_design():
    names = set(Group.objects.values_list("name", flat=True))
    assert {
        "Trưởng Ban biên tập",
        "Thành viên Ban biên tập",
        "Cộng tác viên",
        "Cán bộ công chức",
        "Thường trực Đảng ủy",
    } <= names


def test_only_the_head_may_publish():
    publishers = Group.objects.filter(page_permissions__permission__codename="publish_page").distinct()
    assert list(publishers.values_list("name", flat=True)) == [GROUP_HEAD]


def test_contributor_cannot_publish_but_head_can():
    site_root = Page.get_first_root_node()
    contributor = UserFactory(groups=[GROUP_CONTRIBUTOR])
    head = UserFactory(groups=[GROUP_HEAD])
    assert not site_root.permissions_for_user(contributor).can_publish_subpage()
    assert site_root.permissions_for_user(contributor).can_add_subpage()
    assert site_root.permissions_for_user(head).can_publish_subpage()
