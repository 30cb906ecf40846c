"""Rows built once and shared by several tests, for data that takes seconds to build (the demo).

Django's TestCase.setUpTestData, for pytest: a module-scoped fixture opens a transaction, builds
the rows in it and yields; each test (pytest-django's `db`) then runs in a savepoint inside that
transaction, so what a test changes is still rolled back after it, and the next test finds the
rows as they were built. When the fixture ends, the transaction is rolled back too and the
database is again as the migrations left it.

Not for transactional tests (`transaction=True`, live_server): they commit, and would end this
transaction.
"""

from contextlib import contextmanager

from django.db import transaction


@contextmanager
def built_once(django_db_blocker, build):
    """Run `build()` in a transaction kept open for the block; yields what `build` returned."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            built = build()
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
    try:
        yield built
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
