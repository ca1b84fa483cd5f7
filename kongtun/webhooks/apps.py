from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    name = "kongtun.webhooks"
    verbose_name = _("Webhooks")

    def ready(self) -> None:
        from kongtun.core.events import listen
        from kongtun.webhooks import panels  # noqa: F401  (registers the panels it provides)
        from kongtun.webhooks.listeners import on_changes

        listen(on_changes)
