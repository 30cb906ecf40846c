"""The public address of the portal, from configuration (`WAGTAILADMIN_BASE_URL`).

Wagtail builds every absolute link to a page (the sitemap, the RSS feed, `og:url`, the answer
link e-mailed to a resident) from the `Site` record's host name and port, not from the request.
A Site left at "localhost:80" sends residents to http://localhost/. The address is configured
once, in the same variable that e-mails already use, and written into the default Site by
`seed_demo` and by `manage.py set_site_address` (run at each release, see the Procfile).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _

DEFAULT_PORTS = {"http": 80, "https": 443}


def site_address(url=None):
    """(host name, port) for a Site from a base URL such as "https://xatancuong.gov.vn"."""
    url = url or settings.WAGTAILADMIN_BASE_URL
    parts = urlsplit(url)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        raise ImproperlyConfigured(
            _("The portal's address must look like https://xatancuong.thainguyen.gov.vn, not %(url)r.") % {"url": url}
        )
    port = parts.port or DEFAULT_PORTS[parts.scheme]
    # Wagtail writes https only for port 443: another port with https cannot be expressed.
    if parts.scheme == "https" and port != 443:
        raise ImproperlyConfigured(_("An https address of the portal must use port 443."))
    return parts.hostname, port


def apply_site_address(site, url=None):
    """Set `site`'s host name and port from the configured address; whether anything changed."""
    hostname, port = site_address(url)
    if (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    return True
