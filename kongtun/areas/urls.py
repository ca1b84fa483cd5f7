from __future__ import annotations

from django.urls import path

from kongtun.areas import views

app_name = "areas"
urlpatterns = [
    path("", views.index, name="index"),
    path("region/<int:number>/", views.region, name="region"),
    path("province/<str:code>/", views.province, name="province"),
    path("district/<str:code>/", views.district, name="district"),
]
