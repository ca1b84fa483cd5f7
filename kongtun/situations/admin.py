from __future__ import annotations

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from kongtun.situations.models import SituationValue


@admin.register(SituationValue)
class SituationValueAdmin(SimpleHistoryAdmin):
    list_display = ["fund", "fiscal_year", "indicator", "value", "survey_date", "entered_by"]
    list_filter = ["fiscal_year", "indicator__issue"]
    search_fields = ["fund__code", "fund__name", "indicator__code"]
    raw_id_fields = ["fund", "entered_by"]
    list_select_related = ["fund", "indicator", "entered_by"]
