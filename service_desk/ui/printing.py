"""Print and preview: the PDF from service_desk.printing goes to the printer via QtPdf.

The printer and paper per form kind are remembered (QSettings: this PC's printers);
every print is logged on the order and a reprint is marked 副本.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QRectF,
    QSettings,
    QSizeF,
)
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from service_desk.actions import printing as print_log
from service_desk.actions.context import ActionError
from service_desk.printing.errors import FontMissingError, FormNotAvailable
from service_desk.printing.templates import label_size, load
from service_desk.store.errors import StorageError
from service_desk.ui import ask
from service_desk.ui.messages import error_text
from service_desk.ui.session import Session

MAX_DPI = 300  # images above this only cost time (a PDF QPrinter defaults to 1200 dpi)

FORM_NAMES = {  # one name per template in forms/ (tests/ui/test_printing checks)
    "repair_order": QT_TRANSLATE_NOOP("Printing", "Repair order"),
    "diagnosis": QT_TRANSLATE_NOOP("Printing", "Diagnosis report"),
    "exit_notice": QT_TRANSLATE_NOOP("Printing", "Exit notice"),
    "supplementary": QT_TRANSLATE_NOOP("Printing", "Supplementary repair order"),
    "check_in_sheet": QT_TRANSLATE_NOOP("Printing", "Check-in sheet"),
    "belongings": QT_TRANSLATE_NOOP("Printing", "Belongings list"),
    "key_tag": QT_TRANSLATE_NOOP("Printing", "Key tag"),
    "key_report": QT_TRANSLATE_NOOP("Printing", "Key cabinet end-of-day check"),
    "statement": QT_TRANSLATE_NOOP("Printing", "Statement"),
    "guarantee": QT_TRANSLATE_NOOP("Printing", "Quality guarantee certificate"),
    "appointment": QT_TRANSLATE_NOOP("Printing", "Appointment form"),
    "bay_list": QT_TRANSLATE_NOOP("Printing", "Workshop bay list (appointments)"),
    "appointment_stats": QT_TRANSLATE_NOOP("Printing", "Appointment statistics"),
    "letter": QT_TRANSLATE_NOOP("Printing", "Reminder and invitation letters"),
    "warranty_claims": QT_TRANSLATE_NOOP("Printing", "Open warranty claims list"),
    "self_review_day": QT_TRANSLATE_NOOP("Printing", "Daily self-review"),
    "self_review_month": QT_TRANSLATE_NOOP("Printing", "Monthly summary"),
}


def run_print(step: Callable[[], object], message: QLabel) -> bool:
    """Run a print or preview; a refusal is shown in the desk's message line, not raised."""
    try:
        step()
    except (ActionError, StorageError) as exc:
        message.setText(error_text(exc))
    except (FormNotAvailable, PrintError, FontMissingError) as exc:
        message.setText(print_error_text(exc))
    else:
        return True
    message.show()
    return False


def form_name(kind: str) -> str:
    return QCoreApplication.translate("Printing", FORM_NAMES.get(kind, kind))


class PrintError(Exception):
    pass


def print_error_text(exc: Exception) -> str:
    """What the advisor reads when a form cannot be printed."""
    if isinstance(exc, FormNotAvailable):
        return QCoreApplication.translate(
            "Printing", "The {form} is not printed for an order in this state."
        ).format(form=form_name(exc.kind))
    if isinstance(exc, FontMissingError):
        return QCoreApplication.translate(
            "Printing",
            "No Chinese font found for printing. Install Microsoft YaHei or SimHei (Windows), "
            "or put a .ttf/.ttc font into the resources/fonts folder, or choose a font file "
            "in Settings.",
        )
    return QCoreApplication.translate(
        "Printing", "The printer did not take the form. Check that it is on and try again."
    )


def open_pdf(pdf: bytes, parent: QWidget | None = None) -> QPdfDocument:
    document = QPdfDocument(parent)
    buffer = QBuffer(document)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        raise PrintError("the form could not be read back")
    return document


def send_to_printer(pdf: bytes, printer: QPrinter) -> int:
    """Paint every page onto the printer; returns the number of pages sent."""
    document = open_pdf(pdf)
    printer.setFullPage(True)
    if printer.resolution() > MAX_DPI:
        printer.setResolution(MAX_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError("the printer refused the job")
    try:
        dpi = printer.resolution()
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            size = document.pagePointSize(page)
            image = document.render(page, (size * dpi / 72).toSize())
            target = printer.paperRect(QPrinter.Unit.DevicePixel)
            painter.drawImage(QRectF(target), image)
    finally:
        painter.end()
    return document.pageCount()


def _key(kind: str, what: str) -> str:
    return f"printing/{kind}/{what}"


def remembered_printer(kind: str) -> QPrinter:
    """A printer for this form kind: the one and the paper used last time, if still there."""
    settings = QSettings()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    name = str(settings.value(_key(kind, "printer"), "") or "")
    if name and name in QPrinterInfo.availablePrinterNames():
        printer.setPrinterName(name)
    default = _paper_of(kind)
    saved = settings.value(_key(kind, "paper"), None)
    try:
        size_id = QPageSize.PageSizeId(int(saved)) if saved is not None else default.id()
    except (TypeError, ValueError):
        size_id = default.id()
    # a custom size (a label) is not kept by its id: it comes from the template again
    page = default if size_id == QPageSize.PageSizeId.Custom else QPageSize(size_id)
    printer.setPageLayout(
        QPageLayout(page, QPageLayout.Orientation.Portrait, printer.pageLayout().margins())
    )
    return printer


def _paper_of(kind: str) -> QPageSize:
    """The paper the form's template asks for: A4, A5 or a label's own size."""
    paper = load(kind).paper
    label = label_size(paper)
    if label is not None:
        return QPageSize(
            QSizeF(*label), QPageSize.Unit.Millimeter, "", QPageSize.SizeMatchPolicy.ExactMatch
        )
    return QPageSize(QPageSize.PageSizeId.A5 if paper == "A5" else QPageSize.PageSizeId.A4)


def remember_printer(kind: str, printer: QPrinter) -> None:
    settings = QSettings()
    settings.setValue(_key(kind, "printer"), printer.printerName())
    settings.setValue(_key(kind, "paper"), printer.pageLayout().pageSize().id().value)


def has_remembered_printer(kind: str) -> bool:
    return bool(QSettings().value(_key(kind, "printer"), ""))


def remembered_printer_name(kind: str) -> str:
    """The name of the printer this form kind goes to; empty: asked at the next print."""
    return str(QSettings().value(_key(kind, "printer"), "") or "")


def remember_printer_name(kind: str, name: str) -> None:
    """This form kind goes to the printer ``name`` on its template's paper (the setup);
    an empty name forgets the printer, so that the next print asks for one."""
    settings = QSettings()
    settings.remove(_key(kind, "paper"))
    if name:
        settings.setValue(_key(kind, "printer"), name)
    else:
        settings.remove(_key(kind, "printer"))


def print_unattached(
    session: Session, parent: QWidget, kind: str, pdf: bytes, choose: bool = False, log_as: str = ""
) -> bool:
    """Print a form of no single order (a list, a report, letters) on its printer (asked
    once, or again when ``choose``) and log it without an order — each print is a snapshot
    of its moment, never a copy. False when the advisor cancelled the printer choice.
    ``log_as`` is the print log's kind when the printer is remembered under another name."""
    printer = remembered_printer(kind)
    if (choose or not has_remembered_printer(kind)) and not ask.choose_printer(
        parent, printer, form_name(kind)
    ):
        return False
    pages = send_to_printer(pdf, printer)
    remember_printer(kind, printer)
    name = printer.printerName() or printer.outputFileName()
    print_log.record_print(session.ctx, None, log_as or kind, name, pages)
    session.notify("prints")
    return True


def preview_unattached(
    kind: str, pdf: bytes, print_it: Callable[[bool], object], parent: QWidget
) -> PreviewDialog:
    """Show a form of no single order; its buttons call ``print_it(choose)``."""
    dialog = PreviewDialog(pdf, form_name(kind), parent)
    dialog.print_button.clicked.connect(lambda: (print_it(False), dialog.accept()))
    dialog.choose_button.clicked.connect(lambda: (print_it(True), dialog.accept()))
    dialog.open()
    return dialog


class Printing:
    """Print and preview of one order's forms, from any desk."""

    def __init__(self, session: Session, parent: QWidget):
        self.session = session
        self.parent = parent

    def render(self, kind: str, order_id: int) -> tuple[bytes, bool]:
        from service_desk.printing.forms import render_form  # fpdf2: loaded at the first print

        ctx = self.session.ctx
        actor = ctx.actor()
        copy = print_log.is_reprint(ctx, order_id, kind)
        pdf = render_form(
            ctx.db, kind, order_id, now=ctx.clock(), printed_by=actor["name"], copy=copy
        )
        return pdf, copy

    def print(self, kind: str, order_id: int, choose: bool = False) -> int | None:
        """Print straight away on this form's printer (asked once); returns the copy no."""
        pdf, _copy = self.render(kind, order_id)
        printer = remembered_printer(kind)
        if (choose or not has_remembered_printer(kind)) and not ask.choose_printer(
            self.parent, printer, form_name(kind)
        ):
            return None
        pages = send_to_printer(pdf, printer)
        remember_printer(kind, printer)
        copy_no = print_log.record_print(
            self.session.ctx,
            order_id,
            kind,
            printer.printerName() or printer.outputFileName(),
            pages,
        )
        self.session.notify("orders", "prints")
        return copy_no

    def preview(self, kind: str, order_id: int) -> PreviewDialog:
        pdf, _copy = self.render(kind, order_id)
        dialog = PreviewDialog(pdf, form_name(kind), self.parent)
        dialog.print_button.clicked.connect(lambda: (self.print(kind, order_id), dialog.accept()))
        dialog.choose_button.clicked.connect(
            lambda: (self.print(kind, order_id, choose=True), dialog.accept())
        )
        dialog.open()
        return dialog


class PreviewDialog(QDialog):
    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.document = open_pdf(pdf, self)
        layout = QVBoxLayout(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.choose_button = QPushButton(self.tr("Printer …"))
        self.print_button = QPushButton(self.tr("Print"))
        self.print_button.setDefault(True)
        buttons.addButton(self.choose_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(820, 1000)


__all__ = [
    "FormNotAvailable",
    "PreviewDialog",
    "Printing",
    "preview_unattached",
    "print_unattached",
    "send_to_printer",
]
