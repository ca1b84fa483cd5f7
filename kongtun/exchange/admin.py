from __future__ import annotations

from django.contrib import admin

from kongtun.exchange.models import Dhis2Code


@admin.register(Dhis2Code)
class Dhis2CodeAdmin(admin.ModelAdmin):
    list_display = ("kind", "local_code", "dhis2_code", "category_option_combo")
    list_filter = ("kind",)
    search_fields = ("local_code", "dhis2_code")
