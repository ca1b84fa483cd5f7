from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardsConfig(AppConfig):
    name = "kongtun.dashboards"
    verbose_name = _("Dashboards")

    def ready(self) -> None:
        from kongtun.core.events import listen
        from kongtun.dashboards import jobs, panels  # noqa: F401  (register their exporter and panels)
        from kongtun.dashboards.listeners import on_changes

        listen(on_changes)
