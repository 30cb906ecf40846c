"""Who may read the periodic reports (DESIGN §2)."""

from workflows.views_deadlines import REPORT_GROUPS


def can_view_reports(user):
    """The head, the board members and the Party Committee's standing members (and superusers).

    Never a contributor or an official: the report names people and their royalties.
    """
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name__in=REPORT_GROUPS).exists()
