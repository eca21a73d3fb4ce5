"""The advisor's daily self-review or monthly summary (R19): the figures of the period
from the records, read-only; what went well, what to improve and the plan, typed by the
advisor; saved as a new version each time, printed for the service manager's signature.

Refusals show in the dialog (under their field, or in its message line); what was typed
stays on the screen. Print saves unsaved changes first, so the paper matches the record;
an untouched new review prints blank boxes with the figures, to fill in by hand.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from service_desk.actions import self_review
from service_desk.actions.context import ActionError
from service_desk.domain.report import Period, SelfReview
from service_desk.domain.validation import ValidationError
from service_desk.printing.context import when
from service_desk.printing.errors import FontMissingError
from service_desk.printing.review_forms import (
    FIGURE_ROWS,
    FORM_KIND,
    TEMPLATES,
    figure_text,
    period_text,
    render_self_review,
)
from service_desk.store.errors import StorageError
from service_desk.ui import ask, colours, messages
from service_desk.ui import printing as ui_printing
from service_desk.ui.fields import ERROR_STYLE, FieldErrors
from service_desk.ui.i18n import ui_lang
from service_desk.ui.messages import error_text
from service_desk.ui.session import Session

CONTEXT = "SelfReviewDialog"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


FIGURE_NAMES = {
    "received": QT_TRANSLATE_NOOP("SelfReviewDialog", "Orders received"),
    "released": QT_TRANSLATE_NOOP("SelfReviewDialog", "Cars released"),
    "declined": QT_TRANSLATE_NOOP("SelfReviewDialog", "Declined"),
    "comebacks": QT_TRANSLATE_NOOP("SelfReviewDialog", "Comebacks"),
    "promises_due": QT_TRANSLATE_NOOP("SelfReviewDialog", "Promised deliveries"),
    "promises_kept": QT_TRANSLATE_NOOP("SelfReviewDialog", "Delivered on time"),
    "extra_offered": QT_TRANSLATE_NOOP("SelfReviewDialog", "Extra work offered"),
    "extra_accepted": QT_TRANSLATE_NOOP("SelfReviewDialog", "Extra work accepted"),
    "extra_accepted_fen": QT_TRANSLATE_NOOP("SelfReviewDialog", "Extra work accepted, amount"),
    "revenue_fen": QT_TRANSLATE_NOOP("SelfReviewDialog", "Revenue settled"),
    "discount_fen": QT_TRANSLATE_NOOP("SelfReviewDialog", "Discounts"),
    "arrears_fen": QT_TRANSLATE_NOOP("SelfReviewDialog", "Left unpaid"),
}


def _m(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


messages.register_texts(
    actions={
        "review.kind": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "A review is a daily self-review or a monthly summary.")
        ),
        "review.day_period": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "A daily self-review covers one day.")
        ),
        "review.month_period": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "A monthly summary covers one whole calendar month.")
        ),
        "review.future": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "This period has not begun yet: review it afterwards.")
        ),
    },
    fields={
        "review.empty": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Write at least one of the three parts before saving.")
        ),
    },
)


class SelfReviewDialog(QDialog):
    """The current user's review of ``period`` (kind 'day' or 'month')."""

    def __init__(self, session: Session, kind: str, period: Period, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.kind = kind
        self.period = period
        self.user_id = session.user_id
        self.review: SelfReview | None = None
        self.saved_texts = ("", "", "")
        self.setObjectName("self_review_dialog")
        self.setWindowTitle(
            self.tr("Daily self-review") if kind == "day" else self.tr("Monthly summary")
        )
        layout = QVBoxLayout(self)
        self.heading = QLabel(objectName="review_heading")
        self.heading.setStyleSheet("font-weight: bold; font-size: 14px;")
        layout.addWidget(self.heading)
        self.status = QLabel(objectName="review_status")
        self.status.setStyleSheet(colours.FAINT_STYLE)
        layout.addWidget(self.status)

        box = QGroupBox(self.tr("Figures from the records"), objectName="review_figures")
        grid = QGridLayout(box)
        self.figures: dict[str, QLabel] = {}
        for row, pair in enumerate(FIGURE_ROWS):
            for col, key in enumerate(pair):
                name = QLabel(_t(FIGURE_NAMES[key]))
                value = QLabel(objectName=f"figure_{key}")
                value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                value.setMinimumWidth(90)
                self.figures[key] = value
                grid.addWidget(name, row, col * 3)
                grid.addWidget(value, row, col * 3 + 1)
            grid.setColumnMinimumWidth(2, 24)
        note = QLabel(self.tr("Counted from the orders you received; saving counts them again."))
        note.setStyleSheet(colours.FAINT_STYLE)
        note.setWordWrap(True)
        grid.addWidget(note, len(FIGURE_ROWS), 0, 1, 5)
        layout.addWidget(box)

        self.errors = FieldErrors()
        form = QFormLayout()
        self.went_well = self._text_box(
            "review_went_well", self.tr("Customers pleased, promises kept, extra work agreed …")
        )
        self.to_improve = self._text_box(
            "review_to_improve", self.tr("What went wrong and what you would do differently …")
        )
        plan_hint = (
            self.tr("What you will do tomorrow: calls to make, cars to follow up …")
            if kind == "day"
            else self.tr("Your goals for next month …")
        )
        self.plan = self._text_box("review_plan", plan_hint)
        self.errors.add_row(form, self.tr("What went well"), self.went_well, "went_well")
        self.errors.add_row(form, self.tr("What to improve"), self.to_improve, "to_improve")
        plan_label = (
            self.tr("Plan for tomorrow") if kind == "day" else self.tr("Plan for next month")
        )
        self.errors.add_row(form, plan_label, self.plan, "plan")
        layout.addLayout(form, 1)

        self.message = QLabel(objectName="review_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.hide()
        self.errors.fallback = self.message
        layout.addWidget(self.message)

        buttons = QHBoxLayout()
        self.close_button = QPushButton(self.tr("Close"), objectName="review_close")
        self.print_button = QPushButton(self.tr("Print"), objectName="review_print")
        self.save_button = QPushButton(self.tr("Save"), objectName="review_save")
        self.save_button.setToolTip(self.tr("Save (Ctrl+Enter)"))
        self.print_button.setToolTip(self.tr("Saves your changes first, then prints."))
        self.save_button.setDefault(True)
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.close_button.clicked.connect(self.reject)
        self.print_button.clicked.connect(lambda: self.print_review())
        self.save_button.clicked.connect(lambda: self.save())
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self, lambda: self.save())
        self.resize(720, 820)
        self._load()

    def _text_box(self, name: str, hint: str) -> QPlainTextEdit:
        box = QPlainTextEdit(objectName=name)
        box.setPlaceholderText(hint)
        box.setTabChangesFocus(True)
        box.setMinimumHeight(96)
        return box

    # ---------------------------------------------------------------- data
    def texts(self) -> tuple[str, str, str]:
        return (
            self.went_well.toPlainText(),
            self.to_improve.toPlainText(),
            self.plan.toPlainText(),
        )

    def is_dirty(self) -> bool:
        """Typed since the last save (or since the stored version was opened)."""
        return tuple(t.strip() for t in self.texts()) != self.saved_texts

    def _load(self) -> None:
        """The stored review (or the prefilled figures) into the dialog; a refusal (no one
        at the counter, a period that is no review's) leaves it read-only with the reason."""
        try:
            review = self_review.draft(self.session.ctx, self.kind, self.period)
        except (ActionError, StorageError) as exc:
            self._refused(error_text(exc))
            return
        self._show(review)
        for box, text in zip(
            (self.went_well, self.to_improve, self.plan), self.saved_texts, strict=True
        ):
            box.setPlainText(text)

    def _show(self, review: SelfReview) -> None:
        self.review = review
        self.saved_texts = (review.went_well, review.to_improve, review.plan)
        lang = ui_lang()
        self.heading.setText(f"{review.advisor} · {period_text(review, lang)}")
        for key, label in self.figures.items():
            label.setText(figure_text(key, review.figures, lang))
        if review.saved_at:
            self.status.setText(
                self.tr("Saved {time}; the figures as counted then.").format(
                    time=when(review.saved_at)
                )
            )
        else:
            self.status.setText(self.tr("Not saved yet."))

    def _refused(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        for widget in (self.save_button, self.print_button, self.went_well, self.to_improve):
            widget.setEnabled(False)
        self.plan.setEnabled(False)

    def _user_still_here(self) -> bool:
        if self.session.user_id == self.user_id:
            return True
        self.message.setText(
            self.tr(
                "Someone else is now at the counter. Switch back to the person who wrote "
                "this review to save or print it; the text stays here."
            )
        )
        self.message.show()
        return False

    # ---------------------------------------------------------------- actions
    def save(self) -> bool:
        """Save as the next version; False (and the reason shown) when refused."""
        self.errors.clear()
        self.message.hide()
        if not self._user_still_here():
            return False
        ctx = self.session.ctx
        try:
            self_review.save(ctx, self.kind, self.period, *self.texts())
            review = self_review.draft(ctx, self.kind, self.period)
        except ValidationError as exc:
            self.errors.show(exc.problems)
            return False
        except (ActionError, StorageError) as exc:
            self.message.setText(error_text(exc))
            self.message.show()
            return False
        self._show(review)
        self.session.notify("reviews")
        return True

    def print_review(self, choose: bool = False) -> bool:
        """Print on the review's printer (asked once), after saving what was typed."""
        if self.is_dirty() and not self.save():
            return False
        if not self._user_still_here() or self.review is None:
            return False
        self.message.hide()
        template = TEMPLATES[self.kind]
        try:
            ctx = self.session.ctx
            actor = ctx.actor()
            pdf = render_self_review(ctx.db, self.review, printed_by=actor["name"], now=ctx.clock())
            if not ui_printing.print_unattached(
                self.session, self, template, pdf, choose, log_as=FORM_KIND
            ):
                return False
        except (ActionError, StorageError) as exc:
            self.message.setText(error_text(exc))
        except (ui_printing.PrintError, FontMissingError) as exc:
            self.message.setText(ui_printing.print_error_text(exc))
        else:
            return True
        self.message.show()
        return False

    def reject(self) -> None:
        """Close; what was typed and not saved is only dropped when the advisor says so."""
        if (
            self.review is not None
            and self.is_dirty()
            and not ask.confirm(
                self,
                self.windowTitle(),
                self.tr("Close without saving? What you wrote since the last save is lost."),
            )
        ):
            return
        super().reject()
