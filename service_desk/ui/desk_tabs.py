"""The desks as tabs, each built the first time it is needed.

Ten desks built at start cost seconds and a hundred megabytes on ten years of data
(each reads its lists when it is made); the counter starts on the Today board. Each tab
holds a small page that builds its desk when the tab is first switched to, or when code
asks for the desk (``tabs.desk(name)``, the main window's desk attributes); the first
tab's desk right after the window's first paint. To callers the tab widget shows desks,
never the pages: ``widget``, ``currentWidget``, ``indexOf`` and ``setCurrentWidget``
speak of desks (a desk not built yet is built on the way).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

Build = Callable[[], QWidget]


class _Page(QWidget):
    """A tab's page: empty until its desk is built into it."""

    def __init__(self, name: str, build: Build, on_built: Callable[[str, QWidget], None]):
        super().__init__(objectName=f"desk_page_{name}")
        self.name = name
        self._build = build
        self._on_built = on_built
        self.desk: QWidget | None = None
        self._scheduled = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    def ensure(self) -> QWidget:
        if self.desk is None:
            self.desk = self._build()
            self.layout().addWidget(self.desk)
            self.desk.show()  # now with the page, not at the next turn of the event loop
            self._on_built(self.name, self.desk)
        return self.desk

    def paintEvent(self, event: QPaintEvent) -> None:
        """Shown before its desk was asked for (the first tab, as the window opens): the
        window paints first, the desk is built right after — the search box works while
        the Today board reads the day. A tab switched to builds its desk at once
        (``widget``)."""
        super().paintEvent(event)
        if self.desk is None and not self._scheduled:
            self._scheduled = True
            QTimer.singleShot(0, self, self.ensure)


class DeskTabs(QTabWidget):
    built = Signal(str, QWidget)  # the desk's name, the desk: once, when it is made

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, objectName="desks")
        self._pages: dict[str, _Page] = {}
        self.currentChanged.connect(self.widget)  # switched to: built now, before it paints

    def add_desk(self, name: str, title: str, build: Build) -> None:
        page = _Page(name, build, lambda n, desk: self.built.emit(n, desk))
        self._pages[name] = page
        self.addTab(page, title)

    def desk(self, name: str) -> QWidget:
        return self._pages[name].ensure()

    def is_built(self, name: str) -> bool:
        return self._pages[name].desk is not None

    def widget(self, index: int) -> QWidget | None:  # type: ignore[override]
        page = super().widget(index)
        return page.ensure() if isinstance(page, _Page) else page

    def currentWidget(self) -> QWidget | None:  # type: ignore[override]
        return self.widget(self.currentIndex())

    def indexOf(self, widget: QWidget) -> int:  # type: ignore[override]
        for index in range(self.count()):
            page = super().widget(index)
            if page is widget or (isinstance(page, _Page) and page.desk is widget):
                return index
        return -1

    def setCurrentWidget(self, widget: QWidget) -> None:  # type: ignore[override]
        index = self.indexOf(widget)
        if index >= 0:
            self.setCurrentIndex(index)
