from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "kongtun.projects"
    verbose_name = _("Projects")

    def ready(self) -> None:
        from kongtun.projects import history, panels  # noqa: F401  (register what they provide)
