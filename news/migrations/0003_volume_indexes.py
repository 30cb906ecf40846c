"""Indexes for lists of thousands of pages (issue 18: costs flat from the demo to 20,000 news).

- `news_category_page_idx` (both engines): the news index filtered by category counts its
  articles from this index alone.
- On PostgreSQL, two indexes on Wagtail's page table, which every list of a section reads:
  `portal_page_tree_idx` covers "the live children of a section" (path prefix, depth, live) with
  the page id and publication time, so the paginators' counts and the news lists never read the
  table's rows; `portal_page_latest_revision_idx` serves the admin explorer's default order
  (latest revision first, `NULLS LAST` as Wagtail sorts). SQLite (the embedded default) keeps
  Wagtail's indexes: its `LIKE` on the path could not use them.

Created in the migration's transaction (a short lock on the page table: a few hundred ms at 30,000
pages). On a much larger live site, `CREATE INDEX CONCURRENTLY` would need a migration with
`atomic = False`.
"""

from django.db import migrations, models

PAGE_INDEXES = (
    "CREATE INDEX IF NOT EXISTS portal_page_tree_idx ON wagtailcore_page "
    "(path varchar_pattern_ops, depth, live) INCLUDE (id, first_published_at)",
    "CREATE INDEX IF NOT EXISTS portal_page_latest_revision_idx ON wagtailcore_page "
    "(latest_revision_created_at DESC NULLS LAST)",
)
DROP_PAGE_INDEXES = (
    "DROP INDEX IF EXISTS portal_page_tree_idx",
    "DROP INDEX IF EXISTS portal_page_latest_revision_idx",
)


def create_page_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in PAGE_INDEXES:
            schema_editor.execute(statement)


def drop_page_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in DROP_PAGE_INDEXES:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_newspage_genre"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="newspage",
            index=models.Index(fields=["category", "page_ptr"], name="news_category_page_idx"),
        ),
        migrations.RunPython(create_page_indexes, drop_page_indexes),
    ]
