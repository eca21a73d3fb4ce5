"""The repair order as the advisor writes it with the customer (R4–R6, R19)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtGui import QIntValidator, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from service_desk import reference
from service_desk.actions import orders
from service_desk.actions.context import ActionError
from service_desk.actions.promise import suggested_promise
from service_desk.domain import lifecycle
from service_desk.domain.clock import parse
from service_desk.domain.money import MoneyError, format_yuan, parse_yuan
from service_desk.domain.order_number import spoken
from service_desk.domain.pricing import LineDraft, PricingError, clauses, totals
from service_desk.domain.validation import ValidationError
from service_desk.printing.forms import kinds_for
from service_desk.store import queries, release_queries, settings
from service_desk.store.errors import StorageError
from service_desk.ui import ask, colours, keyboard, labels
from service_desk.ui.checkout_messages import comeback_text
from service_desk.ui.fields import ERROR_STYLE, FieldErrors
from service_desk.ui.i18n import ui_lang
from service_desk.ui.line_entry import LineEntry
from service_desk.ui.messages import error_text
from service_desk.ui.models import lines_model
from service_desk.ui.order_history import OrderHistoryDialog
from service_desk.ui.printing import Printing, form_name, run_print
from service_desk.ui.search_box import model_name
from service_desk.ui.session import Session
from service_desk.ui.supervisor import ask_supervisor


def system_name(code: str | None) -> str:
    if not code:
        return ""
    try:
        return reference.vehicle_system(code).name(ui_lang())
    except KeyError:
        return code


class OrderForm(QWidget):
    opened = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.customer_id: int | None = None
        self._suggested: dt.datetime | None = None
        self.vehicle_id: int | None = None
        self.order_id: int | None = None
        self.errors = FieldErrors()
        self._build()

    # ---------------------------------------------------------------- layout
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        self.header = QLabel(objectName="order_header")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        outer.addWidget(self.header)
        # the fields and lines scroll on a small screen (1366×768, or 150 % on 1920×1080);
        # the header and the buttons stay in sight
        body = QWidget(objectName="order_body")
        main = QVBoxLayout(body)
        main.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(objectName="order_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        top = QHBoxLayout()
        left = QFormLayout()
        self.request = QPlainTextEdit(objectName="order_request")
        self.request.setPlaceholderText(self.tr("The customer's request, in their own words"))
        self.request.setTabChangesFocus(True)
        colours.fit_lines(self.request, 3)
        self.other = QLineEdit(objectName="order_other")
        self.other.setPlaceholderText(self.tr("Other requests (wash, keep old parts …)"))
        self.errors.add_row(left, self.tr("Customer's request *"), self.request, "request")
        self.errors.add_row(left, self.tr("Other requests"), self.other, "other_requests")
        consent_row = QWidget()
        row = QHBoxLayout(consent_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.consent = QPushButton(
            self.tr("Customer co&nsents to a diagnosis"), objectName="order_consent"
        )
        self.consent_label = QLabel(objectName="order_consent_label")
        row.addWidget(self.consent)
        row.addWidget(self.consent_label, 1)
        left.addRow(self.tr("Diagnosis"), consent_row)
        self.technician = QLineEdit(objectName="order_technician")
        self.technician.setPlaceholderText(self.tr("Technician called in (if any)"))
        self.diagnosis = QPlainTextEdit(objectName="order_diagnosis")
        self.diagnosis.setPlaceholderText(self.tr("Fault found and recommended repair"))
        self.diagnosis.setTabChangesFocus(True)
        colours.fit_lines(self.diagnosis, 2)
        self.errors.add_row(left, self.tr("Technician"), self.technician, "technician")
        self.errors.add_row(left, self.tr("Findings"), self.diagnosis, "diagnosis")
        top.addLayout(left, 3)

        right = QFormLayout()
        self.odometer = QLineEdit(objectName="order_odometer")
        self.odometer.setValidator(QIntValidator(0, 2_000_000, self))
        self.odometer.setPlaceholderText(self.tr("km"))
        self.odometer_reason = QLineEdit(objectName="order_odometer_reason")
        self.odometer_reason.setPlaceholderText(self.tr("Reason if lower than last time"))
        self.category = QComboBox(objectName="order_category")
        self.category.addItem("", None)
        for c in reference.repair_categories():
            self.category.addItem(c.name(ui_lang()), c.code)
        self.promised = QDateTimeEdit(objectName="order_promised")
        self.promised.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.promised.setCalendarPopup(True)
        self.errors.add_row(right, self.tr("Odometer in"), self.odometer, "odometer")
        right.addRow("", self.odometer_reason)
        self.errors.add_row(right, self.tr("Repair category"), self.category, "repair_category")
        self.suggest = QPushButton(self.tr("S&uggest"), objectName="order_suggest_promise")
        self.suggest.setToolTip(
            self.tr(
                "Suggest a delivery time from this order's labour, the work already promised "
                "ahead of it and the workshop's open hours, plus the margin in settings"
            )
        )
        self.suggestion = QLabel(objectName="order_suggestion")
        self.suggestion.setStyleSheet(colours.FAINT_STYLE)
        promise_row = QWidget()
        promise_layout = QHBoxLayout(promise_row)
        promise_layout.setContentsMargins(0, 0, 0, 0)
        promise_layout.addWidget(self.promised, 1)
        promise_layout.addWidget(self.suggest)
        self.errors.add_row(right, self.tr("Promised delivery *"), promise_row, "promised_at")
        right.addRow("", self.suggestion)
        top.addLayout(right, 2)
        main.addLayout(top)

        lines_box = QGroupBox(self.tr("Work items and parts"))
        box = QVBoxLayout(lines_box)
        jobs = QHBoxLayout()
        self.job = QComboBox(objectName="order_job")
        self.job.addItem(self.tr("Standard job …"), None)
        for job in reference.standard_jobs():
            self.job.addItem(job.name(ui_lang()), job.code)
        self.apply_job = QPushButton(self.tr("&Fill in"), objectName="order_apply_job")
        self.remove_line = QPushButton(self.tr("S&trike out line"), objectName="order_remove_line")
        jobs.addWidget(self.job, 2)
        jobs.addWidget(self.apply_job)
        jobs.addStretch(1)
        jobs.addWidget(self.remove_line)
        box.addLayout(jobs)
        self.lines = lines_model(system_name, self)
        self.table = QTableView(objectName="order_lines")
        self.table.setModel(self.lines)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        # the columns fit their contents when the lines change (refresh), not at each
        # layout and paint of the form (ResizeToContents measured every cell 3–4 times
        # per order opened)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        box.addWidget(self.table, 1)
        self.no_lines = QLabel(
            self.tr(
                "No line yet: pick a standard job above and Fill in (Alt+F), or type a line "
                "below and Add it (Enter)."
            ),
            objectName="order_no_lines",
        )
        self.no_lines.setWordWrap(True)
        self.no_lines.setStyleSheet(colours.EMPTY_STYLE)
        box.addWidget(self.no_lines)
        self.entry = LineEntry(settings.get(self.session.db, "symptom_margin_bp"))
        box.addWidget(self.entry)
        main.addWidget(lines_box, 1)

        bottom = QGridLayout()
        self.totals = QLabel(objectName="order_totals")
        self.clauses = QLabel(objectName="order_clauses")
        self.clauses.setWordWrap(True)
        self.clauses.setStyleSheet(colours.WARNING_STYLE)
        self.message = QLabel(objectName="order_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.errors.fallback = self.message
        bottom.addWidget(self.totals, 0, 0)
        bottom.addWidget(self.clauses, 1, 0)
        bottom.addWidget(self.message, 2, 0)
        main.addLayout(bottom)

        buttons = QHBoxLayout()
        self.void = QPushButton(self.tr("&Void …"), objectName="order_void")
        self.hand_on = QPushButton(self.tr("&Hand on …"), objectName="order_hand_on")
        self.fee = QLineEdit(objectName="order_fee")
        self.fee.setFixedWidth(self.fee.fontMetrics().horizontalAdvance("8,888.88") + 16)
        self.fee.setToolTip(self.tr("Diagnosis / estimate fee charged when the customer declines"))
        self.decline = QPushButton(self.tr("Customer &declines"), objectName="order_decline")
        self.save = QPushButton(self.tr("&Save"), objectName="order_save")
        self.open_order = QPushButton(self.tr("&Open repair order"), objectName="order_open")
        self.sign = QPushButton(self.tr("Customer si&gns"), objectName="order_sign")
        self.sign.setDefault(True)
        self.print_button = QPushButton(self.tr("&Print …"), objectName="order_print")
        self.print_menu = QMenu(self.print_button)
        self.print_button.setMenu(self.print_menu)
        self.preview_button = QPushButton(self.tr("P&review …"), objectName="order_preview")
        self.preview_menu = QMenu(self.preview_button)
        self.preview_button.setMenu(self.preview_menu)
        self.history = QPushButton(self.tr("Histor&y"), objectName="order_history")
        self.history.setToolTip(self.tr("Every change to this order, with who and when (Ctrl+H)"))
        self.print_log = QLabel(objectName="order_print_log")
        self.print_log.setStyleSheet(colours.FAINT_STYLE)
        for widget in (
            self.void,
            self.hand_on,
            self.print_button,
            self.preview_button,
            self.history,
            self.print_log,
        ):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(QLabel(self.tr("Fee ¥")))
        for widget in (self.fee, self.decline, self.save, self.open_order, self.sign):
            buttons.addWidget(widget)
        outer.addLayout(buttons)

        self.consent.clicked.connect(lambda: self._run(self._consent))
        self.apply_job.clicked.connect(lambda: self._run(self._apply_job))
        self.remove_line.clicked.connect(lambda: self._run(self._remove_line))
        self.entry.submitted.connect(lambda d: self._run(lambda: self._add_line(d)))
        self.save.clicked.connect(lambda: self._run(self._save))
        self.open_order.clicked.connect(lambda: self._run(self._open))
        self.suggest.clicked.connect(lambda: self._run(self._suggest))
        self.sign.clicked.connect(lambda: self._run(self._sign))
        self.decline.clicked.connect(lambda: self._run(self._decline))
        self.void.clicked.connect(lambda: self._run(self._void))
        self.hand_on.clicked.connect(lambda: self._run(self._hand_on))
        self.history.clicked.connect(self.show_history)
        QShortcut(QKeySequence("Ctrl+H"), self, self.show_history)
        self.printing = Printing(self.session, self)
        self.print_menu.aboutToShow.connect(lambda: self._fill_forms(self.print_menu, False))
        self.preview_menu.aboutToShow.connect(lambda: self._fill_forms(self.preview_menu, True))
        QShortcut(QKeySequence("Ctrl+P"), self, lambda: self._print("repair_order"))
        keyboard.set_primary(self, None, self.primary)  # open the order, then signing
        QShortcut(QKeySequence("Ctrl+S"), self, lambda: self._run(self._save))

    # ---------------------------------------------------------------- loading
    def load(self, customer_id: int, vehicle_id: int | None, order_id: int | None) -> None:
        """Show a vehicle (new order) or an order; text fields are only reset here."""
        self.customer_id, self.vehicle_id, self.order_id = customer_id, vehicle_id, order_id
        self.errors.clear()
        order = queries.order(self.session.db, order_id) if order_id else None
        vehicle = queries.vehicle(self.session.db, vehicle_id) if vehicle_id else None
        order = order or {}
        self.request.setPlainText(order.get("request", ""))
        self.other.setText(order.get("other_requests", ""))
        self.technician.setText(order.get("technician", ""))
        self.diagnosis.setPlainText(order.get("diagnosis", ""))
        km = order.get("odometer_in")
        if km is None and vehicle:
            km = vehicle["last_km"]
        self.odometer.setText("" if km is None else str(km))
        self.odometer_reason.clear()
        self.category.setCurrentIndex(max(0, self.category.findData(order.get("repair_category"))))
        promised = order.get("promised_at")
        self.promised.setDateTime(
            QDateTime(parse(promised)) if promised else self._default_promise()
        )
        suggested = order.get("promised_suggested_at")
        self._suggested = parse(suggested) if suggested else None
        self._show_suggestion()
        self.fee.setText(format_yuan(settings.get(self.session.db, "diagnosis_fee_fen"), False))
        self.refresh()
        self.request.setFocus()

    def _default_promise(self) -> QDateTime:
        now = self.session.ctx.clock()
        later = now + dt.timedelta(hours=2, minutes=30 - now.minute % 30)
        return QDateTime(later.replace(second=0))

    def refresh(self) -> None:
        """Header, lines, totals and which buttons apply — never the text being typed."""
        db = self.session.db
        order = queries.order(db, self.order_id) if self.order_id else None
        customer = queries.customer(db, self.customer_id) if self.customer_id else None
        vehicle = queries.vehicle(db, self.vehicle_id) if self.vehicle_id else None
        self.header.setText(self._header_html(order, customer, vehicle))
        rows = queries.order_lines(db, self.order_id) if self.order_id else []
        self.lines.set_rows(rows)
        self.table.resizeColumnsToContents()
        editable_order = order is not None and order["state"] in lifecycle.EDITABLE
        self.no_lines.setVisible(editable_order and not rows)
        drafts = [LineDraft.from_row(r) for r in rows]
        t = totals(drafts)
        self.totals.setText(
            self.tr(
                "Labour {labour} · Parts {parts} · Fees {fees} · <b>Total {total}</b> "
                "(customer pays {customer})"
            ).format(
                labour=format_yuan(t.labour_fen),
                parts=format_yuan(t.parts_fen),
                fees=format_yuan(t.fees_fen),
                total=format_yuan(t.total_fen),
                customer=format_yuan(t.customer_fen),
            )
        )
        self.clauses.setText(self._clauses_text(drafts))
        state = order["state"] if order else None
        editable = state is None or state in lifecycle.EDITABLE
        has_order = order is not None
        for widget in (
            self.request,
            self.other,
            self.technician,
            self.diagnosis,
            self.odometer,
            self.odometer_reason,
            self.category,
            self.promised,
        ):
            widget.setEnabled(editable and self.vehicle_id is not None)
        for widget in (
            self.entry,
            self.job,
            self.apply_job,
            self.remove_line,
            self.save,
            self.sign,
            self.decline,
            self.fee,
        ):
            widget.setEnabled(has_order and editable)
        self.consent.setEnabled(
            has_order and state in ("reception", "estimate") and not order["diagnosis_consent"]
        )
        self.consent_label.setText(
            self.tr("Consent recorded {time}").format(time=order["consent_at"][11:16])
            if order and order["consent_at"]
            else ""
        )
        self.open_order.setVisible(not has_order)
        self.open_order.setEnabled(self.vehicle_id is not None)
        self.sign.setVisible(has_order)
        self.void.setEnabled(has_order and state in lifecycle.VOIDABLE)
        self.hand_on.setEnabled(has_order and state not in lifecycle.TERMINAL)
        self.print_button.setEnabled(has_order and state != "void")
        self.history.setEnabled(has_order)
        self.preview_button.setEnabled(has_order and state != "void")
        self.print_log.setText(self._print_log_text())

    def _header_html(self, order: dict | None, customer: dict | None, vehicle: dict | None) -> str:
        parts = []
        if order:
            colour = labels.state_colour(order["state"])
            parts.append(
                f"<span style='font-size:16pt'><b>{spoken(order['number'])}</b></span> "
                f"<span style='color:{colour}'>● {labels.state(order['state'])}</span> · "
                + self.tr("First contact: {name}").format(name=order["advisor_name"])
            )
        else:
            parts.append(
                "<span style='font-size:14pt'><b>" + self.tr("New repair order") + "</b></span>"
            )
        if order and order["promised_at"] and order["state"] not in lifecycle.TERMINAL:
            promised = parse(order["promised_at"])
            if promised < self.session.ctx.clock() and order["state"] not in (
                "released",
                "declined",
            ):
                parts[-1] += " · " + colours.span(
                    self.tr("promised {time}: overdue").format(
                        time=promised.strftime("%m-%d %H:%M")
                    ),
                    colours.OVERDUE,
                )
        link = release_queries.comeback(self.session.db, order["id"]) if order else None
        if link is not None:
            parts.append(colours.span(f"⚠ {comeback_text(link)}", colours.OVERDUE))
        if customer:
            parts.append(f"<b>{customer['name']}</b> {customer['phone']} {customer['company']}")
        if vehicle:
            due = vehicle["next_due_date"] or "—"
            km = vehicle["last_km"]
            parts.append(
                f"<b>{vehicle['plate']}</b> {model_name(vehicle['model_code'])} "
                f"VIN {vehicle['vin'] or '—'} · "
                + self.tr("last odometer {km} km · next service {due}").format(
                    km="—" if km is None else f"{km:,}", due=due
                )
            )
        return "<br>".join(parts)

    def _clauses_text(self, drafts: list[LineDraft]) -> str:
        critical = {s.code for s in reference.vehicle_systems() if s.critical}
        c = clauses(drafts, critical)
        notes = []
        if c.customer_parts:
            notes.append(self.tr("Customer-supplied parts: no quality guarantee (printed)."))
        if c.aftermarket_critical:
            notes.append(
                self.tr("Aftermarket part on a critical system: no quality guarantee (printed).")
            )
        if c.item_pricing:
            notes.append(
                self.tr("Item pricing: the customer is told quality may not be guaranteed.")
            )
        if c.symptom_pricing:
            notes.append(self.tr("Symptom pricing carries a risk margin."))
        return "\n".join(notes)

    # ---------------------------------------------------------------- actions
    def _run(self, step: Callable[[], None]) -> None:
        """Run one action; refusals are shown next to the fields, the typing is kept."""
        self.errors.clear()
        self.entry.error.hide()
        try:
            step()
        except ValidationError as exc:
            self.errors.show(exc.problems)
            return
        except PricingError as exc:
            self.entry.show_error(error_text(exc))
            return
        except (ActionError, StorageError) as exc:
            self.message.setText(error_text(exc))
            self.message.show()
            return
        self.session.notify("orders")

    def primary(self) -> None:
        """Ctrl+Enter: the rightmost button — open the repair order, then the signing."""
        if self.order_id is None:
            if self.open_order.isEnabled():
                self._run(self._open)
        elif self.sign.isVisible() and self.sign.isEnabled():
            self._run(self._sign)

    def _odometer(self) -> int | None:
        text = self.odometer.text().strip()
        return int(text) if text else None

    def _suggest(self) -> None:
        """Fill in the suggested delivery time; the advisor may still change it."""
        if self.order_id is None:
            return
        self._suggested = suggested_promise(self.session.ctx, self.order_id)
        self.promised.setDateTime(QDateTime(self._suggested))
        self._show_suggestion()

    def _show_suggestion(self) -> None:
        self.suggestion.setText(
            self.tr("Suggested: {time}").format(time=self._suggested.strftime("%m-%d %H:%M"))
            if self._suggested
            else ""
        )

    def _promised(self) -> dt.datetime:
        moment = self.promised.dateTime().toPython()
        return moment.replace(tzinfo=self.session.ctx.clock().tzinfo)

    def _save(self) -> None:
        if self.order_id is None:
            return
        reason = self.odometer_reason.text()
        orders.save_reception(
            self.session.ctx,
            self.order_id,
            request=self.request.toPlainText(),
            other_requests=self.other.text(),
            diagnosis=self.diagnosis.toPlainText(),
            technician=self.technician.text(),
            repair_category=self.category.currentData(),
            odometer_in=self._odometer(),
            odometer_reason=reason,
            promised_at=self._promised(),
            promised_suggested_at=self._suggested,
            confirmed={"odometer.lower"} if reason.strip() else set(),
        )

    def _open(self) -> None:
        if self.vehicle_id is None:
            return
        self.order_id = orders.open_order(
            self.session.ctx, self.vehicle_id, self.request.toPlainText()
        )
        try:
            self._save()
        finally:
            self.session.set_current_order(self.order_id)
            self.opened.emit(self.order_id)
            self.session.notify("orders")

    def _consent(self) -> None:
        self._save()
        orders.record_consent(self.session.ctx, self.order_id)

    def _add_line(self, draft: LineDraft) -> None:
        orders.add_line(self.session.ctx, self.order_id, draft)
        self.entry.reset()

    def _apply_job(self) -> None:
        code = self.job.currentData()
        if code is None:
            return
        orders.apply_standard_job(self.session.ctx, self.order_id, code, ui_lang())
        self.job.setCurrentIndex(0)
        if self.category.currentData() is None:
            job = reference.standard_job(code)
            self.category.setCurrentIndex(self.category.findData(job.repair_category))

    def _remove_line(self) -> None:
        row = self.lines.row_at(self.table.currentIndex().row())
        if row is not None:
            orders.remove_line(self.session.ctx, row["id"])

    def _sign(self) -> None:
        self._save()
        orders.sign(self.session.ctx, self.order_id)

    def _decline(self) -> None:
        try:
            fee = parse_yuan(self.fee.text())
        except MoneyError:
            self.message.setText(self.tr("Fee: an amount in yuan such as 50 or 80.00."))
            self.message.show()
            return
        order = queries.order(self.session.db, self.order_id)
        charged = fee if lifecycle.fee_applies(order["state"]) else 0
        if not ask.confirm(
            self,
            self.tr("Customer declines"),
            self.tr(
                "The order will be closed as declined, charging {fee} for the diagnosis / "
                "estimate. Continue?"
            ).format(fee=format_yuan(charged)),
        ):
            return
        self._save()
        orders.decline(self.session.ctx, self.order_id, fee, self.request.toPlainText()[:200])

    def _void(self) -> None:
        answer = ask_supervisor(self, self.session, self.tr("Void order"))
        if answer is None:
            return
        reason = ask.text(self, self.tr("Void order"), self.tr("Reason for voiding"))
        if reason is None:
            return
        orders.void(self.session.ctx, self.order_id, *answer, reason)

    def show_history(self) -> OrderHistoryDialog | None:
        if self.order_id is None:
            return None
        dialog = OrderHistoryDialog(self.session, self.order_id, self)
        dialog.open()
        return dialog

    def _hand_on(self) -> None:
        people = [
            s
            for s in self._staff()
            if s["role"] in ("advisor", "supervisor") and s["id"] != self.session.user_id
        ]
        pick = ask.choose(
            self, self.tr("Hand on the case"), self.tr("To"), [s["name"] for s in people]
        )
        if pick is None:
            return
        orders.hand_on(self.session.ctx, self.order_id, people[pick]["id"])

    # ---------------------------------------------------------------- printing
    def _fill_forms(self, menu: QMenu, preview: bool) -> None:
        """The forms that apply to this order now, each one click away."""
        menu.clear()
        if self.order_id is None:
            return
        for kind in kinds_for(self.session.db, self.order_id):
            action = menu.addAction(form_name(kind))
            action.setObjectName(f"{'preview' if preview else 'print'}_{kind}")
            if preview:
                action.triggered.connect(lambda _c=False, k=kind: self._preview(k))
            else:
                action.triggered.connect(lambda _c=False, k=kind: self._print(k))

    def _print(self, kind: str) -> None:
        if self.order_id is None:
            return
        self._run_print(lambda: self.printing.print(kind, self.order_id))

    def _preview(self, kind: str) -> None:
        if self.order_id is not None:
            self._run_print(lambda: self.printing.preview(kind, self.order_id))

    def _run_print(self, step: Callable[[], object]) -> None:
        self.message.hide()
        run_print(step, self.message)

    def _print_log_text(self) -> str:
        if self.order_id is None:
            return ""
        rows = queries.print_log(self.session.db, self.order_id)
        if not rows:
            return ""
        last = rows[-1]
        return self.tr("Printed {count}× · last: {form}, {name} {time}").format(
            count=len(rows),
            form=form_name(last["form_kind"]),
            name=last["staff_name"],
            time=last["at"][11:16],
        )

    def _staff(self) -> list[dict[str, Any]]:
        from service_desk.actions.staff import list_staff

        return list_staff(self.session.ctx)
