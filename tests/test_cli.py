"""Headless commands: the demo dataset, printing and export, backup and restore, through the
real entry point (the smoke test: tests/test_smoke.py)."""

from __future__ import annotations

import sqlite3

from pypdf import PdfReader

from service_desk.app import main
from service_desk.store.open import open_database


def test_demo_fills_the_data_dir_once(tmp_path, capsys):
    assert main(["demo", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "demo data written" in out
    db = sqlite3.connect(tmp_path / "service_desk.sqlite3")
    states = {s for (s,) in db.execute("SELECT DISTINCT state FROM repair_orders")}
    plates = [p for (p,) in db.execute("SELECT plate FROM vehicles")]
    db.close()
    assert {"reception", "signed", "released", "declined", "void", "done"} <= states
    assert all(p.startswith(("皖", "苏")) for p in plates)
    # a second run refuses to mix demo data into a database that has data
    assert main(["--data-dir", str(tmp_path), "demo"]) == 1
    assert "not written" in capsys.readouterr().err


def test_demo_refuses_a_newer_database(tmp_path, capsys):
    db = open_database(tmp_path / "service_desk.sqlite3")
    db["_sqlite_migrations"].insert(
        {"migration_set": "service_desk", "name": "999_future", "applied_at": "2030-01-01"}
    )
    db.close()
    assert main(["demo", "--data-dir", str(tmp_path)]) == 2
    assert "newer_schema" in capsys.readouterr().err


def test_print_renders_any_form_of_any_order(tmp_path, capsys):
    assert main(["demo", "--data-dir", str(tmp_path)]) == 0
    db = sqlite3.connect(tmp_path / "service_desk.sqlite3")
    signed = db.execute("SELECT number FROM repair_orders WHERE state = 'signed'").fetchone()[0]
    declined = db.execute("SELECT number FROM repair_orders WHERE state = 'declined'").fetchone()[0]
    db.close()
    out = tmp_path / "ro.pdf"
    assert (
        main(["print", "repair-order", signed, "--out", str(out), "--data-dir", str(tmp_path)]) == 0
    )
    text = "".join(PdfReader(out).pages[0].extract_text().split())
    assert "进厂维修单" in text and signed in text
    notice = tmp_path / "exit.pdf"
    assert (
        main(
            [
                "--data-dir",
                str(tmp_path),
                "print",
                "exit-notice",
                declined.lower(),
                "--out",
                str(notice),
                "--copy",
            ]
        )
        == 0
    )
    text = "".join(PdfReader(notice).pages[0].extract_text().split())
    assert "出厂通知单" in text and "副本" in text
    capsys.readouterr()
    assert (
        main(
            [
                "print",
                "exit-notice",
                signed,
                "--out",
                str(tmp_path / "x.pdf"),
                "--data-dir",
                str(tmp_path),
            ]
        )
        == 1
    )
    assert "not printed" in capsys.readouterr().err
    assert (
        main(
            [
                "print",
                "repair-order",
                "WX209901010001",
                "--out",
                str(tmp_path / "y.pdf"),
                "--data-dir",
                str(tmp_path),
            ]
        )
        == 1
    )


def test_backup_and_restore_from_the_command_line(tmp_path, capsys):
    from service_desk.store import backup as bk

    data = tmp_path / "data"
    assert main(["demo", "--data-dir", str(data)]) == 0
    out = tmp_path / "nightly.sqlite3"
    assert main(["backup", "--out", str(out), "--data-dir", str(data)]) == 0
    assert "verified" in capsys.readouterr().out
    orders = bk.verify(out)["repair_orders"]
    assert orders > 50
    assert main(["backup", "--out", str(out), "--data-dir", str(data)]) == 1  # no overwrite
    assert main(["backup", "--data-dir", str(data)]) == 0  # the rotated daily backup
    assert bk.last_good(data / "backups") is not None
    # something goes wrong in the database after the backup
    db_file = data / "service_desk.sqlite3"
    conn = sqlite3.connect(db_file)
    conn.execute("CREATE TABLE scratch (x)")
    conn.commit()
    conn.close()
    assert main(["restore", str(out), "--data-dir", str(data)]) == 0
    assert "kept as" in capsys.readouterr().out
    restored = bk.verify(db_file)
    assert restored["repair_orders"] == orders and "scratch" not in restored
    [aside] = data.glob("service_desk.before-restore.*.sqlite3")
    assert "scratch" in bk.verify(aside)
    assert main(["restore", str(tmp_path / "missing.sqlite3"), "--data-dir", str(data)]) == 2
