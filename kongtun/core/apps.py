from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "kongtun.core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from kongtun.core.choices import forget_on_changes
        from kongtun.core.events import listen

        listen(forget_on_changes)
