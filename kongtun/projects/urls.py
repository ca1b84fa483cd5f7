from __future__ import annotations

from django.urls import path

from kongtun.projects import views

app_name = "projects"
urlpatterns = [
    path("<int:pk>/", views.project_detail, name="detail"),
    path(
        "start/from-plan/<int:planned_project_id>/",
        views.project_start_from_planned,
        name="start_from_planned",
    ),
]
