from __future__ import annotations

from decimal import Decimal

import pytest

from kongtun.dashboards.selectors import (
    ProjectFilter,
    Scope,
    children_table,
    dashboard,
    funds_by_role,
    projects_by_issue,
    situation_completeness,
    visible_projects,
)
from kongtun.dashboards.tests.data import YEAR, rollup_data


@pytest.fixture
def data(story):
    return rollup_data(story)


def test_district_totals_count_a_project_in_two_plans_once(story, data):
    board = dashboard(Scope(fiscal_year=YEAR, area=story.district))
    assert board.approved == 4  # p1, p2, p5, p6 — p1 once although it is in two plans
    assert board.proposals == 5
    assert board.approved_budget == Decimal("21000")
    assert board.spent == Decimal("3500")
    assert board.reports == 2


def test_per_issue_counts_a_project_under_each_of_its_issues(story, data):
    board = dashboard(Scope(fiscal_year=YEAR, area=story.district))
    rows = {r.key: r for r in board.by_issue}
    assert rows[data.tobacco.pk].approved == 3
    assert rows[data.activity.pk].approved == 1
    assert rows[None].approved == 1  # p6 is in no plan
    assert rows[data.tobacco.pk].proposals == 4  # the draft counts as a proposal
    assert rows[data.tobacco.pk].spent == Decimal("3500")
    assert rows[data.activity.pk].spent == Decimal("1500")
    assert rows[data.tobacco.pk].plans == 2
    assert board.issue_project_sum == 5  # tobacco 3 + activity 1 + no plan 1 > the distinct 4


def test_nation_includes_every_fund_and_fund_scope_only_its_own(story, data):
    nation = dashboard(Scope(fiscal_year=YEAR))
    assert nation.approved == 5
    fund_b = dashboard(Scope(fiscal_year=YEAR, fund=story.fund_b))
    assert fund_b.approved == 1 and fund_b.approved_budget == Decimal("7000")


def test_funds_by_role_counts_funds_without_a_year_row_as_not_in_the_programme(story, data):
    total, roles = funds_by_role(Scope(fiscal_year=YEAR, area=story.district))
    counts = {key: n for key, _label, n in roles}
    assert total == 2
    assert counts["expansion"] == 1 and counts["learning"] == 1 and counts["none"] == 0
    total, roles = funds_by_role(Scope(fiscal_year=YEAR, area=story.region))
    assert {key: n for key, _label, n in roles}["none"] == 1  # fund B has no row for the year


def test_situation_completeness_counts_funds_per_issue(story, data):
    total, per_issue = situation_completeness(Scope(fiscal_year=YEAR, area=story.province))
    assert total == 1 and per_issue == {data.tobacco.pk: 1}


def test_projects_by_issue_is_a_fixed_number_of_queries(story, data, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        projects_by_issue(Scope(fiscal_year=YEAR))


def test_dashboard_query_count_does_not_grow_with_rows(story, data, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        dashboard(Scope(fiscal_year=YEAR, area=story.region))


def test_children_of_a_district_are_its_funds(story, data):
    rows = {r.key: r for r in children_table(Scope(fiscal_year=YEAR, area=story.district))}
    assert set(rows) == {"L9001", "L9002"}
    assert rows["L9001"].approved == 3 and rows["L9001"].plans == 2


def test_the_public_sees_only_approved_projects(story, data, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    titles = set(visible_projects(AnonymousUser()).values_list("pk", flat=True))
    assert data.p3.pk not in titles and data.p1.pk in titles
    assert data.p3.pk not in set(visible_projects(story.officer_b).values_list("pk", flat=True))
    assert data.p3.pk in set(visible_projects(story.officer_a).values_list("pk", flat=True))


def test_project_filter_by_issue_lists_a_project_in_two_plans_once(story, data):
    qs = ProjectFilter(
        {"issue": data.tobacco.pk, "district": "9003", "status": "approved"},
        queryset=visible_projects(story.admin),
    ).qs
    assert sorted(qs.values_list("pk", flat=True)) == sorted([data.p1.pk, data.p2.pk, data.p5.pk])
    qs = ProjectFilter({"support_type": data.s1.pk, "year": YEAR}, queryset=visible_projects(story.admin)).qs
    assert set(qs) == {data.p3, data.p5}


@pytest.mark.parametrize("level", ["nation", "region", "province"])
def test_rollups_give_the_same_figures_as_the_live_tables(story, data, level, monkeypatch):
    from kongtun.dashboards import selectors

    area = {"nation": None, "region": story.region, "province": story.province}[level]
    rolled = dashboard(Scope(fiscal_year=YEAR, area=area))
    # The same scope read from the live tables, as a district's dashboard reads them.
    monkeypatch.setattr(selectors, "reads_rollups", lambda scope: False)
    live = dashboard(Scope(fiscal_year=YEAR, area=area))
    assert live.as_of is None and rolled.as_of is not None
    for name in ("proposals", "approved", "requested", "approved_budget", "spent", "reports", "by_status"):
        assert getattr(rolled, name) == getattr(live, name), name
    assert rolled.by_issue == live.by_issue
    assert rolled.by_support_type == live.by_support_type
    assert rolled.children == live.children


def test_district_and_fund_dashboards_stay_live_after_a_rollup(story, data):
    from kongtun.dashboards.services import rollup_refresh

    rollup_refresh(fiscal_year=YEAR)
    assert dashboard(Scope(fiscal_year=YEAR, area=story.district)).as_of is None
    assert dashboard(Scope(fiscal_year=YEAR, fund=story.fund_a)).as_of is None


def test_dashboards_refresh_command_writes_the_rollups(story, data):
    from io import StringIO

    from django.core.management import call_command

    from kongtun.dashboards.models import IssueRollup, ProjectRollup

    out = StringIO()
    call_command("dashboards_refresh", stdout=out)
    assert "2568" in out.getvalue()
    assert ProjectRollup.objects.filter(fiscal_year=YEAR).exists() and IssueRollup.objects.exists()
