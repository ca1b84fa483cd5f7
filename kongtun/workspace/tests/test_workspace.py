"""The home page of a signed-in user is their workspace: their funds with this year's to-dos."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kongtun.conftest import login
from kongtun.plans.services import plan_save
from kongtun.programme.models import Indicator
from kongtun.projects.models import Project, Status
from kongtun.situations.selectors import year_issues
from kongtun.situations.services import situation_value_save
from kongtun.workspace.selectors import workspace

YEAR = 2570
TODAY = dt.date(2026, 11, 25)


def _todos(story: SimpleNamespace) -> None:
    smoking = Indicator.objects.get(code="tobacco-adults")
    for indicator in Indicator.objects.filter(issue=smoking.issue):  # one issue, however many values
        situation_value_save(fund=story.fund_a, fiscal_year=YEAR, indicator=indicator, value=Decimal(30))
    plan_save(fund=story.fund_a, fiscal_year=YEAR, issue=smoking.issue, targets=[], projects=[])
    Project.objects.create(fund=story.fund_a, fiscal_year=YEAR, title="รอพิจารณา", status=Status.SUBMITTED)
    Project.objects.create(
        fund=story.fund_a,
        fiscal_year=YEAR,
        title="รายงานช้า",
        status=Status.RUNNING,
        report_due_date=TODAY - dt.timedelta(days=1),
    )
    Project.objects.create(
        fund=story.fund_a,
        fiscal_year=YEAR,
        title="ยังไม่ถึงกำหนด",
        status=Status.RUNNING,
        report_due_date=TODAY + dt.timedelta(days=30),
    )
    Project.objects.create(fund=story.fund_b, fiscal_year=YEAR, title="ของกองทุน ข", status=Status.SUBMITTED)


def test_the_workspace_counts_this_years_todos_of_my_fund(story: SimpleNamespace) -> None:
    _todos(story)
    [todo] = workspace(user=story.officer_a, fiscal_year=YEAR, today=TODAY)
    assert todo.fund == story.fund_a
    assert todo.issues_total == len(year_issues(YEAR))
    assert (todo.issues_with_data, todo.plans, todo.proposals_waiting, todo.reports_late) == (1, 1, 1, 1)
    assert not todo.situation_done and not todo.plans_done


def test_the_workspace_costs_the_same_queries_for_one_fund_or_many(story: SimpleNamespace) -> None:
    _todos(story)
    with CaptureQueriesContext(connection) as one:
        assert len(workspace(user=story.officer_a, fiscal_year=YEAR, today=TODAY)) == 1
    with CaptureQueriesContext(connection) as two:
        assert len(workspace(user=story.district_officer, fiscal_year=YEAR, today=TODAY)) == 2
    assert len(two.captured_queries) == len(one.captured_queries)


def test_the_officers_home_shows_their_fund_with_links_to_each_todo(story: SimpleNamespace) -> None:
    _todos(story)
    html = login(story.officer_a).get(reverse("workspace:home")).content.decode()
    assert "งานของฉัน" in html and story.fund_a.name in html and story.fund_b.name not in html
    for url in (
        reverse("situations:fund", args=[story.fund_a.code]),
        reverse("plans:fund", args=[story.fund_a.code]),
        reverse("projects:fund", args=[story.fund_a.code]) + "?status=submitted",
        reverse("followups:fund", args=[story.fund_a.code]),
    ):
        assert url in html


def test_a_proposer_sees_their_role_not_the_no_role_message(story: SimpleNamespace) -> None:
    html = login(story.proposer_a).get(reverse("workspace:home")).content.decode()
    assert "ผู้เสนอโครงการ" in html
    assert "กรุณาขอให้เจ้าหน้าที่กองทุนเพิ่มคุณ" not in html


def test_an_area_officer_gets_one_line_per_fund(story: SimpleNamespace) -> None:
    from kongtun.accounts.models import Membership, Role

    Membership.objects.create(
        user=story.district_officer, role=Role.DISTRICT_OFFICER, district=story.fund_b.district
    )
    html = login(story.district_officer).get(reverse("workspace:home")).content.decode()
    assert 'class="todo-table"' in html
    assert story.fund_a.short_name in html and story.fund_b.short_name in html
