"""Warranty and first service (R19): the orders whose warranty lines are still to be
claimed from the manufacturer, the claims open with it (submitted, or approved and not
paid; the days open in red with a word once due for a chase) with the manufacturer's
answer recorded here (File claim… / Approved… / Rejected… / Paid…, ui/warranty_forms.py),
the printed list of open claims (索赔单跟踪表), this month's figures, and the cars in or
near their first free service (首保): Enter on one opens the car at reception
(``open_vehicle``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from service_desk.actions import printing as print_log
from service_desk.actions import warranty as wa
from service_desk.domain import warranty as rules
from service_desk.domain.clock import parse
from service_desk.domain.money import format_yuan
from service_desk.printing.warranty_forms import WARRANTY_CLAIMS, render_open_claims
from service_desk.ui import ask, keyboard
from service_desk.ui import printing as ui_printing
from service_desk.ui import warranty_messages as texts
from service_desk.ui.models import Index, Row, RowsModel
from service_desk.ui.search_box import model_name
from service_desk.ui.session import Session
from service_desk.ui.views import queue_table
from service_desk.ui.warranty_forms import ClaimForm
from service_desk.ui.workshop_common import message_line


def _c(text: str) -> str:
    return QCoreApplication.translate("Columns", text)


class ColouredModel(RowsModel):
    """Rows whose status column is coloured (the colour from the row), bold when urgent."""

    def __init__(
        self,
        columns: list[tuple[str, Callable[[Row], str]]],
        status_header: str,
        colour: Callable[[Row], str | None],
        urgent: Callable[[Row], bool],
        parent: QWidget | None = None,
    ):
        super().__init__(columns, parent)
        self.status_header = status_header
        self.colour = colour
        self.urgent = urgent

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        is_status = self.columns[index.column()][0] == self.status_header
        if role == Qt.ItemDataRole.ForegroundRole and is_status:
            colour = self.colour(row)
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.FontRole and is_status and self.urgent(row):
            font = QFont()
            font.setBold(True)
            return font
        return super().data(index, role)


def _day(text: str | None, now: dt.datetime) -> str:
    return parse(text).astimezone(now.tzinfo).date().isoformat() if text else "—"


class WarrantyPage(QWidget):
    open_vehicle = Signal(int, int)  # customer id, vehicle id

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.loaded = False
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.summary = QLabel(objectName="warranty_summary")
        self.refresh_button = QPushButton(self.tr("Refresh"), objectName="warranty_refresh")
        self.print_button = QPushButton(self.tr("&Print open claims"), objectName="warranty_print")
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.print_button)
        outer.addLayout(top)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        lists = QWidget()
        left = QVBoxLayout(lists)
        left.setContentsMargins(0, 0, 0, 0)
        self._build_to_claim(left)
        self._build_open(left)
        self._build_first(left)
        splitter.addWidget(lists)

        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        self.result = QLabel(objectName="warranty_result")
        self.result.setWordWrap(True)
        self.result.hide()
        column.addWidget(self.result)
        self.form = ClaimForm(session)
        column.addWidget(self.form)
        keyboard.set_primary(self.form, self.form.ok, self.form.confirm)
        keyboard.install_primary(self, self._primary)
        self.hint = QLabel(
            self.tr(
                "Pick an order to claim and press File claim…, or pick an open claim and "
                "record the manufacturer's answer: Approved…, Rejected… or Paid…."
            ),
            objectName="warranty_hint",
        )
        self.hint.setWordWrap(True)
        column.addWidget(self.hint)
        self.message = message_line("warranty_message")
        column.addWidget(self.message)
        column.addWidget(QLabel("<b>" + self.tr("This month") + "</b>"))
        self.figures = QLabel(objectName="warranty_figures")
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        column.addWidget(self.figures)
        column.addStretch(1)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1000, 400])
        outer.addWidget(splitter, 1)

        self.refresh_button.clicked.connect(self.refresh)
        self.print_button.clicked.connect(lambda: self.print_open_claims())
        self.form.done.connect(self._done)
        self.form.closed.connect(self._form_closed)
        session.changed.connect(self._changed)

    # ---------------------------------------------------------------- the lists
    def _section(self, layout: QVBoxLayout, title: str) -> None:
        layout.addWidget(QLabel("<b>" + title + "</b>"))

    def _empty(self, layout: QVBoxLayout, text: str, name: str) -> QLabel:
        label = QLabel(text, objectName=name)
        label.setWordWrap(True)
        layout.addWidget(label)
        return label

    def _build_to_claim(self, layout: QVBoxLayout) -> None:
        self._section(layout, self.tr("Orders to claim"))
        self.to_claim_model = RowsModel(
            [
                (_c(QT_TRANSLATE_NOOP("Columns", "Order")), lambda r: r["number"]),
                (_c(QT_TRANSLATE_NOOP("Columns", "Plate")), lambda r: r["plate"]),
                (_c(QT_TRANSLATE_NOOP("Columns", "Model")), lambda r: model_name(r["model_code"])),
                (_c(QT_TRANSLATE_NOOP("Columns", "Customer")), lambda r: r["customer_name"]),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Finished")),
                    lambda r: _day(r["finished_at"], self.now()),
                ),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Warranty")),
                    lambda r: format_yuan(r["warranty_fen"]),
                ),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Rejected before")),
                    lambda r: str(r["rejected_claims"] or ""),
                ),
            ],
            self,
        )
        self.to_claim = queue_table(self.to_claim_model, "warranty_to_claim")
        layout.addWidget(self.to_claim, 1)
        self.to_claim_empty = self._empty(
            layout,
            self.tr("No order to claim: settled orders with lines paid by warranty appear here."),
            "warranty_to_claim_empty",
        )
        row = QHBoxLayout()
        row.addStretch(1)
        self.file_button = QPushButton(self.tr("&File claim…"), objectName="warranty_file")
        row.addWidget(self.file_button)
        layout.addLayout(row)
        self.file_button.clicked.connect(self.start_file)
        self.to_claim.activated.connect(lambda _i: self.start_file())
        self.to_claim.selectionModel().currentChanged.connect(lambda *_a: self._enable())

    def _build_open(self, layout: QVBoxLayout) -> None:
        self._section(layout, self.tr("Open claims"))
        days = _c(QT_TRANSLATE_NOOP("Columns", "Days open"))
        self.open_model = ColouredModel(
            [
                (_c(QT_TRANSLATE_NOOP("Columns", "Claim no.")), lambda r: r["claim_number"]),
                (_c(QT_TRANSLATE_NOOP("Columns", "Order")), lambda r: r["order_number"]),
                (_c(QT_TRANSLATE_NOOP("Columns", "Plate")), lambda r: r["plate"]),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Filed")),
                    lambda r: _day(r["submitted_at"], self.now()),
                ),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "State")),
                    lambda r: texts.claim_state(r["state"]),
                ),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Claimed")),
                    lambda r: format_yuan(r["claimed_fen"]),
                ),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Approved")),
                    lambda r: "—" if r["approved_fen"] is None else format_yuan(r["approved_fen"]),
                ),
                (days, self._days_open),
            ],
            days,
            lambda r: texts.RED if r["chase"] else None,
            lambda r: bool(r["chase"]),
            self,
        )
        self.open_claims = queue_table(self.open_model, "warranty_open")
        layout.addWidget(self.open_claims, 1)
        self.open_empty = self._empty(
            layout,
            self.tr("No claim open with the manufacturer."),
            "warranty_open_empty",
        )
        row = QHBoxLayout()
        row.addStretch(1)
        self.approve_button = QPushButton(self.tr("&Approved…"), objectName="warranty_approve")
        self.reject_button = QPushButton(self.tr("Re&jected…"), objectName="warranty_reject")
        self.paid_button = QPushButton(self.tr("Pai&d…"), objectName="warranty_paid")
        for button in (self.reject_button, self.approve_button, self.paid_button):
            row.addWidget(button)
        layout.addLayout(row)
        self.approve_button.clicked.connect(lambda: self._claim_step(self.form.start_approve))
        self.reject_button.clicked.connect(lambda: self._claim_step(self.form.start_reject))
        self.paid_button.clicked.connect(lambda: self._claim_step(self.form.start_pay))
        self.open_claims.activated.connect(lambda _i: self._next_step())
        self.open_claims.selectionModel().currentChanged.connect(lambda *_a: self._enable())

    def _days_open(self, row: Row) -> str:
        text = texts.days_text(row["age_days"])
        if row["chase"]:
            text += " · " + texts.chase_word()
        return text

    def _build_first(self, layout: QVBoxLayout) -> None:
        self._section(layout, self.tr("First free service (首保)"))
        status = _c(QT_TRANSLATE_NOOP("Columns", "Status"))
        self.first_model = ColouredModel(
            [
                (_c(QT_TRANSLATE_NOOP("Columns", "Plate")), lambda r: r["line"].plate),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Model")),
                    lambda r: model_name(r["line"].model_code),
                ),
                (_c(QT_TRANSLATE_NOOP("Columns", "Customer")), lambda r: r["line"].customer_name),
                (_c(QT_TRANSLATE_NOOP("Columns", "Phone")), lambda r: r["line"].phone),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Bought")),
                    lambda r: str(r["line"].purchase_date or "—"),
                ),
                (status, lambda r: texts.first_status(r["line"].status)),
                (_c(QT_TRANSLATE_NOOP("Columns", "Limit")), lambda r: texts.first_limit(r["line"])),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "About now")),
                    lambda r: texts.km(r["line"].service.predicted_km),
                ),
                (
                    _c(QT_TRANSLATE_NOOP("Columns", "Detail")),
                    lambda r: texts.first_detail(r["line"]),
                ),
            ],
            status,
            lambda r: texts.FIRST_COLOURS.get(r["line"].status),
            lambda r: r["line"].status == rules.OVERDUE,
            self,
        )
        self.first = queue_table(self.first_model, "warranty_first")
        self.first.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.first, 1)
        self.first_empty = self._empty(
            layout,
            self.tr("No car near its first service: cars appear here a month before it is due."),
            "warranty_first_empty",
        )
        self.first.activated.connect(self._open_vehicle)  # Enter or double-click

    # ---------------------------------------------------------------- refresh
    def now(self) -> dt.datetime:
        return self.session.ctx.clock()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self.loaded:
            self.refresh()

    def _changed(self, _kinds: set[str]) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self.loaded = False

    def refresh(self) -> None:
        db, now = self.session.db, self.now()
        to_claim = wa.orders_to_claim(db)
        self.to_claim_model.set_rows(to_claim)
        self.to_claim_empty.setVisible(not to_claim)
        claims = wa.open_claims(db, now)
        self.open_model.set_rows(claims)
        self.open_empty.setVisible(not claims)
        lines = wa.first_service_list(db, now.date())
        self.first_model.set_rows([{"id": x.vehicle_id, "line": x} for x in lines])
        self.first_empty.setVisible(not lines)
        chase = sum(1 for c in claims if c["chase"])
        self.summary.setText(
            self.tr(
                "{to_claim} orders to claim · {open} claims open ({chase} to chase), "
                "{expected} expected · {first} cars due for their first service"
            ).format(
                to_claim=len(to_claim),
                open=len(claims),
                chase=chase,
                expected=format_yuan(sum(c["expected_fen"] for c in claims)),
                first=sum(1 for x in lines if x.status in (rules.DUE, rules.OVERDUE)),
            )
        )
        self._show_figures(now)
        self._enable()
        self.loaded = True

    def _show_figures(self, now: dt.datetime) -> None:
        first = now.date().replace(day=1)
        f = wa.claim_figures(self.session.db, first, now.date(), now)
        rows = [
            (self.tr("Filed"), f.filed_count, f.filed_fen),
            (self.tr("Approved"), f.approved_count, f.approved_fen),
            (self.tr("Paid"), f.paid_count, f.paid_fen),
            (self.tr("Rejected"), f.rejected_count, f.rejected_fen),
        ]
        html = "".join(
            f"<tr><td>{name}</td><td align='right'>{n}</td>"
            f"<td align='right'>{format_yuan(fen)}</td></tr>"
            for name, n, fen in rows
        )
        note = ""
        if f.shortfall_fen:
            note = "<br>" + self.tr("Paid short of the approval: {amount}").format(
                amount=format_yuan(f.shortfall_fen)
            )
        self.figures.setText(f"<table cellspacing='6'>{html}</table>{note}")

    def _selected(self, view: QTableView) -> Row | None:
        return view.model().row_at(view.currentIndex().row())

    def _enable(self) -> None:
        self.file_button.setEnabled(self._selected(self.to_claim) is not None)
        claim = self._selected(self.open_claims)
        state = claim["state"] if claim else ""
        self.approve_button.setEnabled(state == "submitted")
        self.reject_button.setEnabled(state == "submitted")
        self.paid_button.setEnabled(state == "approved")

    # ---------------------------------------------------------------- steps
    def start_file(self) -> None:
        order = self._selected(self.to_claim)
        if order is not None:
            self._start(lambda: self.form.start_file(order))

    def _claim_step(self, start: Callable[[Row], None]) -> None:
        claim = self._selected(self.open_claims)
        if claim is not None:
            self._start(lambda: start(claim))

    def _primary(self) -> None:
        """Ctrl+Enter outside the form: confirm it when open, else the next step of the
        claim or order picked (as Enter on its row)."""
        if self.form.isVisible():
            self.form.confirm()
        elif self.open_claims.hasFocus():
            self._next_step()
        elif self.to_claim.hasFocus():
            self.start_file()

    def _next_step(self) -> None:
        """Enter on an open claim: its next step (approved for a submitted one, paid for
        an approved one)."""
        claim = self._selected(self.open_claims)
        if claim is None:
            return
        start = self.form.start_approve if claim["state"] == "submitted" else self.form.start_pay
        self._start(lambda: start(claim))

    def _start(self, open_form: Callable[[], None]) -> None:
        self.result.hide()
        self.message.hide()
        self.hint.hide()
        open_form()

    def _done(self, step: str, claim_id: int) -> None:
        claim = wa.claim(self.session.db, claim_id) or {}
        number = claim.get("claim_number", "")
        said = {
            "file": self.tr("Claim {number} filed."),
            "approve": self.tr("Claim {number}: approval recorded."),
            "reject": self.tr(
                "Claim {number}: rejection recorded; the order can be claimed again."
            ),
            "pay": self.tr("Claim {number}: payment recorded."),
        }[step]
        self.refresh()
        self.hint.show()
        self.result.setText(said.format(number=number))
        self.result.show()

    def _form_closed(self) -> None:
        self.hint.show()

    def _open_vehicle(self, index: QModelIndex) -> None:
        row = self.first_model.row_at(index.row())
        if row is not None:
            self.open_vehicle.emit(row["line"].customer_id, row["line"].vehicle_id)

    # ---------------------------------------------------------------- printing
    def print_open_claims(self, choose: bool = False) -> bool:
        ctx = self.session.ctx

        def step() -> None:
            actor = ctx.actor()
            document = render_open_claims(ctx.db, printed_by=actor["name"], now=ctx.clock())
            printer = ui_printing.remembered_printer(WARRANTY_CLAIMS)
            title = ui_printing.form_name(WARRANTY_CLAIMS)
            if (choose or not ui_printing.has_remembered_printer(WARRANTY_CLAIMS)) and not (
                ask.choose_printer(self, printer, title)
            ):
                return
            pages = ui_printing.send_to_printer(document, printer)
            ui_printing.remember_printer(WARRANTY_CLAIMS, printer)
            print_log.record_print(
                ctx, None, WARRANTY_CLAIMS, printer.printerName() or printer.outputFileName(), pages
            )
            self.session.notify("prints")

        self.message.hide()
        return ui_printing.run_print(step, self.message)
