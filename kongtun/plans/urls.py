from __future__ import annotations

from django.urls import path

from kongtun.plans import views

app_name = "plans"
urlpatterns = [
    path("fund/<str:code>/", views.fund_plans, name="fund"),
    path("fund/<str:code>/<int:year>/<slug:issue>/new/", views.plan_create, name="create"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/edit/", views.plan_edit, name="edit"),
    path("<int:pk>/pdf/", views.plan_file, {"extension": "pdf"}, name="pdf"),
    path("<int:pk>/docx/", views.plan_file, {"extension": "docx"}, name="docx"),
    path("area/<str:level>/<str:code>/<int:year>/", views.area_plan, name="area"),
    path(
        "area/<str:level>/<str:code>/<int:year>/pdf/",
        views.area_plan_file,
        {"extension": "pdf"},
        name="area_pdf",
    ),
    path(
        "area/<str:level>/<str:code>/<int:year>/docx/",
        views.area_plan_file,
        {"extension": "docx"},
        name="area_docx",
    ),
]
