"""A consultancy's brand: logo upload checked and re-encoded, accent colour, where they show."""

import html
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader

from assessment.reports.pdf import LOGO_URL, StaticFilesOnly, report_html
from assessment.selectors import assessment_report
from assessment.workshops import brand, services
from assessment.workshops.models import Consultancy
from tests.profiles import PROFILES
from tests.report_worker import download_report

pytestmark = pytest.mark.django_db

SCRIPT_SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script></svg>"
)


def png(width=300, height=120, colour=(200, 30, 60)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def jpeg(width=120, height=60) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (20, 80, 160)).save(buffer, format="JPEG")
    return buffer.getvalue()


PNG_SAMPLE, JPEG_SAMPLE = png(64, 32), jpeg()


def upload(data: bytes, name="logo.png", content_type="image/png"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def post_brand(client, **fields):
    data = {"name": "Conseil A", "accent_colour": "#1f5fbf", **fields}
    return client.post("/consultant/brand/", data)


def text_of(response) -> str:
    return html.unescape(response.content.decode())


def test_a_png_logo_is_stored_re_encoded_and_served(client, alice):
    client.force_login(alice)
    response = post_brand(client, logo=upload(png()))
    assert response.status_code == 302
    consultancy = Consultancy.objects.get(members__user=alice)
    assert (consultancy.logo_width, consultancy.logo_height) == (300, 120)
    served = client.get(f"/brand/logo-{consultancy.logo_key}.png")
    assert served["Content-Type"] == "image/png"
    assert served["X-Content-Type-Options"] == "nosniff"
    assert Image.open(io.BytesIO(served.content)).size == (300, 120)


def test_a_jpeg_logo_is_accepted_and_stored_as_png(client, alice):
    buffer = io.BytesIO()
    Image.new("RGB", (200, 80), (10, 90, 40)).save(buffer, format="JPEG")
    client.force_login(alice)
    post_brand(client, logo=upload(buffer.getvalue(), "logo.jpg", "image/jpeg"))
    consultancy = Consultancy.objects.get(members__user=alice)
    assert bytes(consultancy.logo).startswith(b"\x89PNG")


def test_only_pixels_survive_what_was_hidden_in_the_file_is_dropped(client, alice):
    client.force_login(alice)
    post_brand(client, logo=upload(png() + b"<script>alert(1)</script>"))
    stored = bytes(Consultancy.objects.get(members__user=alice).logo)
    assert b"<script" not in stored and stored.startswith(b"\x89PNG")


def test_a_large_logo_is_scaled_down_for_storage(client, alice):
    client.force_login(alice)
    post_brand(client, logo=upload(png(3000, 1000)))
    consultancy = Consultancy.objects.get(members__user=alice)
    assert (consultancy.logo_width, consultancy.logo_height) == (800, 267)


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (SCRIPT_SVG, "logo.svg", "Les logos SVG ne sont pas acceptés"),
        (SCRIPT_SVG, "logo.png", "Les logos SVG ne sont pas acceptés"),  # renamed, same answer
        (b"\x7fELF\x02\x01\x01" + b"\0" * 5000, "logo.png", "n'est pas une image PNG ou JPEG"),
        (b"MZ\x90\x00" + b"\0" * 5000, "logo.jpg", "n'est pas une image PNG ou JPEG"),
        (png()[:60], "logo.png", "n'est pas une image PNG ou JPEG"),  # cut short
        (png(5000, 20), "logo.png", "la limite est de 4000"),
        (png(40, 8), "logo.png", "trop petit"),
    ],
)
def test_a_logo_that_is_not_a_sensible_image_is_refused_with_a_message(
    client, alice, data, name, message
):
    client.force_login(alice)
    response = post_brand(client, logo=upload(data, name))
    assert response.status_code == 400
    assert message in text_of(response)
    assert not Consultancy.objects.get(members__user=alice).logo_key


def test_a_png_without_image_data_is_refused_not_a_crash(client, alice):
    signature_and_header = png()[:33]  # signature + IHDR, then straight to the end chunk
    end = b"\x00\x00\x00\x00IEND\xaeB`\x82"
    client.force_login(alice)
    response = post_brand(client, logo=upload(signature_and_header + end))
    assert response.status_code == 400
    assert "n'est pas une image PNG ou JPEG" in text_of(response)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_no_mangled_image_crashes_the_logo_check(data):
    original = data.draw(st.sampled_from([PNG_SAMPLE, JPEG_SAMPLE]))
    mangled = bytearray(original)
    for _ in range(data.draw(st.integers(min_value=1, max_value=8))):
        position = data.draw(st.integers(min_value=0, max_value=len(mangled) - 1))
        mangled[position] = data.draw(st.integers(min_value=0, max_value=255))
    cut = data.draw(st.integers(min_value=1, max_value=len(mangled)))
    try:
        logo = brand.read_logo(bytes(mangled[:cut]))
    except brand.LogoRefused:
        return
    assert logo.png.startswith(b"\x89PNG")


def test_a_phone_photo_is_accepted_and_turned_upright(client, alice):
    photo = Image.new("RGB", (200, 100), (30, 120, 200))
    exif = photo.getexif()
    exif[0x0112] = 6  # "rotate 90° clockwise to display"
    buffer = io.BytesIO()
    photo.save(buffer, format="MPO", exif=exif)
    client.force_login(alice)
    assert post_brand(client, logo=upload(buffer.getvalue(), "photo.jpg")).status_code == 302
    consultancy = Consultancy.objects.get(members__user=alice)
    assert (consultancy.logo_width, consultancy.logo_height) == (100, 200)


def test_the_products_own_blue_is_no_brand_colour(client, alice):
    client.force_login(alice)
    post_brand(client, name="Conseil A", accent_colour="#1F5FBF")
    assert Consultancy.objects.get(members__user=alice).accent_colour == ""


def test_a_gif_is_refused_png_or_jpeg_only(client, alice):
    buffer = io.BytesIO()
    Image.new("RGB", (100, 100)).save(buffer, format="GIF")
    client.force_login(alice)
    response = post_brand(client, logo=upload(buffer.getvalue(), "logo.gif", "image/gif"))
    assert "n'est pas une image PNG ou JPEG" in text_of(response)


def test_a_20_mb_image_is_refused_on_its_size(client, alice):
    heavy = png() + b"\0" * (20 * 1024 * 1024)
    client.force_login(alice)
    response = post_brand(client, logo=upload(heavy))
    assert response.status_code == 400
    assert "Le logo pèse 20,0 Mo ; la limite est de 2 Mo." in text_of(response)


def test_a_refused_logo_keeps_the_previous_one(client, alice):
    client.force_login(alice)
    post_brand(client, logo=upload(png()))
    before = Consultancy.objects.get(members__user=alice).logo_key
    post_brand(client, logo=upload(SCRIPT_SVG, "logo.svg"))
    assert Consultancy.objects.get(members__user=alice).logo_key == before


def test_the_logo_can_be_removed(client, alice):
    client.force_login(alice)
    post_brand(client, logo=upload(png()))
    key = Consultancy.objects.get(members__user=alice).logo_key
    post_brand(client, remove_logo="on")
    assert not Consultancy.objects.get(members__user=alice).logo_key
    assert client.get(f"/brand/logo-{key}.png").status_code == 404


@pytest.mark.parametrize("colour", ["red", "#12345g", "#1234", "#1f5fbf;}body{x:y", "url(x)"])
def test_an_accent_that_is_not_a_colour_is_refused(client, alice, colour):
    client.force_login(alice)
    response = post_brand(client, accent_colour=colour)
    assert response.status_code == 400
    assert Consultancy.objects.get(members__user=alice).accent_colour == ""


def test_the_accent_colour_reaches_the_join_page_through_a_stylesheet(client, alice, workshop):
    client.force_login(alice)
    post_brand(client, accent_colour="#FF9800", logo=upload(png()))
    client.logout()
    page = text_of(client.get(f"/w/{workshop.code}/"))
    assert '<link rel="stylesheet" href="/brand/accent-ff9800.css?v=2">' in page
    assert "Un atelier animé par Conseil A" in page
    assert "/brand/logo-" in page
    css = client.get("/brand/accent-ff9800.css")
    assert css["Content-Type"] == "text/css"
    # Orange is light: dark text reads better on it than white.
    assert "--brand-accent: #ff9800; --brand-on-accent: #1d2733;" in css.content.decode()


def test_an_accent_stylesheet_exists_only_for_a_colour(client):
    assert client.get("/brand/accent-zzzzzz.css").status_code == 404
    assert client.get("/brand/accent-ff9800.css;x").status_code == 404


def wcag_contrast(first: str, second: str) -> float:
    """WCAG 2.2's contrast ratio, written out from the standard's definitions (relative
    luminance, then (L1 + 0.05) / (L2 + 0.05)), independently of the code under test."""

    def relative_luminance(colour: str) -> float:
        linear = []
        for start in (1, 3, 5):
            srgb = int(colour[start : start + 2], 16) / 255
            linear.append(srgb / 12.92 if srgb <= 0.04045 else ((srgb + 0.055) / 1.055) ** 2.4)
        red, green, blue = linear
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    l1, l2 = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (l1 + 0.05) / (l2 + 0.05)


@pytest.mark.parametrize(
    ("first", "second", "published"),
    [
        # Ratios published by WebAIM's contrast checker and the WCAG understanding documents.
        ("#000000", "#ffffff", 21.0),
        ("#ffffff", "#ffffff", 1.0),
        ("#767676", "#ffffff", 4.54),  # the lightest grey that passes AA on white
        ("#777777", "#ffffff", 4.48),  # one step lighter fails
        ("#0000ff", "#ffffff", 8.59),
        ("#ff0000", "#ffffff", 4.0),
    ],
)
def test_the_oracle_gives_the_published_wcag_ratios(first, second, published):
    assert wcag_contrast(first, second) == pytest.approx(published, abs=0.01)


@pytest.mark.parametrize(
    ("accent", "text"),
    [
        ("#000000", "#ffffff"),  # black: white text
        ("#ffffff", "#1d2733"),  # white: the dark text
        ("#ff9800", "#1d2733"),  # orange is light
        ("#1f5fbf", "#ffffff"),  # the product's blue is dark
    ],
)
def test_the_text_colour_is_the_one_that_reads_best(accent, text):
    assert brand.text_colour_on(accent) == text


@given(st.integers(min_value=0, max_value=0xFFFFFF))
def test_text_on_any_accent_reads_at_wcag_aa(value):
    accent = f"#{value:06x}"
    assert wcag_contrast(accent, brand.text_colour_on(accent)) >= 4.5


@given(st.integers(min_value=0, max_value=0xFFFFFF))
def test_the_accent_as_text_on_white_reads_at_wcag_aa(value):
    accent = f"#{value:06x}"
    assert wcag_contrast(brand.ink_on_white(accent), "#ffffff") >= 4.5


@pytest.mark.parametrize(
    ("accent", "ink"),
    [
        ("#0b7a5a", "#0b7a5a"),  # dark enough already: the colour itself
        ("#1f5fbf", "#1f5fbf"),
        ("#ffcc00", "#866a00"),  # a yellow, darkened in its own hue until it reads
    ],
)
def test_the_accent_keeps_its_hue_as_text(accent, ink):
    assert brand.ink_on_white(accent) == ink


def test_the_accent_stylesheet_gives_the_projector_its_ink(client):
    css = client.get("/brand/accent-ffcc00.css").content.decode()
    assert "--brand-accent: #ffcc00;" in css and "--brand-ink: #866a00;" in css


def test_the_join_page_tells_a_participant_what_is_stored_and_whose_it_is(client, workshop):
    page = text_of(client.get(f"/w/{workshop.code}/"))
    assert "Ce qui est conservé" in page and "Elles appartiennent à Maison Lefèvre" in page


def test_brand_settings_are_the_consultancys_own(client, alice, bob, charlie):
    client.force_login(bob)
    post_brand(client, name="Conseil A et associés")
    assert Consultancy.objects.get(members__user=alice).name == "Conseil A et associés"
    client.force_login(charlie)
    assert "Conseil A" not in text_of(client.get("/consultant/brand/"))
    post_brand(client, name="Pirate")
    assert Consultancy.objects.get(members__user=alice).name == "Conseil A et associés"
    assert Consultancy.objects.get(members__user=charlie).name == "Pirate"
    client.logout()
    assert client.get("/consultant/brand/")["Location"].startswith("/accounts/login/")
    assert client.post("/consultant/brand/", {"name": "x"})["Location"].startswith(
        "/accounts/login/"
    )


def test_a_name_with_a_control_character_is_refused(client, alice):
    client.force_login(alice)
    assert post_brand(client, name="Conseil\x07").status_code == 400


# Reports


def agreed(workshop):
    services.workshop_close(workshop=workshop)
    return services.workshop_record_consensus(
        workshop=workshop, answers=PROFILES["casual"](), dissent_notes={}, language="fr"
    )


def test_the_clients_report_is_prepared_by_the_consultancy_with_its_logo(client, alice, workshop):
    client.force_login(alice)
    post_brand(client, accent_colour="#0a7d4f", logo=upload(png()))
    assessment = agreed(workshop)
    page = report_html(assessment_report(assessment), "fr")
    assert "Préparé par Conseil A" in html.unescape(page)
    assert ".cover { background: #0a7d4f; color: #ffffff; }" in page
    response = download_report(client, f"/a/{assessment.token}/report.pdf")
    reader = PdfReader(io.BytesIO(response.content))
    assert "Préparé par Conseil A" in reader.pages[0].extract_text()
    assert reader.pages[0].images  # the logo, printed on the cover


def test_the_renderer_reads_the_logo_from_memory_and_nothing_else():
    fetcher = StaticFilesOnly(extra={LOGO_URL: png()})
    assert fetcher.fetch(LOGO_URL).read().startswith(b"\x89PNG")
    with pytest.raises(ValueError):
        fetcher.fetch("file:///report/brand/other.png")
    assert fetcher.refused == ["file:///report/brand/other.png"]


def test_a_self_serve_report_carries_no_consultancy(client):
    from tests.factories import make_assessment

    assessment = make_assessment(profile="casual", complete=True)
    assert "Préparé par" not in html.unescape(report_html(assessment_report(assessment), "fr"))


def test_changing_the_brand_changes_the_cached_report(alice, workshop):
    from assessment.selectors import report_cache_key

    assessment = agreed(workshop)
    before = report_cache_key(assessment, "fr")
    consultancy = Consultancy.objects.get(members__user=alice)
    services.consultancy_set_brand(consultancy=consultancy, name="Nouveau nom")
    assessment.refresh_from_db()
    assert report_cache_key(assessment, "fr") != before
