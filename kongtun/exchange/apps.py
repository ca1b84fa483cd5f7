from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "kongtun.exchange"
    verbose_name = _("Data exchange")

    def ready(self) -> None:
        from kongtun.exchange import opendata, panels  # noqa: F401  (register their exporter and panels)
