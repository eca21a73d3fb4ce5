"""The Excel export of a period's statistics (R18) and the advisors' self-reviews (R19):
one openpyxl workbook per period with real Excel tables, number formats in yuan and per
cent, and native charts. Plain Python, no Qt, no database: it writes a Report."""

from __future__ import annotations

from service_desk.export.workbook import write_workbook

__all__ = ["write_workbook"]
