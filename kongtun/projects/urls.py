from __future__ import annotations

from django.urls import path

from kongtun.projects import views

app_name = "projects"
urlpatterns = [
    path("", views.public_projects, name="public"),
    path("mine/", views.my_proposals, name="mine"),
    path("fund/<str:code>/", views.fund_proposals, name="fund"),
    path("fund/<str:code>/new/", views.project_start, name="start"),
    path("fund/<str:code>/windows/", views.proposal_windows, name="windows"),
    path("fund/<str:code>/windows/<int:window_id>/close/", views.proposal_window_close, name="window_close"),
    path(
        "start/from-plan/<int:planned_project_id>/",
        views.project_start_from_planned,
        name="start_from_planned",
    ),
    path("<int:pk>/", views.project_detail, name="detail"),
    path("<int:pk>/edit/<int:step>/", views.project_edit, name="edit"),
    path("<int:pk>/edit/<int:step>/autosave/", views.project_autosave, name="autosave"),
    path("<int:pk>/activities/new/", views.activity_edit, name="activity_new"),
    path("<int:pk>/activities/<int:activity_id>/", views.activity_edit, name="activity_edit"),
    path(
        "<int:pk>/activities/<int:activity_id>/autosave/",
        views.project_autosave,
        {"step": 7},
        name="activity_autosave",
    ),
    path("<int:pk>/review/", views.project_review, name="review"),
    path("<int:pk>/quality/", views.project_quality, name="quality"),
    path("<int:pk>/comments/", views.project_comments, name="comments"),
    path("<int:pk>/history/", views.project_history, name="history"),
    path("<int:pk>/pdf/", views.project_pdf, name="pdf"),
    path("<int:pk>/<str:name>/", views.project_transition, name="transition"),
]
