"""The indexes of issue 18's lists exist on both engines, and their migrations go back and forth.

news 0003, documents 0003 and qa 0008: the portable indexes everywhere; on PostgreSQL also the
page table's section and explorer indexes and the register's trigram indexes on the folded text
(`documents_fold`), which SQLite (the embedded default) does without.
"""

import textwrap

import pytest
from django.db import connection

from tests.services import run_migration_script

PORTABLE = {"news_category_page_idx", "documents_signed_page_idx", "qa_topic_page_idx"}
POSTGRESQL_ONLY = {
    "portal_page_tree_idx",
    "portal_page_latest_revision_idx",
    "documents_number_trgm_idx",
    "documents_summary_trgm_idx",
}


def index_names():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT indexname FROM pg_indexes")
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        return {row[0] for row in cursor.fetchall()}


@pytest.mark.django_db
def test_the_volume_indexes_exist_on_this_engine():
    names = index_names()
    assert PORTABLE <= names
    if connection.vendor == "postgresql":
        assert POSTGRESQL_ONLY <= names
        with connection.cursor() as cursor:
            # Immutable (an index accepts it) and the same fold as the filter's: no diacritics, lower case.
            cursor.execute(
                "SELECT documents_fold('Quyết Định 63/QĐ-UBND'), provolatile FROM pg_proc "
                "WHERE proname = 'documents_fold'"
            )
            assert cursor.fetchone() == ("quyet dinh 63/qd-ubnd", "i")
    else:
        assert not POSTGRESQL_ONLY & names


BACK_AND_FORTH = textwrap.dedent(
    """
    import django
    django.setup()
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    def indexes():
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
            return {row[0] for row in cursor.fetchall()}

    volume = {"news_category_page_idx", "documents_signed_page_idx", "qa_topic_page_idx"}
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert volume <= indexes()
    executor = MigrationExecutor(connection)
    executor.migrate([("news", "0002_newspage_genre"), ("documents", "0002_officialdocumentpage_issuer"),
                      ("qa", "0007_outbox_moved")])
    assert not volume & indexes()
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert volume <= indexes()
    print("MIGRATIONS OK")
    """
)


def test_the_volume_migrations_go_back_and_forth_on_a_fresh_sqlite_file(tmp_path):
    run_migration_script(BACK_AND_FORTH, tmp_path / "fresh.sqlite3")
