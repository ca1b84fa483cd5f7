from __future__ import annotations

from django.urls import path

from kongtun.exchange import views

app_name = "exchange"
urlpatterns = [
    path("formats/", views.formats, name="formats"),
    path("open-data/", views.open_data, name="open_data"),
    path("open-data/<int:year>/make/", views.open_data_make, name="open_data_make"),
    path("fund/<str:code>/", views.fund_page, name="fund"),
    path("fund/<str:code>/dhis2/", views.dhis2_import, name="dhis2_import"),
    path("fund/<str:code>/dhis2.<slug:kind>", views.dhis2_export, name="dhis2_export"),
    path("fund/<str:code>/<slug:entity>.<slug:kind>", views.fund_export, name="export"),
]
