"""Attributes the W3C validator refused on public pages (issue 19): machine-readable times, form ids.

The full validator run over every page type is a separate test; these catch the three errors it
found, where they are made, without Java.
"""

import re

import pytest
from django.utils import timezone

from demo.factories.pages import NewsPageFactory
from tests.content_helpers import publish

pytestmark = pytest.mark.django_db

# HTML's "valid global date and time string": seconds with at most three decimals, then an offset.
GLOBAL_DATE_AND_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})$")


def test_published_times_are_valid_machine_readable_dates(client, site_pages):
    article = NewsPageFactory(parent=site_pages["news_index"], title="Ngày hội văn hóa chè")
    publish(article)
    article.refresh_from_db()
    assert article.first_published_at.microsecond  # the value that used to leak into the page
    for url in ("/", "/tin-tuc/", article.url):
        html = client.get(url).content.decode()
        values = re.findall(r'<time datetime="([^"]*)"', html)
        assert values, url
        for value in values:
            assert GLOBAL_DATE_AND_TIME.match(value), (url, value)
    # Local time of Hanoi, as the visible date is.
    local = timezone.localtime(article.first_published_at)
    expected = f'<time datetime="{local:%Y-%m-%dT%H:%M:%S}+07:00">{local:%d/%m/%Y}</time>'
    assert expected in client.get(article.url).content.decode()


@pytest.mark.parametrize("data", [{}, {"email": "not an address", "name": ""}])
def test_every_description_of_the_question_form_points_at_an_element(client, site_pages, data):
    response = client.get("/hoi-dap/gui-cau-hoi/") if not data else client.post("/hoi-dap/gui-cau-hoi/", data)
    html = response.content.decode()
    ids = set(re.findall(r'\sid="([^"]+)"', html))
    described = re.findall(r'aria-describedby="([^"]+)"', html)
    assert described, "the e-mail field's help is announced with it"
    for value in described:
        for target in value.split():
            assert target in ids, target
    # A one-line address field cannot claim the multi-line "street-address" autofill.
    assert 'autocomplete="street-address"' not in html
