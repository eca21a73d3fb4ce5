"""A supervisor's approval at the same PC: pick the supervisor, then their PIN."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from service_desk.actions.staff import list_staff
from service_desk.ui import ask
from service_desk.ui.session import Session

NOBODY = (0, "")  # no staff id 0: the action answers supervisor.required


def ask_supervisor(parent: QWidget, session: Session, title: str) -> tuple[int, str] | None:
    """(supervisor id, PIN) as typed, None when cancelled; the action checks the PIN.
    With no supervisor on the staff list there is nobody to ask: NOBODY goes to the
    action, which refuses it as it refuses any non-supervisor (supervisor.required)."""
    supervisors = [p for p in list_staff(session.ctx) if p["role"] == "supervisor"]
    if not supervisors:
        return NOBODY
    label = QCoreApplication.translate("Supervisor", "Supervisor approving")
    pick = ask.choose(parent, title, label, [p["name"] for p in supervisors])
    if pick is None:
        return None
    supervisor = supervisors[pick]
    pin_label = QCoreApplication.translate("Supervisor", "PIN of {name}")
    pin = ask.text(parent, title, pin_label.format(name=supervisor["name"]), secret=True)
    if pin is None:
        return None
    return supervisor["id"], pin
