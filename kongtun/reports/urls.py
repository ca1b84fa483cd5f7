from __future__ import annotations

from django.urls import path

from kongtun.reports import views

app_name = "reports"
urlpatterns = [
    path("jobs/<int:pk>/", views.job_page, name="job"),
    path("jobs/<int:pk>/file/", views.job_file, name="job_file"),
]
