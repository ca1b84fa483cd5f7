from __future__ import annotations

from django.urls import path

from kongtun.plans import views

app_name = "plans"
urlpatterns = [
    path("fund/<str:code>/", views.fund_plans, name="fund"),
    path("fund/<str:code>/<int:year>/<slug:issue>/new/", views.plan_create, name="create"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/edit/", views.plan_edit, name="edit"),
    path("<int:pk>/pdf/", views.plan_pdf, name="pdf"),
    path("area/<str:level>/<str:code>/<int:year>/", views.area_plan, name="area"),
    path("area/<str:level>/<str:code>/<int:year>/pdf/", views.area_plan_pdf, name="area_pdf"),
]
