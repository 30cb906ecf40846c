"""An index for a Q&A index of thousands of answers (issue 18: costs flat from the demo to 6,600).

The Q&A index filtered by topic counts its answers for the paginator from this index and the
page table's section index (news migration 0003) alone, without reading the answers' rows. Both
engines.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("qa", "0007_outbox_moved"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="qapage",
            index=models.Index(fields=["topic", "page_ptr"], name="qa_topic_page_idx"),
        ),
    ]
