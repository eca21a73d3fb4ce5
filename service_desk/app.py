"""Start-up: paths -> logging and crash hook -> open and migrate the DB -> window."""

from __future__ import annotations

import logging
import sys

from service_desk import cli, paths

log = logging.getLogger(__name__)


def main(argv: list[str] | None = None) -> int:
    args = cli.build_parser().parse_args(argv)
    if args.smoke_test or args.command:
        return cli.run_command(args)
    data_dir = cli.data_dir_of(args)
    from service_desk.logsetup import setup_logging

    setup_logging(paths.log_dir(data_dir))
    from service_desk.ui.application import run_gui

    return run_gui(data_dir, args.lang)


if __name__ == "__main__":
    sys.exit(main())
