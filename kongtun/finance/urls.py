from __future__ import annotations

from django.urls import path

from kongtun.finance import closing_views, views

app_name = "finance"
urlpatterns = [
    path("projects/<int:pk>/closing/", closing_views.closing, name="closing"),
    path("projects/<int:pk>/closing/reopen/", closing_views.reopen, name="closing_reopen"),
    path("funds/<str:code>/<slug:report>/<int:year>/<slug:period>/", views.statement_page, name="statement"),
    path(
        "funds/<str:code>/<slug:report>/<int:year>/<slug:period>/<slug:extension>/",
        views.statement_file,
        name="statement_file",
    ),
]
