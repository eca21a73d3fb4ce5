"""The counter's database runs no sqlite-utils plugins installed in the environment (and
does not scan every installed package for them at each connection)."""

from __future__ import annotations

import sqlite3

import pluggy
import pytest
from sqlite_utils import plugins

from service_desk.store.db import connect


class Injected:
    @plugins.hookspecs.hookimpl
    def prepare_connection(self, conn):
        conn.create_function("injected", 0, lambda: 1)


def test_a_plugin_in_the_environment_does_not_reach_the_counters_connection(tmp_path, monkeypatch):
    manager = pluggy.PluginManager("sqlite_utils")
    manager.add_hookspecs(plugins.hookspecs)
    manager.register(Injected())
    monkeypatch.setattr(plugins, "pm", manager)
    monkeypatch.setattr("sqlite_utils.db.pm", manager)
    import sqlite_utils

    plain = sqlite_utils.Database(str(tmp_path / "plain.sqlite3"))
    assert plain.execute("SELECT injected()").fetchone() == (1,)  # what a plugin can do
    ours = connect(tmp_path / "ours.sqlite3")
    with pytest.raises(sqlite3.OperationalError, match="no such function"):
        ours.execute("SELECT injected()")
