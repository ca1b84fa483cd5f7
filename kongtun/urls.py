from __future__ import annotations

from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from ninja.openapi.views import openapi_json

from kongtun.api.api import api

urlpatterns: list[URLPattern | URLResolver] = [
    path("", include("kongtun.workspace.urls")),
    path("accounts/", include("kongtun.accounts.urls")),
    path("areas/", include("kongtun.areas.urls")),
    path("funds/", include("kongtun.funds.urls")),
    path("situations/", include("kongtun.situations.urls")),
    path("plans/", include("kongtun.plans.urls")),
    path("projects/", include("kongtun.projects.urls")),
    path("followups/", include("kongtun.followups.urls")),
    path("finance/", include("kongtun.finance.urls")),
    path("dashboards/", include("kongtun.dashboards.urls")),
    path("reports/", include("kongtun.reports.urls")),
    path("search/", include("kongtun.search.urls")),
    path("exchange/", include("kongtun.exchange.urls")),
    path("field/", include("kongtun.field.urls")),
    path("webhooks/", include("kongtun.webhooks.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    # The OpenAPI document also next to the version it describes (the docs page reads /api/openapi.json).
    path("api/v1/openapi.json", openapi_json, {"api": api}, name="openapi-v1"),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]

# An address nobody serves: JSON under /api/, the 404 page elsewhere.
handler404 = "kongtun.api.views.not_found"
