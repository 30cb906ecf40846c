"""Who issued each document, as a structured value: only the commune People's Committee's
documents have the 1-working-day deadline of Điều 8b.

The existing register is classified from the printed name (`issuing_body`) by
`documents.issuers.classify_issuer`, and so are the documents' saved revisions: a draft saved
before this migration and published after it keeps the issuer its own printed name says, rather
than the field's default.
"""

from django.db import migrations, models

from documents.issuers import classify_issuer


def classify_documents(apps, schema_editor):
    """Set `issuer` on every document and on every revision of a document from its printed name."""
    OfficialDocumentPage = apps.get_model("documents", "OfficialDocumentPage")
    for page in OfficialDocumentPage.objects.only("pk", "issuing_body").iterator():
        issuer = classify_issuer(page.issuing_body)
        OfficialDocumentPage.objects.filter(pk=page.pk).update(issuer=issuer)

    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(app_label="documents", model="officialdocumentpage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).only("pk", "content").iterator():
        content = revision.content or {}
        if "issuer" in content:
            continue
        content["issuer"] = classify_issuer(content.get("issuing_body", ""))
        Revision.objects.filter(pk=revision.pk).update(content=content)


def forget_revision_issuers(apps, schema_editor):
    """Backwards: the column goes away with the field; revisions lose the key they gained."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(app_label="documents", model="officialdocumentpage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).only("pk", "content").iterator():
        content = revision.content or {}
        if content.pop("issuer", None) is not None:
            Revision.objects.filter(pk=revision.pk).update(content=content)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("documents", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="officialdocumentpage",
            name="issuer",
            field=models.CharField(
                choices=[
                    ("ubnd-xa", "Commune People's Committee"),
                    ("hdnd-xa", "Commune People's Council"),
                    ("dang-uy-xa", "Commune Party Committee"),
                    ("ban-bien-tap", "Editorial Board"),
                    ("cap-tren", "A higher level (district, city, province, ministry, government)"),
                    ("khac", "Other"),
                ],
                db_index=True,
                default="ubnd-xa",
                help_text=(
                    "Who issued the document. Only documents of the commune People's Committee must be "
                    "published within 1 working day of signing (Điều 8b); the others have no deadline."
                ),
                max_length=20,
                verbose_name="issuer",
            ),
        ),
        migrations.AlterField(
            model_name="officialdocumentpage",
            name="signed_date",
            field=models.DateField(
                blank=True,
                help_text=(
                    "For a document of the commune People's Committee, the publication deadline "
                    "(1 working day) counts from this date."
                ),
                null=True,
                verbose_name="signing date",
            ),
        ),
        migrations.RunPython(classify_documents, forget_revision_issuers),
    ]
