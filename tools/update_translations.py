"""Refresh the .ts files from the UI sources (keeping translations) and build the .qm files.

python tools/update_translations.py          # lupdate + lrelease
python tools/update_translations.py --check  # fail if a .ts is stale or unfinished
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(str(p) for p in (ROOT / "service_desk" / "ui").glob("*.py"))
TS_FILES = sorted((ROOT / "resources" / "translations").glob("*.ts"))


def lupdate(ts: Path) -> None:
    subprocess.run(
        ["pyside6-lupdate", *SOURCES, "-no-obsolete", "-locations", "none", "-ts", str(ts)],
        check=True,
        capture_output=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(["pyside6-lrelease", str(ts), "-qm", str(qm)], check=True, capture_output=True)


def main() -> int:
    if "--check" in sys.argv:
        stale = []
        with tempfile.TemporaryDirectory() as tmp:
            for ts in TS_FILES:
                copy = Path(tmp) / ts.name
                shutil.copy(ts, copy)
                lupdate(copy)
                if copy.read_bytes() != ts.read_bytes():
                    stale.append(ts.name)
        if stale:
            print("stale translation files (run tools/update_translations.py):", stale)
            return 1
        return 0
    for ts in TS_FILES:
        lupdate(ts)
        lrelease(ts, ts.with_suffix(".qm"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
