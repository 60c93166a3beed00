"""A chart's SVG as a PNG image, for slide tools that take pictures better than SVG.

WeasyPrint lays the SVG out exactly as in the PDF report, with the product's own Inter read from
disk (so a picture looks like the report, whatever fonts the server has), and pdfium turns that
one-page PDF into pixels. Nothing is fetched but the report's own static files.
"""

from __future__ import annotations

import hashlib
import io
import re

import pypdfium2
from django.core.cache import cache
from weasyprint import HTML

from .pdf import BASE_URL, StaticFilesOnly

VIEW_BOX = re.compile(r'viewBox="0 0 ([0-9.]+) ([0-9.]+)"')
# Twice the chart's own size: sharp on a projector and on a high-density screen.
PIXELS_PER_UNIT = 2
# pdfium counts in PDF points; a CSS pixel is three quarters of a point.
POINTS_PER_PIXEL = 0.75

FONTS = "".join(
    f'@font-face {{ font-family: "Inter"; font-weight: {weight}; '
    f'src: url("/static/vendor/inter/inter-latin-{weight}-normal.woff") format("woff"); }}'
    for weight in (400, 600, 700)
)


def svg_size(svg: str) -> tuple[float, float]:
    match = VIEW_BOX.search(svg)
    if match is None:
        raise ValueError("a chart's SVG starts with its viewBox")
    return float(match.group(1)), float(match.group(2))


# A chart's picture changes only with its SVG: kept under the SVG's hash, the deck and the
# downloads lay each chart out once, however often they are asked for.
KEPT_FOR_SECONDS = 24 * 60 * 60


def svg_to_png(svg: str) -> bytes:
    key = "chart-png:" + hashlib.sha256(svg.encode()).hexdigest()
    picture = cache.get(key)
    if picture is None:
        picture = _rendered(svg)
        cache.set(key, picture, KEPT_FOR_SECONDS)
    return picture


def _rendered(svg: str) -> bytes:
    """`svg`: one of the product's charts, every text in it escaped by its builder."""
    width, height = svg_size(svg)
    html = (
        f"<style>{FONTS} @page {{ size: {width}px {height}px; margin: 0 }} "
        f"html, body {{ margin: 0 }} svg {{ display: block; width: {width}px; "
        f"height: {height}px }}</style>{svg}"
    )
    pdf = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesOnly()).write_pdf()
    document = pypdfium2.PdfDocument(pdf)
    try:
        bitmap = document[0].render(scale=PIXELS_PER_UNIT / POINTS_PER_PIXEL)
        picture = bitmap.to_pil()
    finally:
        document.close()
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
