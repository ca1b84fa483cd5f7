from __future__ import annotations

from django.urls import path

from kongtun.finance import views

app_name = "finance"
urlpatterns = [
    path("funds/<str:code>/<slug:report>/<int:year>/<slug:period>/", views.statement_page, name="statement"),
    path(
        "funds/<str:code>/<slug:report>/<int:year>/<slug:period>/<slug:extension>/",
        views.statement_file,
        name="statement_file",
    ),
]
