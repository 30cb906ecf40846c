"""The portal's public address comes from configuration (issue 19): `manage.py set_site_address`."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.models import Site

pytestmark = pytest.mark.django_db


def run(*args):
    out = StringIO()
    call_command("set_site_address", *args, stdout=out)
    return out.getvalue()


def test_the_default_site_takes_the_configured_address(site_pages, settings, client):
    settings.WAGTAILADMIN_BASE_URL = "https://xatancuong.thainguyen.gov.vn"
    assert "changed" in run()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == (
        "xatancuong.thainguyen.gov.vn",
        443,
        "https://xatancuong.thainguyen.gov.vn",
    )
    # The sitemap a search engine reads now names the real address.
    section = client.get("/sitemap-pages.xml", {"p": 1}, HTTP_HOST="xatancuong.thainguyen.gov.vn")
    assert "https://xatancuong.thainguyen.gov.vn/tin-tuc/" in section.content.decode()
    # At the next release nothing changes.
    assert "unchanged" in run()


def test_an_address_given_on_the_command_line_with_a_port(site_pages):
    run("http://192.168.1.20:8080/")
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == "http://192.168.1.20:8080"


@pytest.mark.parametrize("url", ["xatancuong.gov.vn", "ftp://xatancuong.gov.vn", "https://xatancuong.gov.vn:8443"])
def test_an_address_that_cannot_be_a_site_is_refused_in_vietnamese(site_pages, url):
    before = Site.objects.get(is_default_site=True).root_url
    with translation.override("vi"), pytest.raises(CommandError, match="^Địa chỉ"):
        run(url)
    assert Site.objects.get(is_default_site=True).root_url == before
