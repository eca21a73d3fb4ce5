"""The headline figures of the reports tab as cards: the figure, a line of detail and,
when comparing, the previous period's figure and the change (an arrow and a sign, never
colour alone)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from service_desk.domain.money import format_yuan
from service_desk.domain.report import Report
from service_desk.ui import colours

VALUE_STYLE = "font-size: 17pt; font-weight: bold;"
FAINT_STYLE = colours.FAINT_STYLE
CARD_STYLE = (
    f"#report_card {{ background: palette(base); border: 1px solid {colours.BORDER}; "
    f"border-left: 4px solid {colours.ACCENT}; border-radius: 3px; }}"
)


def _t(text: str) -> str:
    return QCoreApplication.translate("Reports", text)


def card_titles() -> dict[str, str]:
    """The cards in the order shown."""
    return {
        "received": _t(QT_TRANSLATE_NOOP("Reports", "Cars received")),
        "released": _t(QT_TRANSLATE_NOOP("Reports", "Cars released")),
        "revenue": _t(QT_TRANSLATE_NOOP("Reports", "Revenue")),
        "paid": _t(QT_TRANSLATE_NOOP("Reports", "Paid")),
        "arrears": _t(QT_TRANSLATE_NOOP("Reports", "Arrears let out")),
        "promise": _t(QT_TRANSLATE_NOOP("Reports", "Promises kept")),
        "workshop": _t(QT_TRANSLATE_NOOP("Reports", "Average workshop time")),
        "extra": _t(QT_TRANSLATE_NOOP("Reports", "Extra work accepted")),
    }


def duration(minutes: int) -> str:
    """45 min, 2 h 05 min, 52 h 10 min (workshop times stay in hours)."""
    if minutes < 60:
        return _t(QT_TRANSLATE_NOOP("Reports", "{n} min")).format(n=minutes)
    hours, rest = divmod(minutes, 60)
    return _t(QT_TRANSLATE_NOOP("Reports", "{h} h {m} min")).format(h=hours, m=f"{rest:02d}")


def _tenths(bp: int) -> int:
    return (bp + 5) // 10 if bp >= 0 else -((-bp + 5) // 10)


def _points(bp: int, sign: bool = False) -> str:
    """Basis points as percent with one decimal, rounded half away from zero (9125 → 91.3)."""
    tenths = _tenths(abs(bp))
    prefix = _sign(bp) if sign else ("-" if bp < 0 else "")
    return f"{prefix}{tenths // 10}.{tenths % 10}"


def rate(bp: int | None) -> str:
    return "—" if bp is None else f"{_points(bp)}%"


def _arrow(delta: float) -> str:
    return "▲" if delta > 0 else "▼" if delta < 0 else "="


def _relative(delta: int, before: int) -> str:
    return f" ({delta * 100 / before:+.1f}%)" if before else ""


def _sign(delta: float) -> str:
    return "+" if delta > 0 else "-" if delta < 0 else ""


def count_change(now: int, before: int) -> str:
    delta = now - before
    return f"{_arrow(delta)} {_sign(delta)}{abs(delta)}{_relative(delta, before)}"


def money_change(now: int, before: int) -> str:
    delta = now - before
    return f"{_arrow(delta)} {_sign(delta)}{format_yuan(abs(delta))}{_relative(delta, before)}"


def minutes_change(now: int | None, before: int | None) -> str | None:
    if now is None or before is None:
        return None
    delta = now - before
    return f"{_arrow(delta)} {_sign(delta)}{duration(abs(delta))}"


def rate_change(now: int | None, before: int | None) -> str | None:
    """The change in percentage points between the rates as shown (to one decimal), so
    91.3% against 91.4% reads -0.1."""
    if now is None or before is None:
        return None
    delta = (_tenths(now) - _tenths(before)) * 10
    return f"{_arrow(delta)} " + _t(QT_TRANSLATE_NOOP("Reports", "{delta} points")).format(
        delta=_points(delta, sign=True)
    )


@dataclass(frozen=True)
class Figure:
    value: str
    detail: str = ""
    previous: str | None = None  # the previous period's value, when comparing
    change: str | None = None


def figures(report: Report, previous: Report | None = None) -> dict[str, Figure]:
    """What each card shows, in the order of card_titles()."""
    r, rev, w, x = report, report.revenue, report.workshop, report.extra
    shown: dict[str, Figure] = {
        "received": Figure(
            str(r.received),
            _t(QT_TRANSLATE_NOOP("Reports", "{n} declined")).format(n=r.declined),
        ),
        "released": Figure(
            str(r.released),
            _t(QT_TRANSLATE_NOOP("Reports", "{n} settled")).format(n=rev.settled_orders),
        ),
        "revenue": Figure(
            format_yuan(rev.total_fen),
            _t(
                QT_TRANSLATE_NOOP("Reports", "Labour {labour} · parts {parts} · fees {fees}")
            ).format(
                labour=format_yuan(rev.labour_fen),
                parts=format_yuan(rev.parts_fen),
                fees=format_yuan(rev.fees_fen),
            ),
        ),
        "paid": Figure(
            format_yuan(rev.paid_fen),
            _t(QT_TRANSLATE_NOOP("Reports", "Discounts {amount}")).format(
                amount=format_yuan(rev.discount_fen)
            ),
        ),
        "arrears": Figure(
            format_yuan(rev.arrears_fen),
            _t(QT_TRANSLATE_NOOP("Reports", "Outstanding at the end: {amount}")).format(
                amount=format_yuan(rev.open_arrears_fen)
            ),
        ),
        "promise": Figure(
            rate(w.kept_rate_bp),
            _t(QT_TRANSLATE_NOOP("Reports", "{kept} of {due} kept")).format(
                kept=w.promises_kept, due=w.promises_due
            )
            if w.promises_due
            else _t(QT_TRANSLATE_NOOP("Reports", "No promise was due")),
        ),
        "workshop": Figure(
            "—" if w.average_minutes is None else duration(w.average_minutes),
            _t(QT_TRANSLATE_NOOP("Reports", "{n} orders completed")).format(n=w.completed),
        ),
        "extra": Figure(
            str(x.accepted),
            _t(QT_TRANSLATE_NOOP("Reports", "of {offered} offered · {amount}")).format(
                offered=x.offered, amount=format_yuan(x.accepted_fen)
            ),
        ),
    }
    if previous is None:
        return shown
    p, prev, pw = previous, previous.revenue, previous.workshop
    compared = {
        "received": (str(p.received), count_change(r.received, p.received)),
        "released": (str(p.released), count_change(r.released, p.released)),
        "revenue": (format_yuan(prev.total_fen), money_change(rev.total_fen, prev.total_fen)),
        "paid": (format_yuan(prev.paid_fen), money_change(rev.paid_fen, prev.paid_fen)),
        "arrears": (format_yuan(prev.arrears_fen), money_change(rev.arrears_fen, prev.arrears_fen)),
        "promise": (rate(pw.kept_rate_bp), rate_change(w.kept_rate_bp, pw.kept_rate_bp)),
        "workshop": (
            "—" if pw.average_minutes is None else duration(pw.average_minutes),
            minutes_change(w.average_minutes, pw.average_minutes),
        ),
        "extra": (str(p.extra.accepted), count_change(x.accepted, p.extra.accepted)),
    }
    return {
        key: Figure(figure.value, figure.detail, *compared[key]) for key, figure in shown.items()
    }


class FigureCard(QFrame):
    """One headline figure; its labels are named report_<key>[_detail|_previous|_change]."""

    def __init__(self, key: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.setObjectName("report_card")
        self.setStyleSheet(CARD_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 8, 6)
        layout.setSpacing(2)
        self.title = QLabel(title, objectName=f"report_{key}_title")
        self.title.setStyleSheet(FAINT_STYLE)
        self.value = QLabel(objectName=f"report_{key}")
        self.value.setStyleSheet(VALUE_STYLE)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail = QLabel(objectName=f"report_{key}_detail")
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet(FAINT_STYLE)
        self.previous = QLabel(objectName=f"report_{key}_previous")
        self.change = QLabel(objectName=f"report_{key}_change")
        for label in (self.title, self.value, self.detail, self.previous, self.change):
            layout.addWidget(label)
        layout.addStretch(1)

    def show_figure(self, figure: Figure) -> None:
        self.value.setText(figure.value)
        self.detail.setText(figure.detail)
        self.detail.setVisible(bool(figure.detail))
        comparing = figure.previous is not None
        self.previous.setText(
            self.tr("Previous period: {value}").format(value=figure.previous) if comparing else ""
        )
        self.previous.setVisible(comparing)
        self.change.setText(figure.change or ("—" if comparing else ""))
        self.change.setVisible(comparing)
