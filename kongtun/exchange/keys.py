"""The stable key of a project, activity or activity report (see `models.RecordKey`)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from django.db import IntegrityError, transaction

from kongtun.exchange.models import RecordKey


def keys_of(model: str, ids: Iterable[int]) -> dict[int, str]:
    """The keys of these rows, giving a new one to each row exported for the first time."""
    wanted = set(ids)
    found = dict(RecordKey.objects.filter(model=model, object_id__in=wanted).values_list("object_id", "key"))
    missing = [RecordKey(model=model, object_id=i, key=uuid.uuid4().hex) for i in sorted(wanted - set(found))]
    if missing:
        try:
            with transaction.atomic():
                RecordKey.objects.bulk_create(missing)
        except IntegrityError:  # a concurrent export keyed some of them first: read theirs
            return keys_of(model, wanted)
        found |= {k.object_id: k.key for k in missing}
    return found


def object_id_of(model: str, key: str) -> int | None:
    return RecordKey.objects.filter(model=model, key=key).values_list("object_id", flat=True).first()


def key_record(model: str, object_id: int, key: str) -> str:
    """Give a row made by an import the key the file gave it (or a new one)."""
    key = key or uuid.uuid4().hex
    RecordKey.objects.filter(model=model, key=key).delete()  # a key left by a deleted row
    RecordKey.objects.update_or_create(model=model, object_id=object_id, defaults={"key": key})
    return key
