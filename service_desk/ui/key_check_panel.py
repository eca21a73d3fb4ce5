"""The end-of-day check of the key cabinet: the three kinds of exceptions, on screen and
on paper (R8, R14).

1. keys of cars that have left (released, done …) still on a hook or out;
2. keys out with someone for longer than the alert hours (a setting);
3. cars checked in with no key registered.

A row picked makes its order the current one (its keys show on the other page).
The printed report goes to its own printer (asked once) and is logged without an order.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from service_desk.actions import keys as key_actions
from service_desk.actions.context import ActionError
from service_desk.domain.keys import Finding, Reconciliation
from service_desk.printing.errors import FontMissingError
from service_desk.printing.key_forms import render_key_report
from service_desk.store.errors import StorageError
from service_desk.ui import colours, labels
from service_desk.ui import printing as ui_printing
from service_desk.ui.fields import ERROR_STYLE
from service_desk.ui.key_messages import hours_text, kind_name
from service_desk.ui.key_order_panel import hhmm, table
from service_desk.ui.messages import error_text
from service_desk.ui.models import RowsModel, _c
from service_desk.ui.session import Session

REPORT = "key_report"
CLEAN_STYLE = colours.text_style(colours.READY, bold=True)
ALERT_STYLE = colours.text_style(colours.OVERDUE, bold=True)


def _key(f: dict[str, Any]) -> str:
    kind = kind_name(f["key_kind"])
    return f"{kind} · {f['label']}" if f["label"] else kind


def _findings_model(columns: list[tuple[str, Any]], parent: QWidget) -> RowsModel:
    """Findings as rows (dicts); the order's state in its colour, as everywhere."""
    order = [
        (_c(QT_TRANSLATE_NOOP("Columns", "Order")), lambda f: f["number"]),
        (_c(QT_TRANSLATE_NOOP("Columns", "Plate")), lambda f: f["plate"]),
    ]
    model = RowsModel(order + columns, parent)
    model.state_header = _c(QT_TRANSLATE_NOOP("Columns", "Status"))
    return model


class KeyCheckPanel(QWidget):
    order_picked = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.report: Reconciliation | None = None
        layout = QVBoxLayout(self)
        self.verdict = QLabel(objectName="check_verdict")
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)

        status = (_c(QT_TRANSLATE_NOOP("Columns", "Status")), lambda f: labels.state(f["state"]))
        key = (_c(QT_TRANSLATE_NOOP("Columns", "Key")), _key)
        self.released = _findings_model(
            [status, key, (_c(QT_TRANSLATE_NOOP("Columns", "Where")), self._where)], self
        )
        self.overdue = _findings_model(
            [
                key,
                (_c(QT_TRANSLATE_NOOP("Columns", "Holder")), lambda f: f["holder"]),
                (_c(QT_TRANSLATE_NOOP("Columns", "Out since")), lambda f: hhmm(f["since"])),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Out for")),
                    lambda f: hours_text(f["hours"] or 0),
                ),
            ],
            self,
        )
        self.no_key = _findings_model([status], self)
        self.views: list[QTableView] = []
        self.boxes: list[QGroupBox] = []
        for model, name in (
            (self.released, "check_released"),
            (self.overdue, "check_overdue"),
            (self.no_key, "check_no_key"),
        ):
            box = QGroupBox()
            box_layout = QVBoxLayout(box)
            view = table(model, name)
            view.clicked.connect(lambda index, m=model: self._picked(m, index))
            view.activated.connect(lambda index, m=model: self._picked(m, index))
            box_layout.addWidget(view)
            layout.addWidget(box, 1)
            self.views.append(view)
            self.boxes.append(box)

        self.message = QLabel(objectName="check_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.refresh_button = QPushButton(self.tr("Check again"), objectName="check_refresh")
        self.preview_button = QPushButton(self.tr("Preview report …"), objectName="check_preview")
        self.print_button = QPushButton(self.tr("Print report"), objectName="check_print")
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.print_button)
        layout.addLayout(buttons)
        self.refresh_button.clicked.connect(self.refresh)
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(lambda: self.print_report())

    def _where(self, f: dict[str, Any]) -> str:
        if f["hook"] is not None:
            return self.tr("On hook {hook}").format(hook=f["hook"])
        return self.tr("Out with {name}").format(name=f["holder"])

    def refresh(self) -> None:
        self.report = key_actions.reconciliation(self.session.ctx)
        report = self.report
        titles = (
            self.tr("1. Car has left, key still here ({n})"),
            self.tr("2. Out longer than {hours} h ({n})"),
            self.tr("3. Car checked in, no key registered ({n})"),
        )
        parts = (report.released_keys, report.out_too_long, report.no_key)
        for box, title, model, found in zip(
            self.boxes, titles, (self.released, self.overdue, self.no_key), parts, strict=True
        ):
            model.set_rows([self._row(f) for f in found])
            box.setTitle(title.format(n=len(found), hours=report.alert_hours))
        count = len(report.findings)
        if count:
            self.verdict.setText(
                self.tr("{n} exceptions to clear before closing ({time}).").format(
                    n=count, time=report.at.strftime("%H:%M")
                )
            )
            self.verdict.setStyleSheet(ALERT_STYLE)
        else:
            self.verdict.setText(
                self.tr("All clear: every key is where the orders say ({time}).").format(
                    time=report.at.strftime("%H:%M")
                )
            )
            self.verdict.setStyleSheet(CLEAN_STYLE)

    @staticmethod
    def _row(f: Finding) -> dict[str, Any]:
        return {**asdict(f), "id": f.order_id, "state": f.order_state}

    def count(self) -> int:
        return len(self.report.findings) if self.report else 0

    def _picked(self, model: RowsModel, index: QModelIndex) -> None:
        finding = model.row_at(index.row())
        if finding is not None:
            self.order_picked.emit(finding["order_id"])

    # ---------------------------------------------------------------- printing
    def _render(self) -> bytes:
        ctx = self.session.ctx
        actor = ctx.actor()
        self.refresh()
        assert self.report is not None
        return render_key_report(ctx.db, self.report, printed_by=actor["name"])

    def print_report(self, choose: bool = False) -> None:
        def run() -> None:
            ui_printing.print_unattached(self.session, self, REPORT, self._render(), choose)

        self._run(run)

    def preview(self) -> None:
        def run() -> None:
            pdf = self._render()
            ui_printing.preview_unattached(
                REPORT, pdf, lambda choose: self.print_report(choose), self
            )

        self._run(run)

    def _run(self, step: Any) -> None:
        self.message.hide()
        try:
            step()
        except (ActionError, StorageError) as exc:
            self.message.setText(error_text(exc))
            self.message.show()
        except (ui_printing.PrintError, FontMissingError) as exc:
            self.message.setText(ui_printing.print_error_text(exc))
            self.message.show()
