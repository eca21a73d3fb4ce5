"""The smoke test of a build (service-desk --smoke-test), run in-process: every form kind
rendered, the workbook, the window; a failing form named with exit code 1; and a run as
in the windowed build, without a console (sys.stdout and sys.stderr None)."""

from __future__ import annotations

import logging
import sys

import pytest

from service_desk import logsetup, smoke
from service_desk.app import main
from service_desk.printing import templates


@pytest.fixture
def root_logging():
    """Handlers the run adds to the root logger are closed and removed afterwards."""
    root, quiet = logging.getLogger(), logging.getLogger("fontTools")
    handlers, levels = list(root.handlers), (root.level, quiet.level)
    yield root
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(levels[0])
    quiet.setLevel(levels[1])


@pytest.fixture
def no_window(monkeypatch):
    """Leave out the window check (covered once, in the full run) to keep these short."""
    monkeypatch.setattr(smoke, "_window", lambda *_a: "left out")


def test_every_form_the_workbook_and_the_window(tmp_path, capsys):
    report = tmp_path / "smoke.txt"
    assert main(["--smoke-test", "--smoke-report", str(report)]) == 0
    text = report.read_text(encoding="utf-8")
    assert capsys.readouterr().out == text
    lines = text.splitlines()
    assert not [line for line in lines if line.startswith("FAIL")]
    assert lines[-1].startswith("smoke test passed: ")
    for kind in templates.kinds():
        assert any(line.startswith(f"ok   form {kind}: ") for line in lines), kind
    for check in ("database", "print font", "time zone", "workbook", "window"):
        assert any(line.startswith(f"ok   {check}: ") for line in lines), check
    window = next(line for line in lines if line.startswith("ok   window: "))
    assert "10 tabs" in window and "今日" in window and "icon" in window and "via Qt" in window


def test_a_failing_form_is_named_and_the_others_still_run(monkeypatch, tmp_path, no_window):
    from service_desk.printing import letter_forms, warranty_forms

    def broken(*_a, **_k):
        raise KeyError("dealer")

    monkeypatch.setattr(letter_forms, "render_letters", lambda *_a, **_k: b"<html>")
    monkeypatch.setattr(warranty_forms, "render_open_claims", broken)
    kinds = templates.kinds
    monkeypatch.setattr(templates, "kinds", lambda: [*kinds(), "new_form"])
    report = tmp_path / "smoke.txt"
    assert smoke.run(report) == 1
    lines = report.read_text(encoding="utf-8").splitlines()
    failed = [line for line in lines if line.startswith("FAIL")]
    assert failed[0] == "FAIL form letter: SmokeFailure: not a PDF: starts with b'<html>'"
    assert failed[1].startswith("FAIL form warranty_claims: KeyError: 'dealer'")
    assert "no smoke check renders it" in failed[2] and "new_form" in failed[2]
    assert lines[-1].startswith("smoke test FAILED")
    assert lines[-1].endswith("form letter, form warranty_claims, form new_form")
    assert "ok   form key_report: " in "\n".join(lines)  # after the failures, still checked
    # an error in Python code is reported with where it happened
    assert any("Traceback" in line for line in lines)


def test_without_a_console_the_report_goes_to_the_log_and_the_file(
    monkeypatch, tmp_path, root_logging, no_window
):
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    report = tmp_path / "report.txt"
    data = tmp_path / "data"
    code = main(["--smoke-test", "--data-dir", str(data), "--smoke-report", str(report)])
    assert code == 0
    assert isinstance(sys.stdout, logsetup.LogStream)
    assert isinstance(sys.stderr, logsetup.LogStream)
    sys.stderr.write("a library writing to stderr\n")  # does not fail
    for handler in root_logging.handlers:
        handler.flush()
    log = (data / "logs" / logsetup.LOG_NAME).read_text(encoding="utf-8")
    assert "INFO service_desk.stdout: smoke test passed" in log
    assert "WARNING service_desk.stderr: a library writing to stderr" in log
    assert "fontTools" not in log  # ~30 INFO lines per printed form otherwise
    assert report.read_text(encoding="utf-8").splitlines()[-1].startswith("smoke test passed")


def test_without_a_console_and_no_data_folder_output_goes_nowhere(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert logsetup.console_to_log(None) is None
    print("lost, without failing")
    print("lost too", file=sys.stderr)
    sys.stdout.close()
    sys.stderr.close()


def test_check_pdf():
    assert smoke.check_pdf(b"%PDF-1.4\n...\n%%EOF\n") == "19 bytes"
    for bad, why in ((b"", "empty"), (b"PK\x03\x04", "not a PDF"), (b"%PDF-1.4\n1 0 obj", "cut")):
        with pytest.raises(smoke.SmokeFailure, match=why):
            smoke.check_pdf(bad)
