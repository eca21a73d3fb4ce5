"""Draw the application icon: resources/icons/service_desk.ico (16-256 px) and .png (256 px).

A rounded square in a dark Chery red with a white open-end wrench across a thin white
ring (a steering wheel's rim): readable at 16 px on the taskbar. Drawn at
four times the size and scaled down; the small sizes get a bolder wrench of their own.

    python tools/make_icon.py        (needs Pillow; the app itself does not)
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "resources" / "icons"
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
TOP, BOTTOM = (196, 30, 50), (122, 12, 28)  # dark Chery-like red, lighter at the top
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)
SCALE = 4  # supersampling


def _background(side: int, radius: float) -> Image.Image:
    """The rounded square with a vertical gradient."""
    gradient = Image.new("RGBA", (side, side))
    pixels = gradient.load()
    for y in range(side):
        t = y / max(side - 1, 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(TOP, BOTTOM, strict=True))
        for x in range(side):
            pixels[x, y] = (*colour, 255)
    mask = Image.new("L", (side, side), 0)
    ImageDraw.Draw(mask).rounded_rectangle((0, 0, side - 1, side - 1), radius, fill=255)
    out = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    out.paste(gradient, (0, 0), mask)
    return out


def _rotated(points: list[tuple[float, float]], angle: float, centre: float) -> list:
    c, s = math.cos(angle), math.sin(angle)
    return [
        (centre + (x - centre) * c - (y - centre) * s, centre + (x - centre) * s + (y - centre) * c)
        for x, y in points
    ]


def _wrench(draw: ImageDraw.ImageDraw, side: int, bold: bool, grow: float = 0.0, fill=WHITE):
    """An open-end wrench from bottom left to top right, drawn upright then turned 45°.
    grow > 0 draws the outline around it (its halo) instead, jaw included."""
    c = side / 2
    angle = math.radians(45)
    half = side * (0.075 if bold else 0.06) + grow  # half the handle's width
    head_r = side * (0.17 if bold else 0.15) + grow
    head_y = side * 0.26
    tail_y = side * 0.78
    handle = [(c - half, head_y), (c + half, head_y), (c + half, tail_y), (c - half, tail_y)]
    draw.polygon(_rotated(handle, angle, c), fill=fill)
    ex, ey = _rotated([(c, tail_y)], angle, c)[0]
    draw.ellipse((ex - half, ey - half, ex + half, ey + half), fill=fill)
    hx, hy = _rotated([(c, head_y)], angle, c)[0]
    draw.ellipse((hx - head_r, hy - head_r, hx + head_r, hy + head_r), fill=fill)
    if grow:
        return
    jaw = head_r * (0.45 if bold else 0.42)  # the jaw, cut out towards the corner
    cut = [(c - jaw, head_y - head_r * 1.3), (c + jaw, head_y - head_r * 1.3)]
    cut += [(c + jaw, head_y - head_r * 0.1), (c - jaw, head_y - head_r * 0.1)]
    draw.polygon(_rotated(cut, angle, c), fill=CLEAR)


def _ring(draw: ImageDraw.ImageDraw, side: int) -> None:
    """A thin ring (a steering wheel's rim) behind the wrench."""
    inset = side * 0.16
    width = max(1, round(side * 0.05))
    draw.ellipse((inset, inset, side - inset, side - inset), outline=WHITE, width=width)


def draw_icon(size: int) -> Image.Image:
    side = size * SCALE
    image = _background(side, side * 0.2)
    glyph = Image.new("RGBA", (side, side), CLEAR)
    draw = ImageDraw.Draw(glyph)
    small = size <= 24
    if not small:
        _ring(draw, side)
        _wrench(draw, side, bold=False, grow=side * 0.035, fill=CLEAR)  # a gap in the ring
    _wrench(draw, side, bold=small)
    image.alpha_composite(glyph)  # cut-outs are transparent on the glyph layer
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    images = {size: draw_icon(size) for size in SIZES}
    largest = images[max(SIZES)]
    largest.save(OUT / "service_desk.ico", sizes=[(s, s) for s in SIZES],
                 append_images=[images[s] for s in SIZES if s != max(SIZES)])  # fmt: skip
    largest.save(OUT / "service_desk.png", optimize=True)
    preview = Image.new("RGBA", (sum(SIZES) + 10 * len(SIZES), max(SIZES)), (240, 240, 240, 255))
    x = 0
    for size in SIZES:
        preview.alpha_composite(images[size], (x, 0))
        x += size + 10
    if "--preview" in sys.argv:
        preview.save("/tmp/service_desk_icons.png")
    print(f"wrote {OUT / 'service_desk.ico'} ({', '.join(map(str, SIZES))} px) and .png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
