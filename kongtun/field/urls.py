from __future__ import annotations

from django.urls import path

from kongtun.field import views

app_name = "field"
urlpatterns = [
    path("", views.home, name="home"),
    path("situation/<str:code>/<int:year>/<slug:issue>/", views.situation_entry, name="situation"),
    path("report/<int:pk>/", views.report_entry, name="report"),
    path("session/", views.session, name="session"),
    path("sw.js", views.service_worker, name="sw"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("conflicts/", views.conflicts, name="conflicts"),
    path("conflicts/<int:pk>/", views.conflict, name="conflict"),
    path("invites/<str:code>/", views.invites, name="invites"),
    path("invites/link/<int:pk>/revoke/", views.invite_revoke, name="invite_revoke"),
    path("invites/link/<int:pk>/qr.svg", views.invite_qr, name="invite_qr"),
    path("join/<str:token>/", views.join, name="join"),
]
