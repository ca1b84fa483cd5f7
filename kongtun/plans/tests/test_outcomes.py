"""Did it work? A plan's 1-year targets beside the next fiscal year's situation values."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from kongtun.conftest import login
from kongtun.plans import selectors
from kongtun.plans.models import Outcome, Plan
from kongtun.plans.tests.test_plans import make_plan, smoking
from kongtun.programme.models import Direction
from kongtun.situations.services import situation_value_save

pytestmark = pytest.mark.django_db


def plan_against_target(story: Any, *, next_value: str | None) -> Plan:
    """Fund A smoked 45.2 % in 2568, aimed at 43.2 for its 2568 plan; `next_value` is 2569's."""
    situation_value_save(fund=story.fund_a, fiscal_year=2568, indicator=smoking(), value=Decimal("45.2"))
    plan = make_plan(
        story,
        fiscal_year=2568,
        targets=[
            {"indicator": smoking(), "problem": "", "baseline": Decimal("45.2"), "target": Decimal("43.2")}
        ],
    )
    if next_value is not None:
        situation_value_save(
            fund=story.fund_a, fiscal_year=2569, indicator=smoking(), value=Decimal(next_value)
        )
    return plan


def test_a_fund_that_went_from_45_2_to_41_against_43_2_lower_is_better_met_its_target(story: Any) -> None:
    result = selectors.plan_result(plan_against_target(story, next_value="41.0"))
    assert [(t.value, t.outcome) for t in result.targets] == [(Decimal("41.00"), Outcome.MET)]
    assert result.outcome == Outcome.MET
    assert str(Outcome.MET.label) == "บรรลุเป้าหมาย"


def test_the_same_figures_with_higher_is_better_missed_the_target() -> None:
    outcome = selectors.target_outcome(
        direction=Direction.HIGHER, target=Decimal("43.2"), value=Decimal("41.0")
    )
    assert outcome == Outcome.MISSED
    assert str(outcome.label) == "ไม่บรรลุเป้าหมาย"
    assert (
        selectors.target_outcome(direction=Direction.LOWER, target=Decimal("43.2"), value=Decimal("43.2"))
        == Outcome.MET
    )


def test_a_year_without_situation_data_reads_no_data_yet(story: Any) -> None:
    result = selectors.plan_result(plan_against_target(story, next_value=None))
    assert [t.outcome for t in result.targets] == [Outcome.NO_DATA]
    assert result.outcome == Outcome.NO_DATA
    assert str(Outcome.NO_DATA.label) == "ยังไม่มีข้อมูล"
    # Another fund's value of the next year does not count for fund A.
    situation_value_save(fund=story.fund_a2, fiscal_year=2569, indicator=smoking(), value=Decimal("40"))
    assert selectors.plan_result(Plan.objects.get()).outcome == Outcome.NO_DATA


def test_a_plan_missed_when_any_judged_target_missed(story: Any) -> None:
    youth = smoking().issue.indicators.get(code="tobacco-youth")
    plan = make_plan(
        story,
        fiscal_year=2568,
        targets=[
            {"indicator": smoking(), "problem": "", "baseline": Decimal(30), "target": Decimal(28)},
            {"indicator": youth, "problem": "", "baseline": Decimal(10), "target": Decimal(8)},
        ],
    )
    situation_value_save(fund=story.fund_a, fiscal_year=2569, indicator=smoking(), value=Decimal(27))
    assert selectors.plan_result(plan).outcome == Outcome.MET  # the youth figure cannot be judged yet
    situation_value_save(fund=story.fund_a, fiscal_year=2569, indicator=youth, value=Decimal(9))
    assert selectors.plan_result(plan).outcome == Outcome.MISSED


def test_the_plan_page_shows_the_target_beside_next_years_value(story: Any) -> None:
    plan = plan_against_target(story, next_value="41.0")
    page = login(story.officer_a).get(reverse("plans:detail", args=[plan.pk])).content.decode()
    assert "สถานการณ์ปีงบประมาณ 2569" in page
    assert "41" in page and 'data-outcome="met"' in page and "บรรลุเป้าหมาย" in page
    assert login(story.mentor).get(reverse("plans:detail", args=[plan.pk])).status_code == 200
    # Plans are public reads: another fund's officer learns whether the target was met too.
    assert 'data-outcome="met"' in login(story.officer_b).get(reverse("plans:detail", args=[plan.pk])).text


def test_the_fund_page_lists_whether_its_plans_worked(story: Any) -> None:
    plan_against_target(story, next_value="41.0")
    url = reverse("funds:detail", args=[story.fund_a.code])
    page = login(story.officer_a).get(url).content.decode()
    assert "แผนงานได้ผลหรือไม่" in page and 'data-outcome="met"' in page
    assert 'data-outcome="met"' not in login(story.nobody).get(url).content.decode()


def test_next_years_plan_form_starts_from_last_years_result(story: Any) -> None:
    plan_against_target(story, next_value="41.0")
    url = reverse("plans:create", args=[story.fund_a.code, 2569, "tobacco"])
    page = login(story.officer_a).get(url).content.decode()
    assert "แผนปีที่แล้ว (ปีงบประมาณ 2568)" in page and 'data-outcome="met"' in page
    assert login(story.officer_b).get(url).status_code == 404
