"""A consultancy's brand: its logo, checked and re-encoded, and its accent colour.

A logo is shown to anonymous participants and printed in reports, so only pixels are kept: the
upload must decode as a PNG or JPEG of sensible size, and it is re-encoded as a fresh PNG. Whatever
else the file carried (metadata, an appended script, a second format hidden in the same bytes)
does not survive. SVG is refused outright: it is a document that can run scripts, not an image.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

MAX_LOGO_BYTES = 2 * 1024 * 1024
MAX_LOGO_SIDE = 4000  # pixels, checked before decoding: no decompression bomb gets decoded
MIN_LOGO_SIDE = 16
STORED_LOGO_BOX = (800, 400)  # large enough for a printed cover, small enough for a phone
# MPO is how Pillow reads many phone and camera JPEGs (a JPEG with a second, preview frame).
ACCEPTED_FORMATS = ("PNG", "JPEG", "MPO")
# The product's own blue: a consultancy without an accent colour gets it.
PRODUCT_ACCENT = "#1f5fbf"
ACCENT_PATTERN = re.compile(r"#[0-9a-f]{6}")

# The text colours the app uses on a coloured background.
LIGHT_TEXT = "#ffffff"
DARK_TEXT = "#1d2733"
AA_CONTRAST = 4.5


class LogoRefused(ValueError):
    """The upload is not an acceptable logo; the message says why, in the reader's language."""


@dataclass(frozen=True)
class Logo:
    png: bytes
    width: int
    height: int

    @property
    def key(self) -> str:
        """Names the logo in its public address: changes whenever the image does."""
        return hashlib.sha256(self.png).hexdigest()[:32]


def _looks_like_svg(head: bytes) -> bool:
    text = head[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith((b"<?xml", b"<svg", b"<!doctype svg")) or b"<svg" in text


def check_logo_size(size: int) -> None:
    if size > MAX_LOGO_BYTES:
        raise LogoRefused(
            _("The logo weighs %(size)s MB; the limit is %(limit)s MB.")
            % {
                "size": number_format(size / 1024 / 1024, 1),
                "limit": MAX_LOGO_BYTES // 1024 // 1024,
            }
        )


def read_logo(data: bytes) -> Logo:
    """Check an uploaded logo and return it re-encoded as PNG, or raise LogoRefused."""
    check_logo_size(len(data))
    if _looks_like_svg(data):
        raise LogoRefused(
            _("SVG logos are not accepted, as an SVG file can carry scripts: upload a PNG or JPEG.")
        )
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format not in ACCEPTED_FORMATS:
                raise LogoRefused(_("This file is not a PNG or JPEG image."))
            width, height = image.size
            if max(width, height) > MAX_LOGO_SIDE:
                raise LogoRefused(
                    _("The logo is %(width)s × %(height)s pixels; the limit is %(limit)s a side.")
                    % {"width": width, "height": height, "limit": MAX_LOGO_SIDE}
                )
            if min(width, height) < MIN_LOGO_SIDE:
                raise LogoRefused(
                    _("The logo is %(width)s × %(height)s pixels: too small to print.")
                    % {"width": width, "height": height}
                )
            # verify() reads every chunk: a file cut short is refused here even though the PDF
            # library lets Pillow load truncated images (it sets that globally).
            image.verify()
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            # A phone photo stores its rotation aside: apply it, as the pixels alone are kept.
            pixels = ImageOps.exif_transpose(image).convert("RGBA")
    except LogoRefused:
        raise
    except Exception:  # noqa: BLE001 - any decoder failure on an upload means "not an image"
        raise LogoRefused(_("This file is not a PNG or JPEG image.")) from None
    pixels.thumbnail(STORED_LOGO_BOX)
    buffer = io.BytesIO()
    pixels.save(buffer, format="PNG", optimize=True)
    return Logo(png=buffer.getvalue(), width=pixels.width, height=pixels.height)


def clean_accent(value: str) -> str:
    """A colour as #rrggbb, or "" for none; anything else raises ValueError."""
    value = value.strip().lower()
    if not value:
        return ""
    if not ACCENT_PATTERN.fullmatch(value):
        raise ValueError(value)
    return value


def stored_accent(value: str) -> str:
    """A consultancy's stored accent as #rrggbb, or "" for none or for a value that is not a
    colour: drawn with, never refused (it was checked when it was saved)."""
    try:
        return clean_accent(value)
    except ValueError:
        return ""


def _luminance(colour: str) -> float:
    """WCAG 2 relative luminance of #rrggbb."""

    def channel(hex_pair: str) -> float:
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def text_colour_on(accent: str) -> str:
    """White or dark text, whichever reads better on the accent: any colour a consultancy picks
    keeps its buttons and cover readable."""
    best = max((LIGHT_TEXT, DARK_TEXT), key=lambda text: contrast_ratio(accent, text))
    if contrast_ratio(accent, best) >= AA_CONTRAST:
        return best
    # On mid-tones neither reaches WCAG AA; white or pure black always does (4.58 at worst).
    return max((LIGHT_TEXT, "#000000"), key=lambda text: contrast_ratio(accent, text))


def ink_on_white(accent: str) -> str:
    """The accent as text on a white page: itself when it reads at WCAG AA, otherwise darkened in
    steps (same hue) until it does, so the projector's large type stays in the brand's colour."""
    colour = accent
    while contrast_ratio(colour, LIGHT_TEXT) < AA_CONTRAST:
        colour = "#" + "".join(f"{int(int(colour[i : i + 2], 16) * 0.9):02x}" for i in (1, 3, 5))
    return colour
