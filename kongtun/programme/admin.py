from __future__ import annotations

from django.contrib import admin

from kongtun.programme.models import Indicator, Issue, OrgType, ProgrammeYear, SupportType, TargetGroup


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0
    fields = [
        "code",
        "name",
        "unit",
        "direction",
        "min_value",
        "max_value",
        "typical_change",
        "order",
        "is_active",
    ]


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    list_display = ["name_th", "name_en", "kind", "order"]
    list_filter = ["kind"]
    inlines = [IndicatorInline]


@admin.register(ProgrammeYear)
class ProgrammeYearAdmin(admin.ModelAdmin):
    list_display = ["fiscal_year", "is_open"]
    filter_horizontal = ["issues"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "issue", "unit", "direction", "is_active"]
    list_filter = ["issue", "direction", "is_active"]
    search_fields = ["name", "code"]


@admin.register(SupportType, OrgType, TargetGroup)
class ClassificationAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "legal_reference", "order", "is_active"]
