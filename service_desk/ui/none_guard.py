"""Keep ``None`` alive under PySide6 6.12.0 on Python 3.11.

PySide6 6.12.0 (the abi3 wheels) drops one reference to ``None`` each time a Qt method
that returns nothing is called from Python (``setEnabled``, ``setText``, ``clear`` …),
as if ``None`` were immortal — which it is only from Python 3.12 on (PEP 683). On 3.11
its count falls by thousands a minute at the counter; at zero the interpreter aborts
("Fatal Python error: none_dealloc"), mid-session or at exit. Measured: 1,000 calls of
``QWidget.setEnabled`` lower it by exactly 1,000 (tests/ui/test_none_guard.py).

The guard gives ``None`` 2**40 extra references once at start (a counter does not make
a trillion Qt calls), which is what immortality means in 3.12. It touches only
CPython < 3.12, where ``ob_refcnt`` is the object's first field. Remove it with the
move to Python 3.12 or a PySide6 release that counts ``None`` again. Pinning PySide6
6.11.3 instead would need the 175 MB Addons wheel for QtPdf (PySide6-Pdf exists only
for 6.12).
"""

from __future__ import annotations

import ctypes
import sys

EXTRA = 1 << 40


def guard() -> bool:
    """Give None its extra references once per process; True when applied now."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    if getattr(sys, "_service_desk_none_guard", False):
        return False
    ctypes.c_ssize_t.from_address(id(None)).value += EXTRA
    sys._service_desk_none_guard = True  # type: ignore[attr-defined]
    return True
