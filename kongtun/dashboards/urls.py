from __future__ import annotations

from django.urls import path

from kongtun.dashboards import views

app_name = "dashboards"
urlpatterns = [
    path("", views.dashboard_page, name="nation"),
    path("export/", views.dashboard_file, {"extension": "xlsx"}, name="nation_export"),
    path("report/", views.dashboard_file, {"extension": "pdf"}, name="nation_report"),
    path("projects/", views.project_list, name="projects"),
    path("plans/", views.plan_list, name="plans"),
    path("region/<str:code>/", views.dashboard_page, {"level": "region"}, name="region"),
    path("province/<str:code>/", views.dashboard_page, {"level": "province"}, name="province"),
    path("district/<str:code>/", views.dashboard_page, {"level": "district"}, name="district"),
    path("fund/<str:code>/", views.dashboard_page, {"level": "fund"}, name="fund"),
    path("<str:level>/<str:code>/export/", views.dashboard_file, {"extension": "xlsx"}, name="export"),
    path("<str:level>/<str:code>/report/", views.dashboard_file, {"extension": "pdf"}, name="report"),
]
