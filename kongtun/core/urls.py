from __future__ import annotations

from django.urls import path

from kongtun.core import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
]
