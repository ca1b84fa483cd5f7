from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundsConfig(AppConfig):
    name = "kongtun.funds"
    verbose_name = _("Funds")

    def ready(self) -> None:
        from kongtun.funds import panels  # noqa: F401  (registers the panels it provides)
