from __future__ import annotations

from typing import Any

import pytest

from kongtun.core.demo import demo_years
from kongtun.plans import demo as plans_demo
from kongtun.plans.models import Plan
from kongtun.situations import demo as situations_demo
from kongtun.situations.models import SituationValue

pytestmark = pytest.mark.django_db


def test_demo_steps_are_deterministic_and_idempotent(story: Any) -> None:
    situations_demo.load("small")
    plans_demo.load("small")
    values = list(
        SituationValue.objects.order_by("pk").values_list(
            "fund__code", "fiscal_year", "indicator__code", "value"
        )
    )
    plans = list(Plan.objects.order_by("pk").values_list("fund__code", "issue__code", "budget"))
    assert {v[1] for v in values} == set(demo_years())
    assert {v[0] for v in values} == {"L9001", "L9002", "L9301"}
    assert plans, "some demo fund should have plans"
    for plan in Plan.objects.all():
        assert plan.targets.exists() and plan.planned_projects.count() == 2
        assert plan.objective.startswith("เพื่อ")
    situations_demo.load("small")
    plans_demo.load("small")
    assert (
        list(
            SituationValue.objects.order_by("pk").values_list(
                "fund__code", "fiscal_year", "indicator__code", "value"
            )
        )
        == values
    )
    assert list(Plan.objects.order_by("pk").values_list("fund__code", "issue__code", "budget")) == plans
