from __future__ import annotations

from django.urls import path

from kongtun.funds import views

app_name = "funds"
urlpatterns = [
    path("", views.fund_index, name="index"),
    path("<str:code>/", views.fund_detail, name="detail"),
    path("<str:code>/edit/", views.fund_edit, name="edit"),
    path("<str:code>/year/", views.fund_year_edit, name="year_edit"),
    path("<str:code>/members/", views.fund_members, name="members"),
    path("<str:code>/members/history/", views.fund_members_history, name="members_history"),
    path("<str:code>/members/<int:membership_id>/remove/", views.fund_member_remove, name="member_remove"),
]
