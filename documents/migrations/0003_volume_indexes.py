"""Indexes for a register of thousands of documents (issue 18: costs flat from the demo to 5,000).

- `documents_signed_page_idx` (both engines): the register's order (most recently signed first),
  so a page of it is read from the index instead of sorting every document.
- On PostgreSQL, the text filter ("number or abstract", documents.filters) compares folded text
  (lower case, no diacritics): `documents_fold(text)` is that fold as an IMMUTABLE function
  (`unaccent` alone is only STABLE, which an index refuses; the dictionary is named with its
  schema so the function does not depend on the search path), and two trigram GIN indexes
  (`pg_trgm`) on the folded number and abstract let `LIKE '%…%'` find a few documents among
  thousands without reading them all. They also give the planner statistics on the folded text.
  `pg_trgm` and `unaccent` are trusted extensions: the database's owner may create them.
  SQLite (the embedded default) folds in Python and has no such index.

Created in the migration's transaction (a short lock on the document table); on a much larger
live site, `CREATE INDEX CONCURRENTLY` would need a migration with `atomic = False`.
"""

from django.db import migrations, models

FOLD_FUNCTION = """
CREATE OR REPLACE FUNCTION documents_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    AS $$ SELECT lower({schema}.unaccent('{schema}.unaccent'::regdictionary, $1)) $$
"""
TRIGRAM_INDEXES = (
    "CREATE INDEX IF NOT EXISTS documents_number_trgm_idx ON documents_officialdocumentpage "
    "USING gin (documents_fold(number) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS documents_summary_trgm_idx ON documents_officialdocumentpage "
    "USING gin (documents_fold(summary) gin_trgm_ops)",
)
DROP = (
    "DROP INDEX IF EXISTS documents_number_trgm_idx",
    "DROP INDEX IF EXISTS documents_summary_trgm_idx",
    "DROP FUNCTION IF EXISTS documents_fold(text)",
)


def create_text_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'unaccent'")
        (schema,) = cursor.fetchone()
    schema_editor.execute(FOLD_FUNCTION.format(schema=schema))
    for statement in TRIGRAM_INDEXES:
        schema_editor.execute(statement)


def drop_text_indexes(apps, schema_editor):
    # The extensions stay: other objects may use them.
    if schema_editor.connection.vendor == "postgresql":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0002_officialdocumentpage_issuer"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="officialdocumentpage",
            index=models.Index(fields=["-signed_date", "-page_ptr"], name="documents_signed_page_idx"),
        ),
        migrations.RunPython(create_text_indexes, drop_text_indexes),
    ]
