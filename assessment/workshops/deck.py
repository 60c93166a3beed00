"""The workshop's charts as a PowerPoint deck, for the consultant's own presentation.

Native charts (not pictures), so the consultant can restyle them in their own template; the
consultancy's accent colour and logo, when it has them. Built from the same words as the screen
and the report (`group_presenters`), so the deck never says more about a person than they do.
"""

from __future__ import annotations

import io
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.util import Emu, Inches, Pt

from assessment.reports.bars_chart import bars_svg
from assessment.reports.chart_png import svg_size, svg_to_png

from . import brand

WIDE = (Inches(13.333), Inches(7.5))  # 16:9
BODY = Pt(16)
INK = RGBColor(0x1D, 0x27, 0x33)
MUTED = RGBColor(0x5B, 0x67, 0x75)


def _colour(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


class Deck:
    def __init__(self, consultancy, accent: str):
        self.presentation = Presentation()
        self.presentation.slide_width, self.presentation.slide_height = WIDE
        self.blank = self.presentation.slide_layouts[6]
        self.accent = _colour(accent)
        self.logo = bytes(consultancy.logo) if consultancy and consultancy.logo else None
        self.brand_name = consultancy.name if consultancy else ""

    def slide(self, title: str, eyebrow: str = ""):
        slide = self.presentation.slides.add_slide(self.blank)
        top = Inches(0.4)
        if eyebrow:
            self.text(slide, eyebrow.upper(), Inches(0.6), top, Pt(14), self.accent, bold=True)
            top += Inches(0.45)
        box = self.text(slide, title, Inches(0.6), top, Pt(30), INK, bold=True, height=1.2)
        box.name = "Title"
        if self.logo:
            slide.shapes.add_picture(
                io.BytesIO(self.logo), Inches(11.6), Inches(6.75), height=Inches(0.5)
            )
        return slide

    def text(self, slide, text, left, top, size, colour, bold=False, height=0.6, width=12.1):
        box = slide.shapes.add_textbox(left, top, Inches(width), Inches(height))
        frame = box.text_frame
        frame.word_wrap = True
        paragraph = frame.paragraphs[0]
        paragraph.text = text
        paragraph.font.size = size
        paragraph.font.bold = bold
        paragraph.font.color.rgb = colour
        return box

    def lines(self, slide, lines: list[str], top, size=BODY):
        box = slide.shapes.add_textbox(Inches(0.6), top, Inches(12.1), Inches(0.4 * len(lines)))
        frame = box.text_frame
        frame.word_wrap = True
        for number, line in enumerate(lines):
            paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
            paragraph.text = line
            paragraph.font.size = size
            paragraph.font.color.rgb = INK
        return box

    def bars(self, slide, categories, series, top, height, horizontal=True, legend=False):
        data = CategoryChartData()
        data.categories = categories
        for name, values in series:
            data.add_series(name, values)
        kind = XL_CHART_TYPE.BAR_CLUSTERED if horizontal else XL_CHART_TYPE.COLUMN_CLUSTERED
        frame = slide.shapes.add_chart(kind, Inches(0.6), top, Inches(12.1), height, data)
        chart = frame.chart
        chart.has_legend = legend
        if legend:
            chart.legend.position = XL_LEGEND_POSITION.BOTTOM
            chart.legend.include_in_layout = False
        chart.font.size = Pt(14)
        plot = chart.plots[0]
        plot.has_data_labels = True
        plot.data_labels.font.size = Pt(13)
        if horizontal:
            # Bars read top to bottom in the order given.
            chart.category_axis.reverse_order = True
        shades = [self.accent, RGBColor(0x9A, 0xB3, 0xD8), RGBColor(0xC9, 0xD3, 0xE0)]
        for number, each in enumerate(plot.series):
            each.format.fill.solid()
            each.format.fill.fore_color.rgb = shades[number % len(shades)]
        return chart

    def bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.presentation.save(buffer)
        return buffer.getvalue()


def _agenda_series(item: dict) -> tuple[list[str], list[tuple[str, list[int]]]]:
    """An agenda item's answers as chart labels and one series: the deck's and the SVG's."""
    return [row["label"] for row in item["rows"]], [
        (_("People"), [row["count"] for row in item["rows"]])
    ]


def _revote_series(revote: dict) -> tuple[list[str], list[tuple[str, list[int]]]]:
    """A re-vote's answers before and after, as chart labels and two series."""
    return [row["label"] for row in revote["rows"]], [
        (
            _("Before (%(count)s)") % {"count": revote["answered_before"]},
            [row["before"] for row in revote["rows"]],
        ),
        (
            _("After (%(count)s)") % {"count": revote["answered_after"]},
            [row["after"] for row in revote["rows"]],
        ),
    ]


def workshop_deck(workshop, report: dict, notes: list[dict], when: date) -> bytes:
    """`report`: the workshop's words, as `group_presenters.workshop_report_context` gives them."""
    consultancy = workshop.client.consultancy
    deck = Deck(consultancy, consultancy.accent_colour or brand.PRODUCT_ACCENT)
    client = workshop.client.name

    cover = deck.slide(_("Workshop results"), eyebrow=client)
    about = [workshop.title or _("Workshop"), date_format(when, "DATE_FORMAT")]
    if deck.brand_name:
        about.append(_("Prepared by %(name)s") % {"name": deck.brand_name})
    deck.lines(cover, about, Inches(2.4), Pt(20))

    scores = deck.slide(_("The group's scores"), eyebrow=client)
    dimensions = report["dimensions"]
    if dimensions:
        deck.bars(
            scores,
            [d["name"] for d in dimensions],
            [
                (_("Lowest"), [d["low"] for d in dimensions]),
                (_("Median"), [d["median"] for d in dimensions]),
                (_("Highest"), [d["high"] for d in dimensions]),
            ],
            Inches(1.8),
            Inches(4.6),
            legend=True,
        )
    else:
        # Scores are those of people who finished: none yet.
        deck.lines(scores, [_("Nobody has finished the questionnaire yet.")], Inches(1.8))
    if report["segment"]:
        deck.lines(
            scores,
            [
                _("Segment of the group's most common answers: %(name)s")
                % {"name": report["segment"]}
            ],
            Inches(6.5),
        )

    if report.get("segment_map"):
        # The study's map is no chart type PowerPoint has: it goes in as the report's picture.
        where = deck.slide(_("Where the group stands on the study's map"), eyebrow=client)
        svg = report["segment_map"]["on_slide"]
        width, height = svg_size(svg)
        picture_height = Inches(4.7)
        picture_width = Emu(int(picture_height * width / height))
        where.shapes.add_picture(
            io.BytesIO(svg_to_png(svg)),
            (WIDE[0] - picture_width) // 2,
            Inches(1.7),
            picture_width,
            picture_height,
        )
        deck.lines(
            where,
            [f"{report['segment_map']['placed']} {report['segment_map']['source']}."],
            Inches(6.55),
            Pt(13),
        )

    if report["knowledge_gaps"]:
        gaps = deck.slide(_("What the room does not know"), eyebrow=client)
        deck.lines(
            gaps,
            [f"{gap['question']} — {gap['who_knows']}" for gap in report["knowledge_gaps"]],
            Inches(1.8),
        )

    role_rule = _(
        "A role is shown on its own only when at least %(minimum)s of its members answered; "
        "smaller roles are pooled as “Other roles”, so that no view shown rests on one or two "
        "people."
    ) % {"minimum": report["role_minimum"]}
    total = len(report["agenda"])
    for number, item in enumerate(report["agenda"], start=1):
        eyebrow = _("Agenda %(number)s of %(total)s") % {"number": number, "total": total}
        slide = deck.slide(item["question"], eyebrow=eyebrow)
        deck.lines(slide, [item["why"]], Inches(1.95), Pt(16))
        roles = [
            f"{view['role']} ({view['answered']}){_(':')} {view['summary']}"
            for view in item["by_role"]
        ]
        chart_height = Inches(3.6) if roles or item["who_knows"] else Inches(4.4)
        deck.bars(
            slide,
            *_agenda_series(item),
            Inches(2.5),
            chart_height,
        )
        below = [*roles, item["who_knows"]] if item["who_knows"] else roles
        if below:
            deck.lines(slide, below, Inches(2.5) + chart_height + Emu(Inches(0.1)), Pt(15))
        deck.lines(slide, [role_rule], Inches(6.95), Pt(11))

    for revote in report["revotes"]:
        slide = deck.slide(revote["question"], eyebrow=_("Before and after the discussion"))
        deck.bars(
            slide,
            *_revote_series(revote),
            Inches(1.9),
            Inches(4.8),
            legend=True,
        )

    if notes:
        slide = deck.slide(_("Notes and actions of the workshop"), eyebrow=client)
        lines = []
        for note in notes:
            line = note["text"]
            if note["owner"]:
                line = f"{_('Action')}{_(':')} {line} — {note['owner']}"
            if note["due"]:
                line += ", " + _("by %(date)s") % {"date": date_format(note["due"], "DATE_FORMAT")}
            lines.append(line)
        deck.lines(slide, lines, Inches(1.8))

    return deck.bytes()


def workshop_chart(report: dict, name: str, accent: str | None) -> str | None:
    """One chart of the deck as SVG, by name (`scores`, `segment`, `agenda-<n>` 1-based,
    `revote-<id>`); None for a name that is no chart of the workshop."""
    colour = {"colour": accent} if accent else {}
    if name == "scores" and report["dimensions"]:
        dimensions = report["dimensions"]
        return bars_svg(
            [f"{d['name']} ({d['low']}–{d['high']})" for d in dimensions],
            [(_("Median"), [d["median"] for d in dimensions])],
            title=_("The group's scores: median, and from the lowest to the highest"),
            maximum=100,
            **colour,
        )
    if name == "segment" and report.get("segment_map"):
        return report["segment_map"]["svg"]
    kind, _sep, number = name.partition("-")
    if kind == "agenda" and number.isdigit() and 1 <= int(number) <= len(report["agenda"]):
        item = report["agenda"][int(number) - 1]
        return bars_svg(
            *_agenda_series(item),
            title=item["question"],
            maximum=item["answered"],
            **colour,
        )
    if kind == "revote" and number.isdigit():
        for revote in report["revotes"]:
            if revote["id"] == int(number):
                return bars_svg(
                    *_revote_series(revote),
                    title=revote["question"],
                    **colour,
                )
    return None
