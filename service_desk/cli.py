"""Headless commands on the same actions: demo data, smoke test."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from service_desk import __version__, paths


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="service-desk", description="Service Desk — the service counter of a Chery dealer."
    )
    parser.add_argument("--version", action="version", version=__version__)
    parser.add_argument("--data-dir", help="folder of the database (default: user data folder)")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="UI language (default zh_CN)")
    parser.add_argument(
        "--smoke-test", action="store_true", help="migrate a temporary database and exit 0"
    )
    sub = parser.add_subparsers(dest="command")
    demo = sub.add_parser("demo", help="fill an empty database with a Chinese demo dataset")
    demo.add_argument("--data-dir", dest="sub_data_dir", help="folder of the database")
    demo.add_argument("--seed", type=int, default=7)
    printing = sub.add_parser("print", help="render a printed form of an order to a PDF file")
    printing.add_argument("kind", help="which form: repair-order, diagnosis, exit-notice, …")
    printing.add_argument("number", help="repair order number, e.g. WX202611270001")
    printing.add_argument("--out", required=True, help="PDF file to write")
    printing.add_argument("--copy", action="store_true", help="mark it 副本 (a reprint)")
    printing.add_argument("--form-lang", choices=["zh", "en"], default="zh")
    printing.add_argument("--data-dir", dest="sub_data_dir", help="folder of the database")
    return parser


def data_dir_of(args: argparse.Namespace) -> Path:
    return paths.user_data_dir(getattr(args, "sub_data_dir", None) or args.data_dir)


def run_command(args: argparse.Namespace) -> int:
    """Run a headless command; returns the exit code."""
    from service_desk.store.errors import StorageError
    from service_desk.store.open import open_database

    if args.smoke_test:
        return smoke_test()
    if args.command == "print":
        return print_form(args)
    if args.command == "demo":
        from service_desk.demo import fill_demo
        from service_desk.domain.clock import system_clock

        target = paths.database_path(data_dir_of(args))
        try:
            db = open_database(target)
        except StorageError as exc:
            print(f"cannot open {target}: {exc}", file=sys.stderr)
            return 2
        try:
            counts = fill_demo(db, system_clock()(), seed=args.seed)
        except ValueError as exc:
            print(f"demo data not written: {exc}", file=sys.stderr)
            return 1
        finally:
            db.close()
        summary = ", ".join(f"{k}={v}" for k, v in counts.items())
        print(f"demo data written to {target}: {summary}")
        return 0
    return 2


def smoke_test() -> int:
    """Migrate a temporary database and check the reference data (used on the frozen build)."""
    from service_desk import reference
    from service_desk.store.migrations import schema_version
    from service_desk.store.open import open_database

    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / paths.DB_FILENAME)
        try:
            version = schema_version(db)
            ok = db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            db.close()
    reference.check_all()
    print(f"smoke test: schema {version}, integrity {'ok' if ok else 'FAILED'}")
    return 0 if ok else 1


def print_form(args: argparse.Namespace) -> int:
    """service-desk print KIND NUMBER --out FILE.pdf"""
    from service_desk.domain.clock import system_clock
    from service_desk.printing.fonts import FontMissingError
    from service_desk.printing.forms import FormNotAvailable, cli_names, render_form
    from service_desk.store import queries, settings
    from service_desk.store.errors import StorageError
    from service_desk.store.open import open_database

    kinds = cli_names()
    if args.kind not in kinds:
        print(f"unknown form {args.kind!r}; one of: {', '.join(sorted(kinds))}", file=sys.stderr)
        return 2
    target = paths.database_path(data_dir_of(args))
    try:
        db = open_database(target)
    except StorageError as exc:
        print(f"cannot open {target}: {exc}", file=sys.stderr)
        return 2
    try:
        order = queries.order_by_number(db, args.number.strip().upper())
        if order is None:
            print(f"no repair order {args.number}", file=sys.stderr)
            return 1
        now = system_clock(settings.get(db, "timezone"))()
        pdf = render_form(
            db,
            kinds[args.kind],
            order["id"],
            now=now,
            printed_by="service-desk print",
            copy=args.copy,
            lang=args.form_lang,
        )
    except (FormNotAvailable, FontMissingError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        db.close()
    Path(args.out).write_bytes(pdf)
    print(f"{args.kind} {args.number} -> {args.out} ({len(pdf):,} bytes)")
    return 0
