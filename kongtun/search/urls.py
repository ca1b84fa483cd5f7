from __future__ import annotations

from django.urls import path

from kongtun.search import views

app_name = "search"
urlpatterns = [
    path("", views.search_page, name="index"),
]
