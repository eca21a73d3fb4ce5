"""export/saving.py streams rows through openpyxl 3.1 internals: the file it writes must
be the file openpyxl's own Workbook.save writes, part by part (the save time aside)."""

from __future__ import annotations

import zipfile

from service_desk.export.workbook import build_workbook, write_workbook
from tests.export.test_workbook import october, reviews


def test_the_fast_save_writes_what_openpyxl_writes(tmp_path):
    report = october()
    ours = write_workbook(report, tmp_path / "ours.xlsx", reviews=reviews())
    theirs = tmp_path / "openpyxl.xlsx"
    build_workbook(report, reviews=reviews()).save(theirs)
    with zipfile.ZipFile(ours) as a, zipfile.ZipFile(theirs) as b:
        assert a.namelist() == b.namelist()
        differ = [n for n in a.namelist() if a.read(n) != b.read(n) and n != "docProps/core.xml"]
    assert differ == []
