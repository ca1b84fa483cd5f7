from __future__ import annotations

from django.urls import path

from kongtun.search import views

app_name = "search"
urlpatterns = [
    path("", views.search_page, name="index"),
    path("learn/", views.learn_index, name="learn"),
    path("learn/<slug:code>/", views.learn_issue, name="learn_issue"),
    path("similar/<int:pk>/", views.similar_list, name="similar"),
]
