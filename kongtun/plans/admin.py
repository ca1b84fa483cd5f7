from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kongtun.plans.models import Plan, PlannedProject, PlanTarget


class PlanTargetInline(admin.TabularInline):
    model = PlanTarget
    extra = 0


class PlannedProjectInline(admin.TabularInline):
    model = PlannedProject
    extra = 0


@admin.register(Plan)
class PlanAdmin(SimpleHistoryAdmin):
    list_display = ["fund", "fiscal_year", "issue", "budget", "updated_at"]
    list_filter = ["fiscal_year", "issue"]
    search_fields = ["fund__code", "fund__name"]
    raw_id_fields = ["fund", "created_by"]
    inlines = [PlanTargetInline, PlannedProjectInline]
