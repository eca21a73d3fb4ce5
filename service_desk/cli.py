"""Headless commands on the same actions: demo data, printed forms, the Excel export,
backup and restore, smoke test."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from service_desk import __version__, cli_backup, paths

if TYPE_CHECKING:  # the reports load with a command that needs them, not with the window
    from service_desk.domain.report import Period


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="service-desk", description="Service Desk — the service counter of a Chery dealer."
    )
    parser.add_argument("--version", action="version", version=__version__)
    parser.add_argument("--data-dir", help="folder of the database (default: user data folder)")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="UI language (default zh_CN)")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="check this installation: a temporary database, every printed form, a workbook "
        "and the window (exit 0: passed)",
    )
    parser.add_argument(
        "--smoke-report", metavar="FILE", help="also write the smoke test's report to FILE"
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
    export = sub.add_parser(
        "export", help="write the statistics of a month, week or date range to an Excel file"
    )
    export.add_argument("--month", help="a calendar month: 2026-10")
    export.add_argument(
        "--week", help="an ISO week: 2026-W44, or a date: 2026-10-28 (the week holding it)"
    )
    export.add_argument("--from", dest="start", help="first day of a range: 2026-10-01")
    export.add_argument("--to", dest="end", help="last day of a range: 2026-10-15")
    export.add_argument("--out", required=True, help="Excel file to write (.xlsx)")
    export.add_argument("--data-dir", dest="sub_data_dir", help="folder of the database")
    cli_backup.add_commands(sub)
    return parser


def data_dir_of(args: argparse.Namespace) -> Path:
    return paths.user_data_dir(getattr(args, "sub_data_dir", None) or args.data_dir)


def run_command(args: argparse.Namespace) -> int:
    """Run a headless command; returns the exit code."""
    from service_desk.store.errors import StorageError
    from service_desk.store.open import open_database

    if args.smoke_test:
        from service_desk import smoke

        return smoke.run(Path(args.smoke_report) if args.smoke_report else None)
    if args.command == "print":
        return print_form(args)
    if args.command == "export":
        return export_report(args)
    if args.command == "backup":
        return cli_backup.backup_command(args, data_dir_of)
    if args.command == "restore":
        return cli_backup.restore_command(args, data_dir_of)
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


class PeriodArgumentError(ValueError):
    """A period on the command line that is missing, ambiguous or not a date."""


_MONTH = re.compile(r"(\d{4})-(\d{1,2})\Z")
_ISO_WEEK = re.compile(r"(\d{4})-?W(\d{1,2})\Z", re.IGNORECASE)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def _date(text: str, option: str) -> dt.date:
    text = text.strip()
    try:
        if _DATE.match(text):
            return dt.date.fromisoformat(text)
    except ValueError:
        pass
    raise PeriodArgumentError(f"{option} wants a date like 2026-10-01, not {text!r}")


def period_of(
    month: str | None = None,
    week: str | None = None,
    start: str | None = None,
    end: str | None = None,
) -> Period:
    """The period of --month 2026-10 | --week 2026-W44 / 2026-10-28 | --from D --to D.
    Raises PeriodArgumentError with a message for the user."""
    from service_desk.domain.report import Period

    given = [name for name, value in (("--month", month), ("--week", week)) if value]
    if start or end:
        given.append("--from/--to")
    if not given:
        raise PeriodArgumentError(
            "say which period: --month 2026-10, --week 2026-W44 "
            "or --from 2026-10-01 --to 2026-10-15"
        )
    if len(given) > 1:
        raise PeriodArgumentError(f"give one period, not {' and '.join(given)}")
    if month:
        found = _MONTH.match(month.strip())
        if not found or not 1 <= int(found[2]) <= 12 or int(found[1]) < 1:
            raise PeriodArgumentError(f"--month wants a month like 2026-10, not {month!r}")
        return Period.month(int(found[1]), int(found[2]))
    if week:
        found = _ISO_WEEK.match(week.strip())
        if found:
            try:
                monday = dt.date.fromisocalendar(int(found[1]), int(found[2]), 1)
            except ValueError:
                raise PeriodArgumentError(
                    f"--week: {found[1]} has no week {int(found[2])}"
                ) from None
            return Period.week(monday)
        try:
            return Period.week(_date(week, "--week"))
        except PeriodArgumentError:
            raise PeriodArgumentError(
                f"--week wants an ISO week like 2026-W44 or a date like 2026-10-28, not {week!r}"
            ) from None
    if not (start and end):
        raise PeriodArgumentError("--from and --to go together: --from 2026-10-01 --to 2026-10-15")
    first, last = _date(start, "--from"), _date(end, "--to")
    if last < first:
        raise PeriodArgumentError(f"--to {last} is before --from {first}")
    return Period(first, last, "range")


def export_report(args: argparse.Namespace) -> int:
    """service-desk export --month 2026-10 | --week 2026-W44 | --from D --to D --out F.xlsx"""
    from service_desk.store.errors import StorageError
    from service_desk.store.open import open_database

    try:
        period = period_of(args.month, args.week, args.start, args.end)
    except PeriodArgumentError as exc:
        print(f"export: {exc}", file=sys.stderr)
        return 2
    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        print(f"export: --out must name an .xlsx file, not {args.out!r}", file=sys.stderr)
        return 2
    if not out.parent.is_dir():
        print(f"export: no folder {out.parent} to write {out.name} in", file=sys.stderr)
        return 2
    from service_desk.actions.reports import report
    from service_desk.actions.self_review import reviews_for
    from service_desk.export import write_workbook

    target = paths.database_path(data_dir_of(args))
    try:
        db = open_database(target)
    except StorageError as exc:
        print(f"cannot open {target}: {exc}", file=sys.stderr)
        return 2
    try:
        current = report(db, period)
        previous = report(db, period.previous(), details=False)  # its figures only
        reviews = reviews_for(db, period)
    finally:
        db.close()
    try:
        written = write_workbook(current, out, previous=previous, reviews=reviews)
    except OSError as exc:
        print(f"cannot write {out}: {exc}", file=sys.stderr)
        return 1
    print(f"export {period.label()} -> {written} ({written.stat().st_size:,} bytes)")
    return 0
