from __future__ import annotations

from django.urls import path

from kongtun.dashboards import views

app_name = "dashboards"
urlpatterns = [
    path("", views.dashboard_page, name="nation"),
    path("export/", views.dashboard_file, {"extension": "xlsx"}, name="nation_export"),
    path("report/", views.dashboard_file, {"extension": "pdf"}, name="nation_report"),
    path("trends/", views.trend_page, name="nation_trends"),
    path("trends/export/", views.trend_file, {"extension": "xlsx"}, name="nation_trends_export"),
    path("compare/", views.compare_page, name="nation_compare"),
    path("compare/export/", views.compare_file, {"extension": "xlsx"}, name="nation_compare_export"),
    path("compare/report/", views.compare_file, {"extension": "pdf"}, name="nation_compare_report"),
    path("finance/", views.finance_page, name="nation_finance"),
    path("projects/", views.project_list, name="projects"),
    path("plans/", views.plan_list, name="plans"),
    path("region/<str:code>/", views.dashboard_page, {"level": "region"}, name="region"),
    path("province/<str:code>/", views.dashboard_page, {"level": "province"}, name="province"),
    path("district/<str:code>/", views.dashboard_page, {"level": "district"}, name="district"),
    path("fund/<str:code>/", views.dashboard_page, {"level": "fund"}, name="fund"),
    path("<str:level>/<str:code>/finance/", views.finance_page, name="finance"),
    path("<str:level>/<str:code>/trends/", views.trend_page, name="trends"),
    path(
        "<str:level>/<str:code>/trends/export/", views.trend_file, {"extension": "xlsx"}, name="trends_export"
    ),
    path("<str:level>/<str:code>/compare/", views.compare_page, name="compare"),
    path(
        "<str:level>/<str:code>/compare/export/",
        views.compare_file,
        {"extension": "xlsx"},
        name="compare_export",
    ),
    path(
        "<str:level>/<str:code>/compare/report/",
        views.compare_file,
        {"extension": "pdf"},
        name="compare_report",
    ),
    path("<str:level>/<str:code>/export/", views.dashboard_file, {"extension": "xlsx"}, name="export"),
    path("<str:level>/<str:code>/report/", views.dashboard_file, {"extension": "pdf"}, name="report"),
]
