"""Text goes out gzipped to browsers that ask for it; what is compressed already goes as it is."""

import gzip

import pytest

from tests.factories import make_assessment
from tests.report_worker import run_report_worker
from tests.workshops.conftest import a_poll_later, join

pytestmark = pytest.mark.django_db


def test_a_page_is_gzipped_for_a_browser_that_accepts_it(client):
    response = client.get("/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response["Content-Encoding"] == "gzip"
    assert b"<html" in gzip.decompress(response.content)
    assert "Accept-Encoding" in response["Vary"]


def test_a_page_is_plain_for_a_client_that_does_not_accept_gzip(client):
    response = client.get("/")
    assert not response.has_header("Content-Encoding")


def test_a_pdf_report_is_not_gzipped_again(client):
    assessment = make_assessment(profile="casual", complete=True)
    client.get(f"/a/{assessment.token}/report/")  # asked for, then prepared by the worker
    run_report_worker()
    response = client.get(f"/a/{assessment.token}/report.pdf", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert not response.has_header("Content-Encoding")


@pytest.mark.parametrize("part", ["live/", "present/slides/"])
def test_the_gzipped_polled_views_still_answer_not_modified_to_their_own_tag(
    client, alice, workshop, part
):
    # Compression makes the tag weak (W/"..."); the browser sends it back as it got it.
    client.force_login(alice)
    url = f"/consultant/workshops/{workshop.pk}/{part}"
    first = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert first["ETag"].startswith('W/"')
    again = client.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    join(workshop, "phone-1")
    with a_poll_later():
        changed = client.get(url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
