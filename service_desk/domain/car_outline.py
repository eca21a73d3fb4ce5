"""The car outline of the damage diagram: views, their polylines, how they are laid out.

Plain geometry shared by the screen (ui/damage_diagram.py, QPainter) and the paper
(printing/diagram.py, fpdf2), so that a mark lands on the same spot of the same drawing
in both. A generic compact SUV (most Chery cars at the counter) drawn in decimetres:

- "left": the driver's side (China drives on the right: the driver sits on the left),
  front of the car at the left of the picture, as seen standing beside the car;
- "right": the passenger's side, front at the right;
- "top": seen from above, front at the left, so the car's left side is at the bottom.

Each view's polylines are in normalized coordinates of its own box: x and y from 0 to 1,
y pointing down (as on screen and in fpdf2). A damage mark is stored the same way: the view
and a point (x, y) in that box. Closed shapes repeat their first point at the end.

A canvas lays the views out (``arrange``): two columns (left | right over top | legend) for
the screen and the check-in sheet, three in a row for the repair order's strip. The
renderers only scale a canvas uniformly, so the drawing keeps its proportions.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

Point = tuple[float, float]
Polyline = tuple[Point, ...]

VIEWS = ("left", "top", "right")
# Printed names (the screen has its own translated names).
VIEW_NAMES = {
    "left": ("左侧", "Left side"),
    "top": ("俯视", "Top"),
    "right": ("右侧", "Right side"),
}
SIDE_NAMES = {"left": ("左", "L"), "right": ("右", "R")}

# Real proportions of the drawing, in decimetres.
LENGTH = 46.0
SIDE_HEIGHT = 17.0
TOP_WIDTH = 21.0  # body 19 dm wide plus the mirrors
WHEEL_R = 3.3
ARCH_R = 3.9
FRONT_AXLE = 9.0
REAR_AXLE = 37.0
AXLE_Y = 13.7
SILL_Y = 14.6


def _arc(cx: float, cy: float, r: float, start: float, end: float, steps: int = 12) -> Polyline:
    """Points of a circular arc, angles in degrees, y down (90° points down)."""
    points = []
    for i in range(steps + 1):
        angle = math.radians(start + (end - start) * i / steps)
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    return tuple(points)


def _closed(points: Polyline) -> Polyline:
    return (*points, points[0])


def _side_view() -> tuple[Polyline, ...]:
    """The driver's side, front at the left (x = 0), ground at y = 17."""
    body = _closed(
        (
            (1.0, SILL_Y),
            (0.2, 13.0),
            (0.0, 11.0),
            (0.4, 9.4),
            (1.6, 8.6),
            (7.0, 7.9),
            (12.5, 7.3),
            (17.5, 2.2),
            (19.5, 1.0),
            (35.0, 0.8),
            (40.0, 1.2),
            (42.5, 2.2),
            (44.8, 7.0),
            (45.6, 8.5),
            (46.0, 11.5),
            (45.7, 14.0),
            (44.8, SILL_Y),
            (REAR_AXLE + ARCH_R, SILL_Y),
            *_arc(REAR_AXLE, AXLE_Y, ARCH_R, 360, 180),
            (REAR_AXLE - ARCH_R, SILL_Y),
            (FRONT_AXLE + ARCH_R, SILL_Y),
            *_arc(FRONT_AXLE, AXLE_Y, ARCH_R, 360, 180),
            (FRONT_AXLE - ARCH_R, SILL_Y),
        )
    )
    glass = _closed(
        (
            (13.6, 7.2),
            (18.0, 2.6),
            (20.0, 1.8),
            (34.5, 1.7),
            (39.0, 2.1),
            (41.3, 3.0),
            (43.2, 7.0),
        )
    )
    b_pillar = _closed(((26.0, 1.75), (27.0, 1.75), (27.0, 7.1), (26.0, 7.1)))
    c_pillar = ((36.6, 1.9), (38.3, 7.05))
    front_door = ((13.4, 7.2), (13.2, 14.3))
    door_split = ((26.5, 7.1), (26.5, 14.4))
    rear_door = (
        (37.6, 7.05),
        (37.4, 9.4),
        *_arc(REAR_AXLE, AXLE_Y, ARCH_R + 0.4, 272, 180, 8),
        (REAR_AXLE - ARCH_R - 0.4, 14.3),
    )
    belt_line = ((13.4, 7.2), (43.2, 7.0))
    mirror = _closed(((14.0, 7.2), (15.8, 6.3), (16.4, 7.3), (14.7, 7.9)))
    handles = (
        _closed(((22.0, 8.4), (23.8, 8.4), (23.8, 8.9), (22.0, 8.9))),
        _closed(((32.8, 8.4), (34.6, 8.4), (34.6, 8.9), (32.8, 8.9))),
    )
    headlight = _closed(((0.5, 9.3), (4.2, 8.6), (3.8, 9.9), (0.3, 10.6)))
    taillight = _closed(((44.9, 7.3), (45.7, 8.6), (45.9, 10.0), (44.6, 9.6)))
    wheels = []
    for axle in (FRONT_AXLE, REAR_AXLE):
        wheels.append(_arc(axle, AXLE_Y, WHEEL_R, 0, 360, 32))
        wheels.append(_arc(axle, AXLE_Y, WHEEL_R * 0.5, 0, 360, 20))
    return (
        body,
        glass,
        b_pillar,
        c_pillar,
        front_door,
        door_split,
        rear_door,
        belt_line,
        mirror,
        *handles,
        headlight,
        taillight,
        *wheels,
    )


def _top_view() -> tuple[Polyline, ...]:
    """Seen from above, front at the left; the right side at the top (y = 0)."""

    def both_sides(points: Polyline) -> tuple[Polyline, Polyline]:
        return points, tuple((x, TOP_WIDTH - y) for x, y in points)

    body = _closed(
        (
            (2.6, 2.2),
            (8.0, 1.3),
            (14.0, 1.0),
            (38.0, 1.0),
            (43.5, 1.5),
            (45.5, 3.6),
            (46.0, 10.5),
            (45.5, 17.4),
            (43.5, 19.5),
            (38.0, 20.0),
            (14.0, 20.0),
            (8.0, 19.7),
            (2.6, 18.8),
            (0.6, 16.0),
            (0.0, 10.5),
            (0.6, 5.0),
        )
    )
    windscreen = _closed(((12.0, 3.0), (17.5, 3.6), (17.5, 17.4), (12.0, 18.0)))
    roof = _closed(((17.5, 3.6), (37.5, 3.6), (37.5, 17.4), (17.5, 17.4)))
    rear_window = _closed(((37.5, 3.6), (42.8, 4.4), (42.8, 16.6), (37.5, 17.4)))
    mirrors = both_sides(_closed(((13.5, 1.0), (14.3, 0.05), (15.9, 0.05), (15.6, 1.0))))
    hood_lines = both_sides(((1.8, 6.0), (12.0, 4.6)))
    tyres = []
    for axle in (FRONT_AXLE, REAR_AXLE):
        tyres += both_sides(
            _closed(((axle - 2.4, 0.45), (axle + 2.4, 0.45), (axle + 2.4, 1.0), (axle - 2.4, 1.0)))
        )
    return (body, windscreen, roof, rear_window, *mirrors, *hood_lines, *tyres)


def _normalized(lines: tuple[Polyline, ...], width: float, height: float) -> tuple[Polyline, ...]:
    return tuple(tuple((x / width, y / height) for x, y in line) for line in lines)


@dataclass(frozen=True)
class View:
    code: str
    aspect: float  # width / height of the view's box
    lines: tuple[Polyline, ...]  # normalized: 0..1 in both directions
    labels: tuple[tuple[float, float, str], ...] = ()  # (x, y, SIDE_NAMES key), centred


def _make_views() -> dict[str, View]:
    side = _normalized(_side_view(), LENGTH, SIDE_HEIGHT)
    mirrored = tuple(tuple((1.0 - x, y) for x, y in line) for line in side)
    top = _normalized(_top_view(), LENGTH, TOP_WIDTH)
    return {
        "left": View("left", LENGTH / SIDE_HEIGHT, side),
        "top": View(
            "top",
            LENGTH / TOP_WIDTH,
            top,
            labels=((0.6, 6.6 / TOP_WIDTH, "right"), (0.6, 14.4 / TOP_WIDTH, "left")),
        ),
        "right": View("right", LENGTH / SIDE_HEIGHT, mirrored),
    }


OUTLINE: dict[str, View] = _make_views()


# ------------------------------------------------------------------------------- layout


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.x + self.w and self.y <= y <= self.y + self.h


@dataclass(frozen=True)
class Canvas:
    """Views placed on a drawing of width x height units (the renderer scales it)."""

    width: float
    height: float
    boxes: dict[str, Box]
    titles: dict[str, Point]  # top-left corner of each view's title line
    title_height: float
    legend: Box | None  # a free cell for the symbol key, if the arrangement has one

    def to_canvas(self, view: str, x: float, y: float) -> Point:
        box = self.boxes[view]
        return box.x + x * box.w, box.y + y * box.h

    def locate(self, cx: float, cy: float) -> tuple[str, float, float] | None:
        """The view and the normalized point under a canvas point; None between views."""
        for view, box in self.boxes.items():
            if box.contains(cx, cy):
                x = min(1.0, max(0.0, (cx - box.x) / box.w))
                y = min(1.0, max(0.0, (cy - box.y) / box.h))
                return view, x, y
        return None


TITLE = 3.2  # height of a view's title line, decimetres of drawing
GAP = 3.0


def arrange(columns: int = 2) -> Canvas:
    """1: the views stacked; 2: left | right, then top | legend; 3: left | top | right."""
    side_h, top_h = SIDE_HEIGHT, TOP_WIDTH
    boxes: dict[str, Box] = {}
    legend = None
    if columns >= 3:
        x = 0.0
        for view in ("left", "top", "right"):
            h = top_h if view == "top" else side_h
            boxes[view] = Box(x, TITLE + (top_h - h) / 2, LENGTH, h)
            x += LENGTH + GAP
        width, height = 3 * LENGTH + 2 * GAP, TITLE + top_h
    elif columns == 2:
        boxes["left"] = Box(0.0, TITLE, LENGTH, side_h)
        boxes["right"] = Box(LENGTH + GAP, TITLE, LENGTH, side_h)
        row2 = TITLE + side_h + GAP
        boxes["top"] = Box(0.0, row2 + TITLE, LENGTH, top_h)
        legend = Box(LENGTH + GAP, row2 + TITLE, LENGTH, top_h)
        width, height = 2 * LENGTH + GAP, row2 + TITLE + top_h
    else:
        y = 0.0
        for view in ("left", "top", "right"):
            h = top_h if view == "top" else side_h
            boxes[view] = Box(0.0, y + TITLE, LENGTH, h)
            y += TITLE + h + GAP
        width, height = LENGTH, y - GAP
    titles = {view: (box.x, box.y - TITLE) for view, box in boxes.items()}
    return Canvas(width, height, boxes, titles, TITLE, legend)


# ------------------------------------------------------------------------------- marks

# The symbol of each damage code, drawn the same on screen and paper: unit coordinates
# from -1 to 1 around the mark's point (y down).
_CIRCLE = _arc(0.0, 0.0, 1.0, 0, 360, 20)
MARK_SYMBOLS: dict[str, tuple[Polyline, ...]] = {
    "scratch": (((-1.0, 1.0), (1.0, -1.0)), ((-0.4, 1.0), (1.0, -0.4))),
    "dent": (_CIRCLE,),
    "crack": (((-1.0, -1.0), (1.0, 1.0)), ((-1.0, 1.0), (1.0, -1.0))),
    "chip": (_closed(((0.0, -1.0), (1.0, 0.8), (-1.0, 0.8))),),
    "missing": (_closed(((-0.9, -0.9), (0.9, -0.9), (0.9, 0.9), (-0.9, 0.9))),),
}
