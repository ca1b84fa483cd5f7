"""Photo files for tests: a phone photo lying on its side (EXIF orientation 6), and bad files."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def jpeg_bytes(width: int = 80, height: int = 40, orientation: int | None = None) -> bytes:
    image = Image.new("RGB", (width, height), (200, 30, 30))
    buffer = io.BytesIO()
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    image.save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


def photo(name: str = "photo.jpg", **kwargs: int) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, jpeg_bytes(**kwargs), content_type="image/jpeg")


def not_an_image(name: str = "notes.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"this is a text file, not a photo", content_type="image/jpeg")


def broken_jpeg(name: str = "broken.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, jpeg_bytes(400, 300)[:300], content_type="image/jpeg")
