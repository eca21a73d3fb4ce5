"""Helpers for reading printed forms back."""

from __future__ import annotations

import io

from pypdf import PdfReader


def pdf_pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Extracted text without line breaks and spaces, for finding wrapped strings."""
    return "".join(text.split())
