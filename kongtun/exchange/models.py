"""Stable keys of exchanged records. A project, activity or activity report keeps the key it was
first exported (or imported) with, so a file read back into this or another database updates the
same record instead of adding a copy. Plans and situation values need none: their natural keys
(fund × fiscal year × issue or indicator) are unique already."""

from __future__ import annotations

from django.db import models


class RecordKey(models.Model):
    model = models.CharField(max_length=40)  # label of the model, e.g. "projects.project"
    object_id = models.PositiveBigIntegerField()
    key = models.CharField(max_length=40)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["model", "object_id"], name="record_key_object"),
            models.UniqueConstraint(fields=["model", "key"], name="record_key_key"),
        ]

    def __str__(self) -> str:
        return f"{self.model}:{self.key}"

