from __future__ import annotations

from django.urls import path

from kongtun.exchange import views

app_name = "exchange"
urlpatterns = [
    path("formats/", views.formats, name="formats"),
    path("fund/<str:code>/", views.fund_page, name="fund"),
    path("fund/<str:code>/<slug:entity>.<slug:kind>", views.fund_export, name="export"),
]
