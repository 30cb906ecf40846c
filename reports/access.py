"""Who may read the periodic reports (DESIGN §2): the question is accounts.policy's."""

from accounts.policy import may_see_reports


def can_view_reports(user):
    """The head, the board members and the Party Committee's standing members (and superusers).

    Never a contributor or an official: the report names people and their royalties.
    """
    return may_see_reports(user)
