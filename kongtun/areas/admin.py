from __future__ import annotations

from django.contrib import admin

from kongtun.areas.models import District, Province, Subdistrict
from kongtun.core.admin import AnnouncedAdmin


@admin.register(Province)
class ProvinceAdmin(AnnouncedAdmin):
    list_display = ["code", "name_th", "name_en", "region"]
    list_filter = ["region"]
    search_fields = ["code", "name_th", "name_en"]


@admin.register(District)
class DistrictAdmin(admin.ModelAdmin):
    list_display = ["code", "name_th", "province"]
    search_fields = ["code", "name_th", "name_en"]


@admin.register(Subdistrict)
class SubdistrictAdmin(admin.ModelAdmin):
    list_display = ["code", "name_th", "district"]
    search_fields = ["code", "name_th", "name_en"]
