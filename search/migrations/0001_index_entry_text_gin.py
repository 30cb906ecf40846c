"""A GIN index on the search index entries' `title || body` vector (PostgreSQL only; issue 18).

Wagtail's PostgreSQL search backend matches a query on `title || body` (the two vectors of an
index entry, concatenated): its GIN indexes on `title` and on `body` alone cannot serve that, so
every search read and concatenated the vectors of every entry (0.5–1 s over 31,000 pages). The
backend's own model notes that this index is expected ("An additional computed GIN index on
'title || body' is created in a SQL migration"); it is not created by Wagtail, so here it is.
ANALYZE gives the planner the statistics of the expression, so it can tell a rare word (read the
index) from a common one (walk the newest pages). Nothing to do on SQLite.
"""

from django.db import migrations

INDEX = "search_indexentry_title_body_gin"

CREATE = f"""
CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry USING gin ((title || body));
ANALYZE wagtailsearch_indexentry;
"""

DROP = f"DROP INDEX IF EXISTS {INDEX};"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
