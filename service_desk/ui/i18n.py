"""UI language: Simplified Chinese by default, English selectable."""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from service_desk import paths

LANGUAGES = ("zh_CN", "en")
DEFAULT = "zh_CN"


def saved_language() -> str:
    value = QSettings().value("ui/language", DEFAULT)
    return value if value in LANGUAGES else DEFAULT


def save_language(lang: str) -> None:
    QSettings().setValue("ui/language", lang)


def qm_path(lang: str) -> str:
    return str(paths.resource("translations", f"service_desk_{lang}.qm"))


def install(app: QApplication, lang: str) -> list[QTranslator]:
    """Load our translation and Qt's own (standard buttons) for lang; keep the result alive."""
    installed: list[QTranslator] = []
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return installed
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    ours = QTranslator(app)
    if ours.load(qm_path(lang)):
        app.installTranslator(ours)
        installed.append(ours)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def ui_lang() -> str:
    """'zh' or 'en', for picking reference names (models, systems, standard jobs)."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"
