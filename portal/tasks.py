"""Project-wide Celery tasks."""

import socket

from celery import shared_task
from django.db import connection


@shared_task
def health_check(token):
    """Prove that a worker is consuming the broker and can reach the database.

    Returns the token it was given, the worker's host and the database vendor, so that an
    operator (or a test) can tell the answer came from a real worker and not from eager mode.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"token": token, "host": socket.gethostname(), "database": connection.vendor}
