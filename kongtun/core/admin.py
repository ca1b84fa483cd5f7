"""Admin pages that announce their writes (`core.events.changed`), as services do, so the read
models and caches that listen (the configuration's choice lists, `core.choices`) hear of them."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import transaction
from django.db.models import Model, QuerySet
from django.http import HttpRequest

from kongtun.core.events import changed


class AnnouncedAdmin(admin.ModelAdmin):
    def save_model(self, request: HttpRequest, obj: Model, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        changed(obj)

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        with transaction.atomic():
            changed(obj, deleted=True)
            super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        with transaction.atomic():
            for obj in queryset:
                changed(obj, deleted=True)
            super().delete_queryset(request, queryset)
