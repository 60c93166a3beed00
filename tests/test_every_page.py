"""Rules that hold on every page: no two elements share an id (a screen reader reads a label or a
help text by its id), and only the public pages may be indexed by search engines."""

import pytest

from assessment.workshops import services
from tests.html import elements, ids
from tests.pages import PASSWORD, PUBLIC, fetch, private_pages

pytestmark = pytest.mark.django_db

NOINDEX = "noindex, nofollow"


@pytest.fixture
def alice(db):
    return services.consultancy_signup(
        email="alice@conseil.fr", password=PASSWORD, consultancy_name="Conseil A"
    )


def html_of(response) -> str:
    assert response.status_code == 200 or response.status_code == 400, response.status_code
    assert response["Content-Type"].startswith("text/html")
    return response.content.decode()


def duplicates(content: str) -> set[str]:
    found = ids(content)
    return {name for name in found if found.count(name) > 1}


def test_no_two_elements_share_an_id_on_any_page(client, alice):
    found = {}
    for path in PUBLIC:
        if repeated := duplicates(html_of(client.get(path))):
            found[path] = repeated
    for page in private_pages(alice):
        content = html_of(fetch(client, alice, page))
        if repeated := duplicates(content):
            found[f"{page.method.upper()} {page.path}"] = repeated
    assert found == {}


def test_the_duplicate_check_sees_a_repeated_id():
    assert duplicates('<p id="a_help"></p><div id="a_help"></div><i id="b"></i>') == {"a_help"}


def test_public_pages_may_be_indexed_and_describe_themselves(client):
    descriptions = {}
    for path in PUBLIC:
        response = client.get(path)
        content = response.content.decode()
        assert "X-Robots-Tag" not in response, path
        assert elements(content, "meta", name="robots") == [], path
        (description,) = elements(content, "meta", name="description")
        assert len(description["content"]) > 50, path
        descriptions[path] = description["content"]
        alternates = {a["hreflang"]: a["href"] for a in elements(content, "link", rel="alternate")}
        assert set(alternates) == {"fr", "en", "x-default"}, path
        assert alternates["x-default"] == alternates["fr"]
    # The English page describes itself in English, the French one in French.
    assert descriptions["/"].startswith("Évaluez")
    assert descriptions["/en/"].startswith("Assess")
    assert len(set(descriptions.values())) == len(PUBLIC)


def test_every_page_reached_by_a_link_a_code_or_an_account_says_noindex(client, alice):
    indexable = []
    for page in private_pages(alice):
        response = fetch(client, alice, page)
        content = response.content.decode()
        meta = elements(content, "meta", name="robots")
        if response.get("X-Robots-Tag") != NOINDEX or [m["content"] for m in meta] != [NOINDEX]:
            indexable.append(f"{page.method.upper()} {page.path}")
        assert elements(content, "meta", name="description") == [], page.path
    assert indexable == []


def test_downloads_of_a_private_link_say_noindex(client):
    from tests.factories import make_assessment

    done = make_assessment(profile="combative", complete=True)
    response = client.get(f"/a/{done.token}/answers.csv")
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == NOINDEX


def test_a_page_not_found_says_noindex(client):
    response = client.get("/a/unknown-token/step/1/")
    assert response.status_code == 404
    assert response["X-Robots-Tag"] == NOINDEX


def test_robots_txt_lets_crawlers_fetch_pages_to_read_their_noindex(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = [line for line in response.content.decode().splitlines() if not line.startswith("#")]
    assert lines == ["User-agent: *", "Disallow:"]


@pytest.mark.parametrize("path", ["/", "/en/", "/sources/", "/privacy/", "/robots.txt"])
def test_head_answers_like_get_without_a_body(client, path):
    response = client.head(path)
    assert response.status_code == 200
    assert response.content == b""


def test_a_post_to_the_home_page_is_still_refused(client):
    assert client.post("/").status_code == 405
