"""The register's kinds of document and subject areas (choices of OfficialDocumentPage).

Their own module, like documents.issuers: the register's filters use them without the models.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class DocumentType(models.TextChoices):
    """Kinds of administrative document ("loại văn bản")."""

    DECISION = "quyet-dinh", _("Decision")
    PLAN = "ke-hoach", _("Plan")
    REPORT = "bao-cao", _("Report")
    NOTICE = "thong-bao", _("Notice")
    OFFICIAL_LETTER = "cong-van", _("Official letter")
    RESOLUTION = "nghi-quyet", _("Resolution")
    DIRECTIVE = "chi-thi", _("Directive")
    SUBMISSION = "to-trinh", _("Submission")
    GUIDANCE = "huong-dan", _("Guidance")
    REGULATION = "quy-che", _("Regulation")
    OTHER = "khac", _("Other")


class SubjectArea(models.TextChoices):
    """Fields of administration ("lĩnh vực") used to filter the register."""

    ADMINISTRATION = "hanh-chinh", pgettext_lazy("portal", "Administration")
    LAND = "dat-dai", _("Land and environment")
    CONSTRUCTION = "xay-dung", _("Construction and transport")
    ECONOMY = "kinh-te", _("Economy and agriculture")
    CULTURE = "van-hoa-xa-hoi", _("Culture and society")
    HEALTH_EDUCATION = "y-te-giao-duc", _("Health and education")
    SECURITY = "quoc-phong-an-ninh", _("Defence and security")
    FINANCE = "tai-chinh", _("Finance and budget")
    OTHER = "khac", _("Other")
