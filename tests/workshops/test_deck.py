"""The workshop's charts as a PowerPoint deck, read back: one slide per chart, native charts with
the group's figures, the consultancy's colour, and no role shown below three people."""

import io
import re
from unittest import mock

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from assessment import throttling
from assessment.reports.chart_png import svg_size
from assessment.workshops import services
from tests.workshops.conftest import answer_everything, join

pytestmark = pytest.mark.django_db


def deck_of(client, workshop):
    response = client.get(f"/en/consultant/workshops/{workshop.pk}/deck.pptx")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.pptx"')
    return Presentation(io.BytesIO(response.content))


def titles(deck):
    return [
        next(shape.text_frame.text for shape in slide.shapes if shape.name == "Title")
        for slide in deck.slides
    ]


def charts(slide):
    return [shape.chart for shape in slide.shapes if shape.has_chart]


def test_the_deck_has_the_scores_the_gaps_and_one_slide_per_agenda_item(
    client, alice, questionnaire, workshop
):
    people = [("management", "ahead", "2_10k")] * 3 + [("sales", "late", "dont_know")] * 3
    for number, (role, tempo, budget) in enumerate(people):
        answer_everything(
            client,
            questionnaire,
            join(workshop, f"p{number}", role),
            tempo=tempo,
            external_budget=budget,
        )
    services.workshop_add_note(
        workshop=workshop, question_id="tempo", text="Benchmark two competitors", owner="Sales"
    )
    services.workshop_reveal(workshop=workshop)
    client.force_login(alice)
    deck = deck_of(client, workshop)
    tempo = questionnaire.question("tempo").label.in_language("en")
    budget = questionnaire.question("external_budget").label.in_language("en")
    assert titles(deck) == [
        "Workshop results",
        "The group's scores",
        "What the room does not know",
        tempo,
        "Notes and actions of the workshop",
    ]
    [scores] = charts(deck.slides[1])
    assert [series.name for series in scores.plots[0].series] == ["Lowest", "Median", "Highest"]
    assert list(scores.plots[0].categories)[:2] == ["Presence and activity", "Team"]
    [agenda] = charts(deck.slides[3])
    assert list(agenda.plots[0].categories) == ["Behind the times", "Ahead"]
    assert list(agenda.plots[0].series[0].values) == [3, 3]
    text = " ".join(
        shape.text_frame.text for shape in deck.slides[3].shapes if shape.has_text_frame
    )
    assert "Management (3): mostly “Ahead”" in text and "The roles split." in text
    assert "A role is shown on its own only when at least 3 of its members answered" in text
    gaps = " ".join(s.text_frame.text for s in deck.slides[2].shapes if s.has_text_frame)
    assert f"{budget} — 3 of 6 do not know; 3 know." in gaps
    notes = " ".join(s.text_frame.text for s in deck.slides[4].shapes if s.has_text_frame)
    assert "Action: Benchmark two competitors — Sales" in notes


def test_the_deck_never_shows_a_role_of_fewer_than_three(client, alice, questionnaire, workshop):
    for number, (role, tempo) in enumerate((("management", "ahead"), ("sales", "late"))):
        answer_everything(client, questionnaire, join(workshop, f"p{number}", role), tempo=tempo)
    services.workshop_reveal(workshop=workshop)
    client.force_login(alice)
    deck = deck_of(client, workshop)
    every_text = " ".join(
        shape.text_frame.text
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_text_frame
    )
    assert "Management (" not in every_text and "Sales (" not in every_text


def test_the_deck_is_in_the_consultancys_colour(client, alice, questionnaire, workshop):
    consultancy = alice.membership.consultancy
    consultancy.accent_colour = "#aa3300"
    consultancy.save()
    answer_everything(client, questionnaire, join(workshop, "p1"))
    services.workshop_reveal(workshop=workshop)
    client.force_login(alice)
    deck = deck_of(client, workshop)
    [scores] = charts(deck.slides[1])
    assert str(scores.plots[0].series[1].format.fill.fore_color.rgb) != "AA3300"
    assert str(scores.plots[0].series[0].format.fill.fore_color.rgb) == "AA3300"
    assert "Prepared by Conseil A" in " ".join(
        s.text_frame.text for s in deck.slides[0].shapes if s.has_text_frame
    )


def test_only_the_consultancy_downloads_the_deck(client, charlie, workshop):
    client.force_login(charlie)
    assert client.get(f"/consultant/workshops/{workshop.pk}/deck.pptx").status_code == 404


def test_a_deck_before_anyone_finished_says_so(client, alice, workshop):
    join(workshop, "p1")
    client.force_login(alice)
    deck = deck_of(client, workshop)
    assert "Nobody has finished the questionnaire yet." in " ".join(
        s.text_frame.text for s in deck.slides[1].shapes if s.has_text_frame
    )


def test_each_chart_downloads_as_svg(client, alice, questionnaire, workshop):
    for number, tempo in enumerate(("late", "late", "ahead")):
        answer_everything(client, questionnaire, join(workshop, f"p{number}"), tempo=tempo)
    services.workshop_reveal(workshop=workshop)
    client.force_login(alice)
    page = client.get(f"/en/consultant/workshops/{workshop.pk}/").content.decode()
    assert f"/consultant/workshops/{workshop.pk}/charts/agenda-1.svg" in page
    scores = client.get(f"/en/consultant/workshops/{workshop.pk}/charts/scores.svg")
    assert scores["Content-Type"] == "image/svg+xml"
    words = " ".join(re.sub(r"<[^>]+>", " ", scores.content.decode()).split())
    assert "Presence and activity (" in words
    agenda = client.get(f"/en/consultant/workshops/{workshop.pk}/charts/agenda-1.svg").content
    svg = agenda.decode()
    assert svg.startswith("<svg") and "Behind the times" in svg
    assert ">2</text>" in svg and ">1</text>" in svg  # the counts beside their bars


@pytest.mark.parametrize("kind", ["svg", "png"])
@pytest.mark.parametrize("name", ["agenda-9", "revote-1", "nothing", "agenda-0", "segment"])
def test_a_chart_the_workshop_does_not_have_is_a_404(client, alice, workshop, name, kind):
    services.workshop_reveal(workshop=workshop)
    client.force_login(alice)
    assert (
        client.get(f"/consultant/workshops/{workshop.pk}/charts/{name}.{kind}").status_code == 404
    )


def test_only_the_consultancy_gets_the_charts(client, charlie, workshop):
    client.force_login(charlie)
    assert client.get(f"/consultant/workshops/{workshop.pk}/charts/scores.svg").status_code == 404


def revealed_room(client, alice, questionnaire, workshop, people=3):
    """`people` phones answering as the combative portrait, the workshop revealed, and the
    consultant logged in: the group's place on the map rests on three of them."""
    for number in range(people):
        answer_everything(client, questionnaire, join(workshop, f"p{number}"), "combative")
    services.workshop_reveal(workshop=workshop)
    client.force_login(alice)


def picture_slides(deck):
    return [
        slide
        for slide in deck.slides
        if any(shape.shape_type == MSO_SHAPE_TYPE.PICTURE for shape in slide.shapes)
    ]


def test_the_deck_places_the_group_on_the_studys_map_with_the_studys_source(
    client, alice, questionnaire, workshop
):
    revealed_room(client, alice, questionnaire, workshop)
    deck = deck_of(client, workshop)
    assert titles(deck)[:3] == [
        "Workshop results",
        "The group's scores",
        "Where the group stands on the study's map",
    ]
    [where] = picture_slides(deck)
    [picture] = [s for s in where.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert picture.image.content_type == "image/png"
    assert Image.open(io.BytesIO(picture.image.blob)).size[0] > 800
    source = " ".join(s.text_frame.text for s in where.shapes if s.has_text_frame)
    assert "Bpifrance Le Lab, surveyed in 2018" in source and "French SMEs and mid-caps" in source
    svg = client.get(f"/en/consultant/workshops/{workshop.pk}/charts/segment.svg").content.decode()
    words = " ".join(re.sub(r"<[^>]+>", " ", svg).split())
    # The words are escaped in the SVG: "study's" is written with an entity.
    assert "The group is placed by its most common answer to each of the" in words
    assert "Combative" in words
    assert "Shares of the four segments: Bpifrance Le Lab, surveyed in 2018" in words
    assert "9%" in words and "44%" in words  # the study's shares stand beside the group


def test_a_room_split_on_its_place_on_the_map_gets_no_map(client, alice, questionnaire, workshop):
    # The tempo splits 1 to 1: the proposal leaves it open, so the group has no segment yet.
    for number, tempo in enumerate(("late", "ahead")):
        answer_everything(client, questionnaire, join(workshop, f"p{number}"), tempo=tempo)
    services.workshop_reveal(workshop=workshop)
    client.force_login(alice)
    assert "Where the group stands on the study's map" not in titles(deck_of(client, workshop))
    assert client.get(f"/consultant/workshops/{workshop.pk}/charts/segment.svg").status_code == 404
    assert client.get(f"/consultant/workshops/{workshop.pk}/charts/segment.png").status_code == 404


def test_each_chart_downloads_as_a_png_picture_twice_its_size(
    client, alice, questionnaire, workshop
):
    for number, tempo in enumerate(("late", "late", "ahead")):
        answer_everything(client, questionnaire, join(workshop, f"p{number}"), tempo=tempo)
    services.workshop_reveal(workshop=workshop)
    client.force_login(alice)
    page = client.get(f"/en/consultant/workshops/{workshop.pk}/").content.decode()
    assert f"/consultant/workshops/{workshop.pk}/charts/agenda-1.png" in page
    assert f"/consultant/workshops/{workshop.pk}/charts/segment.png" in page
    svg = client.get(f"/en/consultant/workshops/{workshop.pk}/charts/agenda-1.svg").content
    response = client.get(f"/en/consultant/workshops/{workshop.pk}/charts/agenda-1.png")
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].endswith('-agenda-1.png"')
    picture = Image.open(io.BytesIO(response.content)).convert("RGB")
    width, height = svg_size(svg.decode())
    assert abs(picture.size[0] - 2 * width) <= 2 and abs(picture.size[1] - 2 * height) <= 2
    colours = set(picture.getdata())
    assert (0x1F, 0x5F, 0xBF) in colours  # the bars, in the product's accent
    assert any(max(pixel) < 80 for pixel in colours)  # the words, in ink


def test_a_chart_in_a_format_the_product_does_not_make_is_a_404(client, alice, workshop):
    services.workshop_reveal(workshop=workshop)
    client.force_login(alice)
    assert client.get(f"/consultant/workshops/{workshop.pk}/charts/scores.gif").status_code == 404


def test_two_people_are_not_placed_on_the_map_as_a_group(client, alice, questionnaire, workshop):
    revealed_room(client, alice, questionnaire, workshop, people=2)
    assert "Where the group stands on the study's map" not in titles(deck_of(client, workshop))
    assert client.get(f"/consultant/workshops/{workshop.pk}/charts/segment.svg").status_code == 404


def test_a_light_brand_colour_is_darkened_where_the_map_writes_with_it(
    client, alice, questionnaire, workshop
):
    consultancy = alice.membership.consultancy
    consultancy.accent_colour = "#ffcc00"
    consultancy.save()
    revealed_room(client, alice, questionnaire, workshop)
    svg = client.get(f"/consultant/workshops/{workshop.pk}/charts/segment.svg").content.decode()
    assert 'fill="#866a00"' in svg and "#ffcc00" not in svg


def test_a_chart_picture_is_laid_out_once_however_often_it_is_asked_for(
    client, alice, questionnaire, workshop
):
    revealed_room(client, alice, questionnaire, workshop)
    url = f"/consultant/workshops/{workshop.pk}/charts/segment.png"
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, format="PNG")
    picture = buffer.getvalue()
    with mock.patch("assessment.reports.chart_png._rendered", return_value=picture) as drawn:
        assert client.get(url).content == picture
        assert client.get(url).content == picture
        assert drawn.call_count == 1
        # The deck's map carries no caption (the slide's text gives the source): a picture of
        # its own, laid out once too.
        deck_of(client, workshop)
        deck_of(client, workshop)
        assert drawn.call_count == 2


def test_an_address_looping_on_chart_pictures_is_stopped(client, alice, workshop):
    services.workshop_reveal(workshop=workshop)
    client.force_login(alice)
    tight = throttling.Limit("chart-pictures-test", "2/1h")
    with mock.patch.object(throttling, "CHART_PICTURES_PER_ADDRESS", tight):
        for _ in range(2):
            assert client.get(f"/consultant/workshops/{workshop.pk}/deck.pptx").status_code == 200
        assert client.get(f"/consultant/workshops/{workshop.pk}/deck.pptx").status_code == 429
