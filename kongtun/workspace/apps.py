from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspaceConfig(AppConfig):
    """The top floor: the site's shell (menu, home, about), the signed-in workspace that gathers
    every app's to-dos, and the demo data. It may import every domain app; none imports it."""

    name = "kongtun.workspace"
    verbose_name = _("Workspace")
