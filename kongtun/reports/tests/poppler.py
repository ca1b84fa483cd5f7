"""What a reader gets out of a printed PDF: its text (pdftotext) and its pages as pixels (pdftoppm)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest


def pdf_text(pdf: bytes) -> str:
    """The PDF's text as copy, search and screen readers get it (poppler's pdftotext)."""
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def pdf_lines(pdf: bytes) -> list[str]:
    """The PDF's non-empty text lines, without the spaces pdftotext adds at their ends."""
    return [line.strip() for line in pdf_text(pdf).splitlines() if line.strip()]


def pdf_pages_as_png(pdf: bytes, dpi: int = 100) -> list[bytes]:
    """Each page of the PDF drawn as a PNG (poppler's pdftoppm)."""
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    with tempfile.TemporaryDirectory() as directory:
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-png", "-", f"{directory}/page"],
            input=pdf,
            capture_output=True,
            check=True,
        )
        return [page.read_bytes() for page in sorted(Path(directory).glob("page-*.png"))]
