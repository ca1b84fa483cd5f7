from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SituationsConfig(AppConfig):
    name = "kongtun.situations"
    verbose_name = _("Health situation")

    def ready(self) -> None:
        from kongtun.situations import panels  # noqa: F401  (registers the panels it provides)
