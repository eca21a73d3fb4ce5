"""Where the app finds its shipped files and keeps the user's data."""

from __future__ import annotations

import site
import sys
from pathlib import Path

import platformdirs

APP_NAME = "ServiceDesk"
APP_AUTHOR = "ServiceDesk"
DB_FILENAME = "service_desk.sqlite3"


def install_root() -> Path:
    """Folder holding data/, forms/ and resources/: the PyInstaller bundle when frozen,
    the repository in a checkout, ``<prefix>/share/service-desk`` when pip installed it
    (pyproject.toml's data-files; the user's base for ``pip install --user``)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    source = Path(__file__).resolve().parent.parent
    if (source / "data").is_dir():
        return source
    for base in (sys.prefix, site.getuserbase()):
        shared = Path(base) / "share" / "service-desk"
        if (shared / "data").is_dir():
            return shared
    return source


def data_file(name: str) -> Path:
    """A reference file shipped in data/."""
    return install_root() / "data" / name


def resource(*parts: str) -> Path:
    return install_root().joinpath("resources", *parts)


def user_data_dir(override: str | Path | None = None) -> Path:
    """The folder holding the database: --data-dir if given, else the OS data folder."""
    if override:
        path = Path(override).expanduser().resolve()
    else:
        path = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_path(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME


def log_dir(data_dir: Path) -> Path:
    path = data_dir / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path
