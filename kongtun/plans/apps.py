from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "kongtun.plans"
    verbose_name = _("Plans")

    def ready(self) -> None:
        from kongtun.plans import panels  # noqa: F401  (registers the panels it provides)
