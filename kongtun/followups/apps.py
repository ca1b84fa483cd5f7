from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupsConfig(AppConfig):
    name = "kongtun.followups"
    verbose_name = _("Follow-up")

    def ready(self) -> None:
        from kongtun.followups import history, jobs, panels  # noqa: F401  (register what they provide)
