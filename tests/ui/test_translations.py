"""The Chinese UI is complete: every string translated, placeholders kept, .qm current."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from service_desk.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "service_desk_zh_CN.ts"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def messages():
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            yield (
                context.findtext("name"),
                message.findtext("source"),
                message.find("translation"),
            )


def test_every_string_is_translated_and_keeps_its_placeholders():
    count = 0
    for context, source, translation in messages():
        count += 1
        assert translation.get("type") is None and translation.text, (context, source)
        assert sorted(PLACEHOLDER.findall(source)) == sorted(
            PLACEHOLDER.findall(translation.text)
        ), (context, source)
    assert count > 200


def test_ts_file_is_current_with_the_sources():
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_qm_translates_the_ui(qapp):
    translator = QTranslator()
    assert translator.load(i18n.qm_path("zh_CN"))
    qapp.installTranslator(translator)
    try:
        assert QCoreApplication.translate("MainWindow", "Reception") == "接待"
        assert QCoreApplication.translate("Labels", "Signed") == "已签字"
    finally:
        qapp.removeTranslator(translator)
