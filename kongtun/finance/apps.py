from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinanceConfig(AppConfig):
    name = "kongtun.finance"
    verbose_name = _("Fund finance")

    def ready(self) -> None:
        from kongtun.core.events import listen
        from kongtun.finance import panels  # noqa: F401  (registers the panels it provides)
        from kongtun.finance.listeners import on_changes

        listen(on_changes)
