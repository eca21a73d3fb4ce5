"""Texts of the checkout desk: payment methods, discount states, the release conditions,
and the refusals of settlement and release.

Importing this module registers the refusal texts with ui.messages and the names of the
checkout forms with ui.printing.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from service_desk.domain import release as rules
from service_desk.ui import messages


def _t(text: str) -> str:
    return QCoreApplication.translate("Checkout", text)


def _m(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def method_name(code: str) -> str:
    return {
        "cash": _t(QT_TRANSLATE_NOOP("Checkout", "Cash")),
        "card": _t(QT_TRANSLATE_NOOP("Checkout", "Bank card")),
        "wechat": _t(QT_TRANSLATE_NOOP("Checkout", "WeChat Pay")),
        "alipay": _t(QT_TRANSLATE_NOOP("Checkout", "Alipay")),
        "transfer": _t(QT_TRANSLATE_NOOP("Checkout", "Bank transfer")),
    }.get(code, code)


def discount_state(code: str) -> str:
    return {
        "requested": _t(QT_TRANSLATE_NOOP("Checkout", "Waiting for a supervisor")),
        "approved": _t(QT_TRANSLATE_NOOP("Checkout", "Approved")),
        "refused": _t(QT_TRANSLATE_NOOP("Checkout", "Refused")),
    }.get(code, code)


def origin_name(code: str) -> str:
    return {
        "estimate": _t(QT_TRANSLATE_NOOP("Checkout", "Estimate")),
        "additional": _t(QT_TRANSLATE_NOOP("Checkout", "Additional (approved)")),
    }.get(code, code)


def condition_name(code: str) -> str:
    """A release condition still open, as the checklist and a refusal name it."""
    return {
        rules.NOT_SETTLED: _t(
            QT_TRANSLATE_NOOP("Checkout", "Not settled: take the payment (or arrears approved)")
        ),
        rules.KEY_NOT_RETURNED: _t(
            QT_TRANSLATE_NOOP("Checkout", "Key not handed back to the customer")
        ),
        rules.BELONGINGS_NOT_RETURNED: _t(
            QT_TRANSLATE_NOOP("Checkout", "Belongings not ticked back and signed")
        ),
        rules.DOCUMENTS_NOT_RETURNED: _t(QT_TRANSLATE_NOOP("Checkout", "Documents not returned")),
        rules.ODOMETER_OUT_MISSING: _t(QT_TRANSLATE_NOOP("Checkout", "Odometer out not read")),
        rules.FUEL_OUT_MISSING: _t(QT_TRANSLATE_NOOP("Checkout", "Fuel out not read")),
        rules.DIFFERENCE_UNEXPLAINED: _t(
            QT_TRANSLATE_NOOP(
                "Checkout", "Odometer or fuel differs much from check-in: explanation missing"
            )
        ),
    }.get(code, code)


def condition_done(code: str) -> str:
    """The same condition once it holds."""
    return {
        rules.NOT_SETTLED: _t(QT_TRANSLATE_NOOP("Checkout", "Settled")),
        rules.KEY_NOT_RETURNED: _t(QT_TRANSLATE_NOOP("Checkout", "Key handed back")),
        rules.BELONGINGS_NOT_RETURNED: _t(
            QT_TRANSLATE_NOOP("Checkout", "Belongings ticked back and signed")
        ),
        rules.DOCUMENTS_NOT_RETURNED: _t(QT_TRANSLATE_NOOP("Checkout", "Documents returned")),
        rules.ODOMETER_OUT_MISSING: _t(QT_TRANSLATE_NOOP("Checkout", "Odometer out read")),
        rules.FUEL_OUT_MISSING: _t(QT_TRANSLATE_NOOP("Checkout", "Fuel out read")),
        rules.DIFFERENCE_UNEXPLAINED: _t(
            QT_TRANSLATE_NOOP("Checkout", "Readings out agree with check-in (or explained)")
        ),
    }.get(code, code)


def comeback_text(link: dict[str, object]) -> str:
    """The flag of an order that is a comeback (release_queries.comeback)."""
    return _t(
        QT_TRANSLATE_NOOP(
            "Checkout",
            "Comeback of order {original} ({days} days after its release): original team "
            "{team}; the guarantee runs from {start}, it does not start again.",
        )
    ).format(
        original=link["original_number"],
        days=link["days"],
        team=link["original_team"] or "—",
        start=str(link["guarantee_from"])[:10],
    )


messages.register_texts(
    actions={
        "discount.reason": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Say why the customer should get a discount.")
        ),
        "discount.reason_too_long": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The reason is at most 500 characters.")
        ),
        "discount.amount_or_percent": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Enter either an amount in yuan or a percentage.")
        ),
        "discount.amount": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The discount must be more than ¥0.00.")
        ),
        "discount.percent": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The percentage must be above 0 and at most 100.")
        ),
        "discount.exceeds_balance": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The discount is more than what is left to pay.")
        ),
        "discount.decided": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "A supervisor already decided on this discount.")
        ),
        "payment.method": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Choose how the customer pays.")
        ),
        "payment.amount": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Enter the amount paid, more than ¥0.00.")
        ),
        "payment.exceeds_balance": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "More than what is left to pay: check the amount.")
        ),
        "payment.reference": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The reference is at most 100 characters.")
        ),
        "arrears.note": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Say why the balance may stay unpaid and until when.")
        ),
        "arrears.note_too_long": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The note is at most 500 characters.")
        ),
        "arrears.nothing_open": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Nothing is left to pay: there are no arrears.")
        ),
        "settle.state": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages", "The bill is made up once the car is ready; this order is {state}."
            )
        ),
        "settle.not_ready": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages", "Only a car ready for pickup is settled; this order is {state}."
            )
        ),
        "settle.overpaid": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "More was paid than is due: check the payments.")
        ),
        "settle.balance_open": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The balance is still open: take the payment, or have a supervisor approve "
                "it as arrears.",
            )
        ),
        "fee.not_declined": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "Only a declined order settles a diagnosis / estimate fee; this one is {state}.",
            )
        ),
        "release.state": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages",
                "The car is handed back once it is ready for pickup; this order is {state}.",
            )
        ),
        "release.missing": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The car cannot leave yet: {condition}.")
        ),
        "release.documents_already_returned": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The documents were already handed back.")
        ),
        "release.belongings_not_ticked": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "Tick the belongings back before the customer signs.")
        ),
        "release.belongings_already_signed": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "The customer already signed the belongings list.")
        ),
        "release.already_released": lambda: _m(
            QT_TRANSLATE_NOOP("Messages", "This car was already released.")
        ),
    },
    fields={
        "odometer.below_in": lambda: _m(
            QT_TRANSLATE_NOOP(
                "Messages", "Lower than the reading at check-in ({in} km): read it again."
            )
        ),
    },
    params={"condition": condition_name},
)
