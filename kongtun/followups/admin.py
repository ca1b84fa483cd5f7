"""Programme configuration: the satisfaction questionnaire's questions (scored 1–5)."""

from __future__ import annotations

from django.contrib import admin

from kongtun.followups.models import ProjectClosing, SatisfactionQuestion


@admin.register(SatisfactionQuestion)
class SatisfactionQuestionAdmin(admin.ModelAdmin):
    list_display = ["order", "text", "active"]
    list_display_links = ["text"]
    list_editable = ["order", "active"]


@admin.register(ProjectClosing)
class ProjectClosingAdmin(admin.ModelAdmin):
    list_display = ["project", "status", "closed_on", "returned_amount"]
    list_filter = ["status"]
    raw_id_fields = ["project", "closed_by"]
