"""Why a form cannot be printed: importable without the renderer (fpdf2, fontTools), so
the window can name these failures without loading the printing machinery at start."""

from __future__ import annotations

from collections.abc import Iterable

from service_desk import paths


class FontMissingError(Exception):
    """No usable Chinese font on this machine; str() says what to install."""

    def __init__(self, searched: Iterable[str] = ()) -> None:
        self.searched = list(searched)
        super().__init__(
            "No Chinese font found. Install Microsoft YaHei (Windows), or "
            "fonts-wqy-microhei / fonts-noto-cjk (Debian), or put a .ttf/.ttc into "
            f"resources/fonts/ ({paths.resource('fonts')})."
        )


class FormNotAvailable(ValueError):
    """This form does not apply to the order in its present state."""

    def __init__(self, kind: str, state: str):
        super().__init__(f"{kind} is not printed for an order that is {state}")
        self.kind = kind
        self.state = state
