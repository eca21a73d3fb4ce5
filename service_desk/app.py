"""Start-up: paths -> logging and crash hook -> open and migrate the DB -> window.

A windowed build has no console (sys.stdout and sys.stderr are None): the window's
stray output and a headless command's output go to the log file in the data folder
(logsetup.console_to_log); the smoke test can also write its report to a file."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from service_desk import cli, logsetup, paths

log = logging.getLogger(__name__)


def main(argv: list[str] | None = None) -> int:
    args = cli.build_parser().parse_args(argv)
    if args.smoke_test or args.command:
        if logsetup.console_missing():
            logsetup.console_to_log(_log_folder(args))
        return cli.run_command(args)
    data_dir = cli.data_dir_of(args)
    logsetup.setup_logging(paths.log_dir(data_dir))
    logsetup.console_to_log(paths.log_dir(data_dir))
    from service_desk.ui.application import run_gui

    return run_gui(data_dir, args.lang)


def _log_folder(args: argparse.Namespace) -> Path | None:
    """The log folder of the command's data folder; None when it cannot be made."""
    try:
        return paths.log_dir(cli.data_dir_of(args))
    except OSError:
        return None


if __name__ == "__main__":
    sys.exit(main())
