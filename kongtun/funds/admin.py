from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kongtun.funds.models import Fund, FundYear


class FundYearInline(admin.TabularInline):
    model = FundYear
    extra = 0


@admin.register(Fund)
class FundAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "district", "province", "region", "is_active"]
    list_filter = ["region", "lg_type", "is_active"]
    search_fields = ["code", "name", "lg_name"]
    raw_id_fields = ["district", "province"]
    autocomplete_fields = ["subdistricts"]
    inlines = [FundYearInline]
