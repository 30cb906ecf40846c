"""Who may do what: the one access policy of the portal (DESIGN §2, Điều 3, 4, 6, 11).

The five Django groups of DESIGN §2 are created by data migrations; their names are stable and
written here only (and, frozen, in those migrations). Every other module asks this one a
question — "may this person see the reports?" — instead of testing a group name itself.

Model permissions (what a group may add, change, publish) stay with Django and Wagtail; this
module answers what they do not: who enters the admin, who must use two-factor login, who sees
the board's screens and confidential titles, whom a question may be assigned to.

A user's group names are read once per user object (one query) and kept on it, so several
checks during one request cost one query.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

# The groups of DESIGN §2, exact names (other tools and the migrations rely on them).
GROUP_HEAD = "Trưởng Ban biên tập"
GROUP_MEMBER = "Thành viên Ban biên tập"
GROUP_CONTRIBUTOR = "Cộng tác viên"
GROUP_OFFICIAL = "Cán bộ công chức"
GROUP_PARTY_COMMITTEE = "Thường trực Đảng ủy"

# Every group of the board: the people who may enter the admin, and the only groups a head
# (not a superuser) may give.
PORTAL_BOARD_GROUPS = (GROUP_HEAD, GROUP_MEMBER, GROUP_CONTRIBUTOR, GROUP_OFFICIAL, GROUP_PARTY_COMMITTEE)
# The head and the members must use two-factor login (Điều 6); the others may turn it on.
PORTAL_TWO_FACTOR_REQUIRED_GROUPS = (GROUP_HEAD, GROUP_MEMBER)
# Who runs the board's work in the admin: every editorial screen, confidential titles.
EDITORIAL_GROUPS = (GROUP_HEAD, GROUP_MEMBER)
# Who reads the periodic reports (Điều 4): the board, and the Party Committee's standing members.
REPORT_READER_GROUPS = (GROUP_HEAD, GROUP_MEMBER, GROUP_PARTY_COMMITTEE)
# Who may be given a resident's question to answer (Điều 8đ, 11).
ANSWERER_GROUPS = (GROUP_OFFICIAL, GROUP_MEMBER, GROUP_HEAD)

_CACHE_ATTRIBUTE = "_portal_group_names"


def group_names(user):
    """The names of the user's groups: one query, then kept on the user object."""
    if not getattr(user, "is_authenticated", False) or user.pk is None:
        return frozenset()
    if not hasattr(user, _CACHE_ATTRIBUTE):
        setattr(user, _CACHE_ATTRIBUTE, frozenset(user.groups.values_list("name", flat=True)))
    return getattr(user, _CACHE_ATTRIBUTE)


def _in_any(user, groups):
    return bool(group_names(user) & set(groups))


# --- Questions about one person ---------------------------------------------------------------


def is_head(user):
    """Whether the user is a head of the board (the group, not a superuser)."""
    return GROUP_HEAD in group_names(user)


def is_official(user):
    """Whether the user is an active commune official (Cán bộ công chức, Điều 11)."""
    return user.is_active and GROUP_OFFICIAL in group_names(user)


def is_board_member(user):
    """The head or a member of the Editorial Board, or a superuser; active."""
    return user.is_active and (user.is_superuser or _in_any(user, EDITORIAL_GROUPS))


def may_enter_admin(user):
    """Whether the user may use the admin at all: one of the five groups, or a superuser."""
    return user.is_superuser or _in_any(user, PORTAL_BOARD_GROUPS)


def requires_two_factor(user):
    """Whether the user must use two-factor login: the head, the members and superusers."""
    return user.is_superuser or _in_any(user, PORTAL_TWO_FACTOR_REQUIRED_GROUPS)


def may_see_confidential_titles(user):
    """Whether the admin may show this person the titles of confidential documents (Điều 6)."""
    return is_board_member(user)


def may_use_wagtail_reports(user):
    """Whether this person may open Wagtail's built-in reports (site history, aging pages…)."""
    return is_board_member(user)


def may_see_moderation_overview(user):
    """The head and the members see what waits where in the approval chain."""
    return is_board_member(user)


def may_see_deadlines_panel(user):
    """Whether the dashboard shows the deadlines panel: the head and the members."""
    return is_board_member(user)


def may_see_reports(user):
    """The periodic and deadlines reports: the head, the members, the Party Committee (and superusers).

    Never a contributor or an official: the reports name people and their royalties.
    """
    if not (getattr(user, "is_authenticated", False) and user.is_active):
        return False
    return user.is_superuser or _in_any(user, REPORT_READER_GROUPS)


def may_manage_accounts(user):
    """The head keeps the board's accounts (Board accounts screen, "báo mất mật khẩu" of others)."""
    return is_head(user)


def may_change_live_media(user):
    """Whether `user` may replace or delete media that a live page uses: the head only (Điều 8)."""
    return user.is_active and (user.is_superuser or is_head(user))


def may_be_given_questions(user):
    """Whether a resident's question may be assigned to `user` to answer."""
    return user.is_active and _in_any(user, ANSWERER_GROUPS)


def has_only_board_groups(account):
    """Whether every group of ``account`` is one of the five (reads ``account.groups.all()``, prefetch-friendly)."""
    return {group.name for group in account.groups.all()} <= set(PORTAL_BOARD_GROUPS)


# --- Groups and people --------------------------------------------------------------------------


def group(name):
    """The group called ``name`` (one of the constants above)."""
    return Group.objects.get(name=name)


def board_groups():
    """The five groups of DESIGN §2, the only ones a non-superuser may give."""
    return Group.objects.filter(name__in=PORTAL_BOARD_GROUPS).order_by("name")


def groups_outside_board():
    """Groups that are none of the five (a superuser may have made some)."""
    return Group.objects.exclude(name__in=PORTAL_BOARD_GROUPS)


def _members_of(groups):
    """Users in any of ``groups``, each once (no join duplicates, no DISTINCT)."""
    User = get_user_model()
    memberships = User.groups.through.objects.filter(group__name__in=groups)
    return User.objects.filter(pk__in=memberships.values("user_id"))


def board_accounts():
    """Every account in one of the five groups, active or not."""
    return _members_of(PORTAL_BOARD_GROUPS)


def heads():
    """The active heads of the board (chain `.exclude(email="")` for e-mail recipients)."""
    return _members_of([GROUP_HEAD]).filter(is_active=True)


def heads_and_members():
    """The active head(s) and members of the board: who is told about deadlines and the chain."""
    return _members_of(EDITORIAL_GROUPS).filter(is_active=True)


def answerers():
    """Active officials and board members who may be given a resident's question to answer."""
    return _members_of(ANSWERER_GROUPS).filter(is_active=True).order_by("last_name", "first_name", "username")
