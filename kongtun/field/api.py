"""API of field entry: a phone sends the records it kept offline, then their photos one by one."""

from __future__ import annotations

import uuid
from dataclasses import asdict
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from kongtun.core.api_errors import ErrorOut, error_body
from kongtun.field import services

router = Router(tags=["field"])


class RecordIn(Schema):
    id: str
    kind: str
    fund: str = ""
    year: int | None = None
    issue: str = ""
    project: int | None = None
    fields: dict[str, str] = {}


class SyncIn(Schema):
    records: list[RecordIn]


class AnswerOut(Schema):
    id: str
    status: str
    reason: str
    errors: list[str]
    items: list[dict[str, Any]]
    url: str


class SyncOut(Schema):
    results: list[AnswerOut]


class SyncedPhotoOut(Schema):
    id: uuid.UUID
    stored: bool


@router.post("/sync", response=SyncOut, url_name="field_sync")
def sync(request: HttpRequest, payload: SyncIn) -> dict[str, Any]:
    """Each record (its `id` made on the phone) is checked as the web page checks it and answered
    `accepted`, `refused` (with the reason) or `conflict` (both versions: the officer chooses).
    A record sent again gets its first answer; nothing is saved twice."""
    records = [record.dict() for record in payload.records]
    return {"results": [asdict(a) for a in services.sync_records(user=request.user, records=records)]}


@router.post("/photos", response={200: SyncedPhotoOut, 409: ErrorOut}, url_name="field_photo")
def photo(
    request: HttpRequest,
    id: Form[uuid.UUID],
    record: Form[uuid.UUID],
    image: File[UploadedFile],
    caption: Form[str] = "",
) -> Any:
    """One photo of an accepted report (`record` is the report's id from the phone). Sent again,
    it is stored once; sent before its report was accepted, it gets 409 and is sent again later."""
    try:
        kept, stored = services.sync_photo_add(
            user=request.user, client_id=id, record_id=record, upload=image, caption=caption
        )
    except services.NotYet:
        return Status(
            409, error_body(_("The report of this photo is not saved yet: the phone sends it again later."))
        )
    return Status(200, {"id": kept.client_id, "stored": stored})
