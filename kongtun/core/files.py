"""Serving stored files (photos) after the caller has checked who may see them."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.http.response import HttpResponseBase


def local_path(file: FieldFile) -> Path | None:
    """The file on this server's disk, or None on object storage."""
    try:
        return Path(file.path)
    except NotImplementedError:  # S3 and the like have no local path
        return None


def stored_file_response(file: FieldFile, *, public: bool) -> HttpResponseBase:
    """The file itself from the disk, or a redirect to a link of the object storage signed for a few
    minutes (DJANGO_S3_URL_SECONDS), so the bucket stays private. A file that is gone is a 404."""
    path = local_path(file)
    if path is None:
        redirect = HttpResponseRedirect(file.url)
        redirect["Cache-Control"] = "private, max-age=60"  # well within the signed link's life
        return redirect
    if not path.is_file():
        raise Http404
    response = FileResponse(path.open("rb"), content_type=mimetypes.guess_type(path.name)[0])
    # A photo of a non-public project must not stay in a shared cache.
    response["Cache-Control"] = "public, max-age=3600" if public else "private, max-age=3600"
    return response
