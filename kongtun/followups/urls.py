from __future__ import annotations

from django.urls import path

from kongtun.followups import views

app_name = "followups"
urlpatterns = [
    path("projects/<int:pk>/", views.project_followup, name="project"),
    path("projects/<int:pk>/final-report/", views.final_report, name="final_report"),
]
