from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FieldConfig(AppConfig):
    name = "kongtun.field"
    verbose_name = _("Field entry")

    def ready(self) -> None:
        from kongtun.field import panels  # noqa: F401  (registers the panels it provides)
