from __future__ import annotations

from django.urls import path

from kongtun.webhooks import views

app_name = "webhooks"
urlpatterns = [
    path("<int:pk>/", views.subscription_detail, name="detail"),
    path("<int:pk>/test/", views.subscription_test, name="test"),
    path("<int:pk>/delete/", views.subscription_delete, name="delete"),
    path("<slug:level>/<str:code>/", views.subscriptions, name="list"),
]
