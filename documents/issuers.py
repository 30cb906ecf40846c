"""Who issued an official document, and how to tell it from the printed name of the issuing body.

Điều 8b sets a publication deadline only for documents "do Ủy ban nhân dân xã ban hành", so the
register needs the issuer as a structured value (`OfficialDocumentPage.issuer`), next to the
printed name (`issuing_body`). `classify_issuer` reads a printed name the way a clerk would; the
data migration `documents/0002` uses it on the register's existing documents.

This module imports no model: the migration may use it whatever the models look like later.
"""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.text import fold


class Issuer(models.TextChoices):
    """Who issued a document (DESIGN §3); only `UBND_XA` documents have a deadline (Điều 8b)."""

    UBND_XA = "ubnd-xa", _("Commune People's Committee")
    HDND_XA = "hdnd-xa", _("Commune People's Council")
    DANG_UY_XA = "dang-uy-xa", _("Commune Party Committee")
    BAN_BIEN_TAP = "ban-bien-tap", _("Editorial Board")
    CAP_TREN = "cap-tren", _("A higher level (district, city, province, ministry, government)")
    KHAC = "khac", _("Other")


# Bodies of the national level, named without a level word: "Bộ Tài chính", "Chính phủ", "Sở Nội vụ".
_NATIONAL = re.compile(
    r"^(bo|so)\b|\b(chinh phu|thu tuong|quoc hoi|chu tich nuoc|trung uong|tw|toa an|vien kiem sat)\b"
)
# Party committees above the commune: "Tỉnh ủy", "Huyện ủy", "Thành ủy", "Quận ủy".
_HIGHER_PARTY = re.compile(r"\b(tinh|huyen|thanh|quan|thi) uy\b")
_BODIES = (
    (Issuer.UBND_XA, re.compile(r"\b(ubnd|ub nd|uy ban nhan dan|uy ban)\b")),
    (Issuer.HDND_XA, re.compile(r"\b(hdnd|hd nd|hoi dong nhan dan)\b")),
    (Issuer.DANG_UY_XA, re.compile(r"\b(dang uy|dang bo)\b")),
)
# Administrative levels; "thị xã" is a town above the commune, so it is looked for before "xã".
_LEVEL = re.compile(r"\b(thi xa|thi tran|xa|phuong|tinh|huyen|thanh pho|tp|quan)\b")
_COMMUNE_LEVELS = {"xa", "phuong", "thi tran"}


def _normalised(text):
    """Folded (lower case, no diacritics), punctuation and NUL bytes as spaces, spaces collapsed.

    "TP." and "T.P" become "tp"; "UBND-xã" becomes "ubnd xa".
    """
    folded = fold(text).replace("t.p", "tp")
    return " ".join(re.sub(r"[^0-9a-z]+", " ", folded).split())


def classify_issuer(issuing_body):
    """The `Issuer` value for the printed name of an issuing body.

    "UBND xã Tân Cương", "Ủy ban nhân dân xã", "Chủ tịch UBND xã" → ubnd-xa; "HĐND xã" → hdnd-xa;
    "Đảng ủy xã" → dang-uy-xa; "Ban Biên tập" → ban-bien-tap; "UBND tỉnh/huyện/thành phố …",
    "Tỉnh ủy", Bộ, Sở, Chính phủ, Thủ tướng, Quốc hội → cap-tren; anything else (a commune mass
    organisation, the police, an empty name) → khac. The level is the first level word after the
    body: "UBND xã Tân Cương, thành phố Thái Nguyên" is the commune's. A People's Committee, Council
    or Party Committee named without a level is the portal's own commune's.
    """
    text = _normalised(issuing_body)
    if not text:
        return Issuer.KHAC.value
    if "ban bien tap" in text or re.search(r"\bbbt\b", text):
        return Issuer.BAN_BIEN_TAP.value
    if _NATIONAL.search(text) or _HIGHER_PARTY.search(text):
        return Issuer.CAP_TREN.value
    bodies = [(match.start(), issuer, match.end()) for issuer, pattern in _BODIES if (match := pattern.search(text))]
    if bodies:
        _start, issuer, end = min(bodies)
        level = _LEVEL.search(text, end)
        if level is None or level.group(1) in _COMMUNE_LEVELS:
            return issuer.value
        return Issuer.CAP_TREN.value
    level = _LEVEL.search(text)
    if level is not None and level.group(1) not in _COMMUNE_LEVELS:
        return Issuer.CAP_TREN.value
    return Issuer.KHAC.value
