from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "kongtun.search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from kongtun.core.events import listen
        from kongtun.search import panels  # noqa: F401  (registers the panels it provides)
        from kongtun.search.listeners import on_changes

        listen(on_changes)
