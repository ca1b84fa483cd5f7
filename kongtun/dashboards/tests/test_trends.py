"""Did it work, rolled up; trends over five years beside the parent's median; areas compared."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest
from django.urls import reverse

from kongtun.conftest import login
from kongtun.dashboards import trends
from kongtun.dashboards.models import TargetRollup
from kongtun.dashboards.selectors import Scope
from kongtun.dashboards.services import rollup_refresh
from kongtun.plans.services import plan_save
from kongtun.programme.models import Indicator, Issue
from kongtun.situations.services import situation_value_save

pytestmark = pytest.mark.django_db
YEAR = 2568


def _plan(fund: Any, issue: str, indicator: str, baseline: str, target: str) -> None:
    plan_save(
        fund=fund,
        fiscal_year=YEAR,
        issue=Issue.objects.get(code=issue),
        objective="",
        budget=Decimal(1000),
        targets=[
            {
                "indicator": Indicator.objects.get(code=indicator),
                "problem": "",
                "baseline": Decimal(baseline),
                "target": Decimal(target),
            }
        ],
        projects=[],
    )


def _value(fund: Any, indicator: str, value: str, year: int = YEAR + 1) -> None:
    situation_value_save(
        fund=fund, fiscal_year=year, indicator=Indicator.objects.get(code=indicator), value=Decimal(value)
    )


@pytest.fixture
def targets(story: SimpleNamespace) -> SimpleNamespace:
    return add_targets(story)


def add_targets(story: SimpleNamespace) -> SimpleNamespace:
    """จะนะ, plans of 2568 judged by 2569's situation data, counted by hand:
    fund A tobacco 45.2 → 41.0 against 43.2, lower is better: met;
    fund A physical activity 40 → 41 against 45, higher is better: missed;
    fund A2 tobacco, no 2569 value: no data yet; fund A2 alcohol 20 → 15 against 17: met.
    So the district met 2 of the 3 targets that can be judged (66.67 %).
    Fund B (พัทลุง) tobacco 30 → 31 against 28: missed, outside จะนะ."""
    _plan(story.fund_a, "tobacco", "tobacco-adults", "45.2", "43.2")
    _plan(story.fund_a, "activity", "pa-adults", "40", "45")
    _plan(story.fund_a2, "tobacco", "tobacco-adults", "30", "28")
    _plan(story.fund_a2, "alcohol", "alcohol-adults", "20", "17")
    _plan(story.fund_b, "tobacco", "tobacco-adults", "30", "28")
    _value(story.fund_a, "tobacco-adults", "41.0")
    _value(story.fund_a, "pa-adults", "41")
    _value(story.fund_a2, "alcohol-adults", "15")
    _value(story.fund_b, "tobacco-adults", "31")
    return story


def test_a_districts_share_of_met_targets_equals_the_hand_count(targets: Any) -> None:
    district = Scope(fiscal_year=YEAR, area=targets.district)
    rows = {r.issue.code: (r.plans, r.met, r.missed, r.no_data) for r in trends.targets_by_issue(district)}
    assert rows == {"tobacco": (2, 1, 0, 1), "activity": (1, 0, 1, 0), "alcohol": (1, 1, 0, 0)}
    province = Scope(fiscal_year=YEAR, area=targets.province)
    row = next(r for r in trends.compare(province, "met_share", []).rows if r.child.code == "9003")
    assert row.value == Decimal("66.67")
    assert (row.tally.met, row.tally.missed, row.tally.no_data) == (2, 1, 1)


def test_the_rollup_follows_each_new_situation_value_and_matches_a_refresh(targets: Any) -> None:
    _value(targets.fund_a2, "tobacco-adults", "27")  # fund A2's tobacco plan is now met
    district = Scope(fiscal_year=YEAR, area=targets.district)
    tobacco = next(r for r in trends.targets_by_issue(district) if r.issue.code == "tobacco")
    assert (tobacco.met, tobacco.no_data, tobacco.share) == (2, 0, Decimal("100.00"))
    kept = sorted(TargetRollup.objects.values_list("district_id", "issue_id", "plans", "met", "missed"))
    rollup_refresh(fiscal_year=YEAR)
    assert kept == sorted(
        TargetRollup.objects.values_list("district_id", "issue_id", "plans", "met", "missed")
    )


def test_drill_down_ends_at_the_funds_of_the_district(targets: Any) -> None:
    district = Scope(fiscal_year=YEAR, area=targets.district)
    tobacco = Issue.objects.get(code="tobacco")
    rows = {r.child.code: r for r in trends.compare(district, "met_share", [], tobacco.pk).rows}
    assert rows["L9001"].value == Decimal("100.00") and rows["L9001"].tally.met == 1
    assert rows["L9002"].value is None and rows["L9002"].tally.no_data == 1


def test_a_funds_trend_stands_beside_the_median_of_its_district(targets: Any) -> None:
    _value(targets.fund_a, "tobacco-adults", "45.2", YEAR)
    _value(targets.fund_a2, "tobacco-adults", "30", YEAR)
    smoking = Indicator.objects.get(code="tobacco-adults")
    fund = Scope(fiscal_year=YEAR + 1, fund=targets.fund_a)
    trend = trends.trend(fund, trends.trend_years(YEAR + 1), [smoking])
    lines = {line.key: line for line in trend.lines}
    assert trend.years == [2565, 2566, 2567, 2568, 2569]
    assert lines["plans"].values[3] == 2 and lines["plans"].medians[3] == Decimal("2.00")
    assert lines["indicator-tobacco-adults"].values[3:] == [Decimal("45.20"), Decimal("41.00")]
    assert lines["indicator-tobacco-adults"].medians[3] == Decimal("37.60")  # of 45.2 and 30
    district = Scope(fiscal_year=YEAR + 1, area=targets.district)
    line = {x.key: x for x in trends.trend(district, trend.years, [smoking]).lines}[
        "indicator-tobacco-adults"
    ]
    assert line.values[3] == Decimal("37.60")  # the mean of its funds


def test_trend_and_compare_pages_are_public_with_the_same_figures_in_the_workbook(targets: Any) -> None:
    client = login(targets.nobody)
    page = client.get(reverse("dashboards:trends", args=["district", "9003"]), {"year": YEAR})
    assert page.status_code == 200
    html = page.content.decode()
    assert "ค่ามัธยฐานของอำเภอในสงขลา" in html and 'id="chart-met_share"' in html
    assert client.get(reverse("dashboards:nation_trends")).status_code == 200
    assert client.get(reverse("dashboards:trends", args=["fund", "L9001"])).status_code == 200
    compare = client.get(
        reverse("dashboards:compare", args=["province", "90"]), {"figure": "met_share", "year": str(YEAR)}
    )
    assert compare.status_code == 200 and "66.67" in compare.content.decode()
    assert client.get(reverse("dashboards:compare", args=["fund", "L9001"])).status_code == 404
    assert client.get(reverse("dashboards:trends", args=["district", "0000"])).status_code == 404
    odd = client.get(reverse("dashboards:nation_compare"), {"figure": "<b>", "issue": "x", "year": "abc"})
    assert odd.status_code == 200 and odd.context["comparison"].figure == "plans"
    workbook = client.get(reverse("dashboards:trends_export", args=["district", "9003"]), {"year": YEAR})
    assert workbook["Content-Type"].startswith("application/vnd.openxmlformats")
    pdf = client.get(reverse("dashboards:compare_report", args=["province", "90"]), {"figure": "met_share"})
    assert pdf["Content-Type"] == "application/pdf"


def test_the_dashboard_says_which_issues_met_their_targets(targets: Any) -> None:
    page = login(targets.nobody).get(reverse("dashboards:district", args=["9003"]), {"year": YEAR})
    html = page.content.decode()
    assert "แผนงานได้ผลหรือไม่" in html and 'data-figure="met-share"' in html and "66.67" not in html
    assert "100" in html  # tobacco: 1 met of 1 judged


def test_the_indicator_page_shows_five_years_beside_the_parents_median(targets: Any) -> None:
    _value(targets.fund_a, "tobacco-adults", "45.2", YEAR)
    url = reverse("situations:indicator", args=["district", "9003", "tobacco-adults"])
    page = login(targets.mentor).get(url, {"year": YEAR + 1})
    html = page.content.decode()
    assert page.status_code == 200
    assert 'id="chart-indicator-tobacco-adults"' in html and "ค่ามัธยฐานของอำเภอในสงขลา" in html
    assert "45.20" in html or "45.2" in html
    assert login(targets.officer_b).get(url).status_code == 404
