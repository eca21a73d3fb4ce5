"""Where the app finds its shipped files: the repository in a checkout, the PyInstaller
bundle when frozen, <prefix>/share/service-desk when pip installed it."""

from __future__ import annotations

import sys

from service_desk import paths


def test_a_checkout_uses_the_repository():
    root = paths.install_root()
    assert (root / "data" / "models.json").is_file() and (root / "forms").is_dir()


def test_an_installed_copy_uses_the_shared_folder(tmp_path, monkeypatch):
    site_packages = tmp_path / "lib" / "python3.11" / "site-packages" / "service_desk"
    site_packages.mkdir(parents=True)
    shared = tmp_path / "share" / "service-desk"
    (shared / "data").mkdir(parents=True)
    monkeypatch.setattr(paths, "__file__", str(site_packages / "paths.py"))
    monkeypatch.setattr(sys, "prefix", str(tmp_path))
    assert paths.install_root() == shared
    assert paths.data_file("models.json") == shared / "data" / "models.json"


def test_a_frozen_build_uses_its_bundle(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.install_root() == tmp_path
