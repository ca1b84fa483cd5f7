"""The roll-ups behind the national, region and province dashboards stay up to date without a
cron job: the projects, plans and follow-ups services rewrite the district's rows."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kongtun.dashboards.models import IssueRollup, ProjectRollup, RollupRun
from kongtun.dashboards.selectors import Scope, dashboard
from kongtun.dashboards.services import rollup_refresh, rollup_update
from kongtun.dashboards.tests.data import YEAR, rollup_data
from kongtun.followups.services import report_create, report_delete
from kongtun.plans.services import plan_delete
from kongtun.projects.models import Status
from kongtun.projects.services import project_approve, project_create

FIELDS = ("district_id", "status", "projects", "requested", "approved", "spent", "reports")


@pytest.fixture
def data(story):
    found = rollup_data(story)
    rollup_refresh(fiscal_year=YEAR)
    return found


def _rows() -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    projects = sorted(ProjectRollup.objects.values_list("support_type_id", *FIELDS), key=str)
    issues = sorted(IssueRollup.objects.values_list("issue_id", *FIELDS), key=str)
    return projects, issues


def assert_same_as_a_full_refresh() -> None:
    kept = _rows()
    rollup_refresh(fiscal_year=YEAR)
    assert kept == _rows()


def test_a_new_proposal_counts_on_the_national_dashboard_at_once(story, data):
    before = dashboard(Scope(fiscal_year=YEAR))
    project_create(
        fund=story.fund_a,
        user=story.proposer_a,
        title="โครงการใหม่",
        fiscal_year=YEAR,
        plans=[data.plan_a_tob],
    )
    after = dashboard(Scope(fiscal_year=YEAR))
    assert after.as_of is not None  # read from the roll-ups
    assert after.proposals == before.proposals + 1
    tobacco = {r.key: r for r in after.by_issue}[data.tobacco.pk]
    assert tobacco.proposals == {r.key: r for r in before.by_issue}[data.tobacco.pk].proposals + 1
    assert_same_as_a_full_refresh()


def test_an_approval_counts_on_the_province_dashboard_at_once(story, data):
    data.p3.status = Status.SUBMITTED
    data.p3.save()
    before = dashboard(Scope(fiscal_year=YEAR, area=story.province))
    project_approve(
        project=data.p3,
        user=story.committee_a,
        meeting_no="3/2568",
        meeting_date=dt.date(2025, 3, 1),
        approved_budget=Decimal("400"),
        report_due_date=dt.date(2025, 9, 1),
    )
    after = dashboard(Scope(fiscal_year=YEAR, area=story.province))
    assert after.approved == before.approved + 1
    assert after.approved_budget == before.approved_budget + Decimal("400")
    assert_same_as_a_full_refresh()


def test_an_activity_report_and_its_spending_count_at_once_and_go_when_deleted(story, data):
    before = dashboard(Scope(fiscal_year=YEAR, area=story.region))
    report = report_create(
        project=data.p5,
        by=story.officer_a,
        title="ประชุมชี้แจง",
        date=dt.date(2025, 3, 1),
        spending=[{"expense_group": "services", "amount": "700"}],
    )
    after = dashboard(Scope(fiscal_year=YEAR, area=story.region))
    assert (after.reports, after.spent) == (before.reports + 1, before.spent + Decimal("700"))
    assert_same_as_a_full_refresh()
    report_delete(report=report)
    again = dashboard(Scope(fiscal_year=YEAR, area=story.region))
    assert (again.reports, again.spent) == (before.reports, before.spent)


def test_deleting_a_plan_takes_its_issue_off_the_projects_in_the_rollups(story, data):
    plan_delete(plan=data.plan_a_tob)
    by_issue = {r.key: r for r in dashboard(Scope(fiscal_year=YEAR)).by_issue}
    # Only p5 (fund A2) and p4 (fund B) are left under tobacco.
    assert by_issue[data.tobacco.pk].approved == 2
    assert_same_as_a_full_refresh()


def test_the_first_change_of_a_new_year_makes_its_rollup_with_its_own_district_only(story, data):
    RollupRun.objects.all().delete()
    ProjectRollup.objects.all().delete()
    IssueRollup.objects.all().delete()
    rollup_update(fiscal_year=data.p4.fiscal_year, fund_ids=[data.p4.fund_id])
    assert RollupRun.objects.filter(fiscal_year=YEAR).count() == 1
    # No whole-year refresh in a user's write: each district's first write rolls up its own rows.
    assert set(ProjectRollup.objects.values_list("district_id", flat=True)) == {story.fund_b.district_id}
    rollup_update(fiscal_year=YEAR, fund_ids=[story.fund_a.pk])
    assert RollupRun.objects.filter(fiscal_year=YEAR).count() == 1
    assert_same_as_a_full_refresh()


def test_a_year_without_a_refresh_is_still_read_from_the_rollups(story, data):
    RollupRun.objects.all().delete()
    board = dashboard(Scope(fiscal_year=YEAR))
    assert board.as_of is None
    # The same figures as before: the roll-up rows are there, only the refresh time is not.
    assert board.approved == 5
    assert {r.key: r.approved for r in board.by_issue}[data.tobacco.pk] == 4
