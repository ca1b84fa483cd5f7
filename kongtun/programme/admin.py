from __future__ import annotations

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from kongtun.core.admin import AnnouncedAdmin
from kongtun.programme.models import (
    ContributionBand,
    FinanceRule,
    Indicator,
    Issue,
    OrgType,
    ProgrammeYear,
    SupportType,
    TargetGroup,
)


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
class IssueAdmin(AnnouncedAdmin):
    list_display = ["name_th", "name_en", "kind", "order"]
    list_filter = ["kind"]
    inlines = [IndicatorInline]


@admin.register(ProgrammeYear)
class ProgrammeYearAdmin(admin.ModelAdmin):
    list_display = ["fiscal_year", "is_open", "issue_count"]
    filter_horizontal = ["issues"]

    @admin.display(description=_("issues"))
    def issue_count(self, obj: ProgrammeYear) -> int:
        return obj.issues.count()


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "issue",
        "unit",
        "direction",
        "min_value",
        "max_value",
        "typical_change",
        "is_active",
    ]
    list_editable = ["typical_change", "is_active"]
    list_filter = ["issue", "direction", "is_active"]
    search_fields = ["name", "code"]


@admin.register(SupportType, OrgType, TargetGroup)
class ClassificationAdmin(AnnouncedAdmin):
    list_display = ["code", "name", "legal_reference", "order", "is_active"]


class ContributionBandInline(admin.TabularInline):
    model = ContributionBand
    extra = 0
    fields = ["revenue_from", "min_rate"]


@admin.register(FinanceRule)
class FinanceRuleAdmin(admin.ModelAdmin):
    """A new announcement (another per-head rate, other bands or targets) is a new rule from its year."""

    list_display = ["from_year", "per_head_rate", "target_q2", "target_q3", "target_q4"]
    inlines = [ContributionBandInline]
