"""A PostgreSQL text-search configuration that folds Vietnamese diacritics (`portal_unaccent`).

PostgreSQL ships no Vietnamese configuration, and `simple` / `english` keep diacritics, so
"tan cuong" would not find "Tân Cương". This one runs every word through `unaccent` (which maps
"Đ" to "D" as well) and then `simple` (lower case, no stemming). It is named in
WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"]. Nothing to do on SQLite.
"""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'portal_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION portal_unaccent (COPY = simple);
    END IF;
END
$$;
ALTER TEXT SEARCH CONFIGURATION portal_unaccent
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword,
                      numhword, hword_numpart, file
    WITH unaccent, simple;
"""

DROP = "DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_unaccent;"


def create_configuration(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_configuration(apps, schema_editor):
    # The unaccent extension stays: other objects (indexes, other apps) may use it.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        # Only ordering: the configuration stands alone, but the home app owns site-wide pieces.
        ("home", "0002_homepage_quick_links_portalsettings"),
    ]

    operations = [migrations.RunPython(create_configuration, drop_configuration)]
