"""Writes of the dashboards app: refreshing the roll-up tables (see models.py)."""

from __future__ import annotations

from django.db import connection, transaction
from django.utils import timezone

from kongtun.dashboards.models import IssueRollup, ProjectRollup, RollupRun
from kongtun.projects.models import Project

# Per project of the year: its spending and its number of activity reports.
_PER_PROJECT = """
    SELECT p.id AS project_id, p.fund_id, p.status, p.support_type_id, p.requested_budget,
           COALESCE(p.approved_budget, 0) AS approved_budget,
           COALESCE((SELECT SUM(s.amount) FROM followups_reportspending s
                     JOIN followups_activityreport r ON r.id = s.report_id
                     WHERE r.project_id = p.id), 0) AS spent,
           (SELECT COUNT(*) FROM followups_activityreport r WHERE r.project_id = p.id) AS reports
    FROM projects_project p WHERE p.fiscal_year = %s
"""

_PROJECTS = f"""
    INSERT INTO dashboards_projectrollup (fiscal_year, region_id, province_id, district_id, status,
        support_type_id, projects, requested, approved, spent, reports)
    SELECT %s, f.region_id, f.province_id, f.district_id, x.status, x.support_type_id, COUNT(*),
           SUM(x.requested_budget), SUM(x.approved_budget), SUM(x.spent), SUM(x.reports)
    FROM ({_PER_PROJECT}) x JOIN funds_fund f ON f.id = x.fund_id
    GROUP BY f.region_id, f.province_id, f.district_id, x.status, x.support_type_id
"""

_ISSUES = f"""
    INSERT INTO dashboards_issuerollup (fiscal_year, region_id, province_id, district_id, status, issue_id,
        projects, requested, approved, spent, reports)
    SELECT %s, f.region_id, f.province_id, f.district_id, x.status, i.issue_id, COUNT(*),
           SUM(x.requested_budget), SUM(x.approved_budget), SUM(x.spent), SUM(x.reports)
    FROM ({_PER_PROJECT}) x JOIN funds_fund f ON f.id = x.fund_id
    LEFT JOIN (SELECT DISTINCT pp.project_id, pl.issue_id FROM projects_project_plans pp
               JOIN plans_plan pl ON pl.id = pp.plan_id) i ON i.project_id = x.project_id
    GROUP BY f.region_id, f.province_id, f.district_id, x.status, i.issue_id
"""


@transaction.atomic
def rollup_refresh(*, fiscal_year: int) -> RollupRun:
    """Rewrite the roll-ups of one fiscal year from the live tables (set-based SQL, any database)."""
    ProjectRollup.objects.filter(fiscal_year=fiscal_year).delete()
    IssueRollup.objects.filter(fiscal_year=fiscal_year).delete()
    with connection.cursor() as cursor:
        cursor.execute(_PROJECTS, [fiscal_year, fiscal_year])
        cursor.execute(_ISSUES, [fiscal_year, fiscal_year])
    run, _created = RollupRun.objects.update_or_create(
        fiscal_year=fiscal_year, defaults={"refreshed_at": timezone.now()}
    )
    return run


def rollup_refresh_all() -> list[RollupRun]:
    years = Project.objects.values_list("fiscal_year", flat=True).distinct().order_by("fiscal_year")
    return [rollup_refresh(fiscal_year=year) for year in years]
