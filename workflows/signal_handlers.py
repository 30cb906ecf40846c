"""Reactions of the workflows app to other apps' saves."""

from workflows.deadlines import ANSWER, due_date


def set_question_due_date(sender, instance, **kwargs):
    """Give a resident's question its answer deadline (15 working days, Điều 8đ) when it has none.

    Counted from the local date of receipt (Asia/Ho_Chi_Minh), so that a question sent at 23:30
    local time counts from that day, not from the UTC date.
    """
    if instance.due_date is None and instance.received_at is not None:
        instance.due_date = due_date(ANSWER, instance.received_at)
