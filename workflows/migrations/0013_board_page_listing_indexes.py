"""Indexes on Wagtail's page table for the board's lists at volume (issue 18).

The moderation overview lists the 50 pages published last (`last_published_at`, newest first)
and the 50 latest drafts (pages not live, by their latest revision); the "nothing published
today" alert asks whether any page was published on a day. Wagtail indexes neither column, so
each read scanned every page of the site (31,000 rows at the generated volume). The draft
index is partial: only pages not live, a few dozen where there are tens of thousands of pages.

The table is Wagtail's, so the indexes are plain SQL (the same on PostgreSQL and SQLite) and
dropped again when the migration is reversed.
"""

from django.db import migrations

LAST_PUBLISHED = "workflows_page_last_published_idx"
DRAFTS = "workflows_page_drafts_idx"


class Migration(migrations.Migration):
    dependencies = [
        ("workflows", "0011_alert_deliveries_into_outbox"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {LAST_PUBLISHED} ON wagtailcore_page (last_published_at)",
            f"DROP INDEX IF EXISTS {LAST_PUBLISHED}",
        ),
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {DRAFTS} ON wagtailcore_page (latest_revision_created_at) WHERE NOT live",
            f"DROP INDEX IF EXISTS {DRAFTS}",
        ),
    ]
