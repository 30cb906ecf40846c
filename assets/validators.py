"""Upload checks by content: a file must really be what its extension says.

Wagtail checks the extension of a document and the format of an image; a renamed HTML or SVG
file would still pass the extension check and, served inline from our domain, could run script
in a visitor's browser. Each allowed extension is matched here against the file's signature.
"""

import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"
# Office Open XML and OpenDocument files are zip archives with a known part inside.
ZIP_MEMBERS = {
    "docx": ("word/document.xml",),
    "xlsx": ("xl/workbook.xml",),
    "odt": ("mimetype",),
    "ods": ("mimetype",),
    "zip": (),
}
OPENDOCUMENT_TYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}
# Markup that browsers render as a page; never acceptable at the start of an upload.
MARKUP_PREFIXES = (b"<!doctype", b"<html", b"<head", b"<body", b"<script", b"<svg", b"<?xml", b"<iframe")


def looks_like_markup(head):
    """Whether the first bytes read as HTML, SVG or XML (ignoring a BOM and whitespace)."""
    text = head.lstrip(b"\xef\xbb\xbf").lstrip().lower()
    return text.startswith(MARKUP_PREFIXES)


def zip_contains(file, members, extension):
    """Whether the file is a readable zip archive holding the given members."""
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if not all(member in names for member in members):
                return False
            if extension in OPENDOCUMENT_TYPES:
                return archive.read("mimetype").strip() == OPENDOCUMENT_TYPES[extension]
            return True
    except (zipfile.BadZipFile, KeyError, OSError):
        return False


def content_matches_extension(file, extension):
    """Whether the file's bytes are of the type its extension claims."""
    file.seek(0)
    head = file.read(1024)
    file.seek(0)
    try:
        if looks_like_markup(head):
            return False
        if extension == "pdf":
            # The PDF header may follow a few junk bytes, but must come within the first 1024.
            return b"%PDF-" in head
        if extension in ("doc", "xls"):
            return head.startswith(OLE2_SIGNATURE)
        if extension in ZIP_MEMBERS:
            return head.startswith(ZIP_SIGNATURE) and zip_contains(file, ZIP_MEMBERS[extension], extension)
        return False
    finally:
        file.seek(0)


def validate_document_content(file):
    """Refuse a document whose content does not match its extension (e.g. HTML renamed .pdf)."""
    extension = file.name.rsplit(".", 1)[-1].lower() if "." in file.name else ""
    if not content_matches_extension(file, extension):
        raise ValidationError(
            _("The content of this file is not a valid .%(extension)s file. Upload the original document."),
            code="invalid_content",
            params={"extension": extension},
        )
