from __future__ import annotations

from django.urls import path

from kongtun.situations import views

app_name = "situations"
urlpatterns = [
    path("fund/<str:code>/", views.fund_overview, name="fund"),
    path("fund/<str:code>/<int:year>/<slug:issue>/", views.entry, name="entry"),
    path("template/", views.template_download, name="template"),
    path("export/", views.export, name="export"),
    path("import/", views.import_file, name="import"),
    path("area/<str:level>/<str:code>/", views.area_overview, name="area"),
    path("area/<str:level>/<str:code>/<slug:indicator>/", views.indicator_view, name="indicator"),
]
