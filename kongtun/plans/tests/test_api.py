from __future__ import annotations

import json
from typing import Any

import pytest

from kongtun.conftest import login
from kongtun.plans.models import Plan
from kongtun.plans.tests.test_plans import make_plan
from kongtun.programme.models import OrgType, SupportType

pytestmark = pytest.mark.django_db


def payload(target: str = "28", **extra: Any) -> dict[str, Any]:
    return {
        "objective": "ลดการสูบบุหรี่",
        "budget": "30000",
        "targets": [{"indicator_code": "tobacco-adults", "baseline": "30", "target": target}],
        "projects": [
            {
                "title": "ชุมชนปลอดบุหรี่",
                "support_type": SupportType.objects.order_by("order").first().code,  # type: ignore[union-attr]
                "org_type": OrgType.objects.order_by("order").first().code,  # type: ignore[union-attr]
                "budget": "20000",
            }
        ],
        **extra,
    }


def send(client: Any, method: str, url: str, data: dict[str, Any]) -> Any:
    return getattr(client, method)(url, json.dumps(data), content_type="application/json")


def test_officer_creates_and_updates_a_plan(story: Any) -> None:
    client = login(story.officer_a)
    created = send(
        client, "post", "/api/v1/plans/", payload(fund_code="L9001", fiscal_year=2569, issue="tobacco")
    )
    assert created.status_code == 201, created.content
    plan_id = created.json()["id"]
    assert created.json()["targets"][0]["target"] == "28.00"
    updated = send(client, "put", f"/api/v1/plans/{plan_id}", payload(target="27"))
    assert updated.status_code == 200 and updated.json()["targets"][0]["target"] == "27.00"


def test_api_refuses_a_target_in_the_wrong_direction(story: Any) -> None:
    response = send(
        login(story.officer_a),
        "post",
        "/api/v1/plans/",
        payload(target="35", fund_code="L9001", fiscal_year=2569, issue="tobacco"),
    )
    assert response.status_code == 422 and not Plan.objects.exists()


def test_plans_list_and_detail_follow_permissions(story: Any) -> None:
    plan = make_plan(story)
    assert [p["id"] for p in login(story.mentor).get("/api/v1/plans/?year=2569").json()] == [plan.pk]
    assert login(story.officer_b).get("/api/v1/plans/").json() == []
    assert login(story.officer_b).get(f"/api/v1/plans/{plan.pk}").status_code == 200  # a public read
    assert send(login(story.officer_b), "put", f"/api/v1/plans/{plan.pk}", payload()).status_code == 403
    assert login(story.committee_a).get(f"/api/v1/plans/{plan.pk}").status_code == 200
    assert send(login(story.committee_a), "put", f"/api/v1/plans/{plan.pk}", payload()).status_code == 403
    new = payload(fund_code="L9001", fiscal_year=2569, issue="alcohol")
    assert send(login(story.officer_b), "post", "/api/v1/plans/", new).status_code == 404
