"""Every colour and the spacing of the screens, in one place.

Status colours mean the same on every desk (UI.md) and always stand beside a word:
waiting / due (amber), overdue / refused (red), in the workshop / in hand (blue), ready
(green), done (grey). Each has a light background for chips, hooks and banners, and the
text colour that reads on it. Other colours (faint text, borders, the damage diagram, the
charts) are here too, so that no desk picks a shade of its own.
"""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit

# ------------------------------------------------------------------ status (with a word)
WAITING = "#b26a00"  # amber: waiting at a desk, due, an answer awaited
OVERDUE = "#c62828"  # red: overdue, refused, missing, a complaint escalated
WORKSHOP = "#1f5fa8"  # blue: in the workshop, a key out, in hand (approved, reminded)
READY = "#2e7d32"  # green: ready for pickup, done well, saved
DONE = "#6b6b6b"  # grey: done, closed, cancelled, released

STATUS = {
    "waiting": WAITING,
    "due": WAITING,
    "overdue": OVERDUE,
    "workshop": WORKSHOP,
    "ready": READY,
    "done": DONE,
}

# light backgrounds of the same (hooks, queue rows, banners) and the text that reads on them
WAITING_BG = "#fff3d6"
OVERDUE_BG = "#fdecea"
WORKSHOP_BG = "#e3ecf8"
READY_BG = "#e3f2e4"
FREE_BG = "#ffffff"
WAITING_TEXT = "#8a4b00"  # amber dark enough to read on WAITING_BG
OVERDUE_TEXT = "#8e1c1c"
WAITING_EDGE = "#e0a800"
OVERDUE_EDGE = "#e57373"

# ------------------------------------------------------------------ the rest
ERROR = OVERDUE  # an inline refusal under a field
WARNING = WAITING  # a warning the advisor may override
OK = READY
TEXT = "#000000"
FAINT = "#5f5f5f"  # secondary text, hints, empty states (4.5:1 on white and on #f0f0f0)
FREE = "#9e9e9e"  # a free hook's number
ON_STATUS = "#ffffff"  # text on a status colour (chips)
CARD = "#ffffff"
BORDER = "#c8c8c8"
BORDER_STRONG = "#8a8a8a"
SELECTED = "#000000"
ACCENT = "#0072B2"  # report cards, the first chart series

# the damage diagram
DIAGRAM_MARK = OVERDUE
DIAGRAM_OUTLINE = "#505050"
DIAGRAM_GRID = BORDER
DIAGRAM_LABEL = "#5a5a5a"
DIAGRAM_STRUCK = "#a0a0a0"
DIAGRAM_TEXT = "#333333"

# charts: the Okabe–Ito palette, told apart by everyone (also with colour blindness)
CHART_BLUE = ACCENT
CHART_ORANGE = "#E69F00"
CHART_GREEN = "#009E73"
CHART_PURPLE = "#CC79A7"
CHART_SKY = "#56B4E9"
CHART_VERMILION = "#D55E00"
CHART_YELLOW = "#F0E442"
CHART_GREY = "#8C8C8C"

# ------------------------------------------------------------------ spacing (logical px)
SPACING = 8  # between widgets; Qt scales logical pixels on high-DPI screens
MARGIN = 8


def text_height(box: QPlainTextEdit, lines: int) -> int:
    """The height of a text box showing `lines` lines in its own font (a fixed pixel
    height would cut the text with a larger font or another CJK font)."""
    margins = 2 * int(box.document().documentMargin()) + 2 * box.frameWidth()
    spacing = box.fontMetrics().lineSpacing()  # half a line more: CJK glyphs run taller
    return spacing * lines + spacing // 2 + margins + 2


def fit_lines(box: QPlainTextEdit, lines: int) -> None:
    box.setFixedHeight(text_height(box, lines))


# ------------------------------------------------------------------ style sheets
ERROR_STYLE = f"color: {ERROR};"
WARNING_STYLE = f"color: {WARNING};"
OK_STYLE = f"color: {OK};"
FAINT_STYLE = f"color: {FAINT};"
EMPTY_STYLE = f"color: {FAINT}; padding: 6px 0;"


def text_style(colour: str, bold: bool = False) -> str:
    return f"color: {colour};" + (" font-weight: bold;" if bold else "")


def banner_style(kind: str = "waiting") -> str:
    """A line that wants attention: waiting (a check due) or overdue (a comeback)."""
    if kind == "overdue":
        return (
            f"background: {OVERDUE_BG}; color: {OVERDUE_TEXT}; padding: 4px; "
            f"border: 1px solid {OVERDUE_EDGE};"
        )
    return (
        f"background: {WAITING_BG}; color: {WAITING_TEXT}; padding: 4px; "
        f"border: 1px solid {WAITING_EDGE};"
    )


def chip_style(colour: str) -> str:
    """A status word on its colour."""
    return f"background: {colour}; color: {ON_STATUS}; padding: 0px 5px; border-radius: 2px;"


def span(text: str, colour: str) -> str:
    """Rich text in a colour (headers)."""
    return f"<span style='color:{colour}'>{text}</span>"
