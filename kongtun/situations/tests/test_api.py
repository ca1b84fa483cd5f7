from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from kongtun.conftest import login
from kongtun.programme.models import Indicator
from kongtun.situations.models import SituationValue
from kongtun.situations.services import situation_value_save

pytestmark = pytest.mark.django_db

BULK = "/api/v1/situations/values/bulk"


def post(client: Any, rows: list[dict[str, Any]]) -> Any:
    return client.post(BULK, json.dumps({"values": rows}), content_type="application/json")


def test_issues_and_indicators_are_public(story: Any) -> None:
    from django.test import Client

    issues = Client().get("/api/v1/situations/issues").json()
    tobacco = next(i for i in issues if i["code"] == "tobacco")
    assert any(
        ind["code"] == "tobacco-adults" and ind["direction"] == "lower" for ind in tobacco["indicators"]
    )
    indicators = Client().get("/api/v1/situations/indicators?issue=alcohol").json()
    assert {i["issue"] for i in indicators} == {"alcohol"}


def test_values_list_for_readers_of_the_fund_only(story: Any) -> None:
    situation_value_save(
        fund=story.fund_a,
        fiscal_year=2569,
        indicator=Indicator.objects.get(code="tobacco-adults"),
        value=Decimal(30),
    )
    rows = login(story.committee_a).get("/api/v1/situations/values?fund=L9001&year=2569").json()
    assert rows[0]["indicator_code"] == "tobacco-adults" and Decimal(rows[0]["value"]) == 30
    assert login(story.officer_b).get("/api/v1/situations/values?fund=L9001").status_code == 404


def test_bulk_upsert_saves_for_a_collector(story: Any) -> None:
    rows = [
        {
            "fund_code": "L9001",
            "fiscal_year": 2569,
            "indicator_code": "tobacco-adults",
            "value": "30",
            "unit": "%",
        }
    ]
    response = post(login(story.collector_a), rows)
    assert response.status_code == 200 and response.json() == {"saved": 1}
    assert SituationValue.objects.get().entered_by == story.collector_a


def test_bulk_upsert_writes_nothing_and_names_the_bad_row(story: Any) -> None:
    rows = [
        {"fund_code": "L9001", "fiscal_year": 2569, "indicator_code": "tobacco-adults", "value": "30"},
        {"fund_code": "L9001", "fiscal_year": 2569, "indicator_code": "tobacco-youth", "value": "101"},
    ]
    response = post(login(story.officer_a), rows)
    assert response.status_code == 422
    assert response.json()["errors"][0]["message"].startswith("แถวที่ 2")
    assert not SituationValue.objects.exists()


def test_bulk_upsert_refuses_committee_and_outsiders(story: Any) -> None:
    rows = [{"fund_code": "L9001", "fiscal_year": 2569, "indicator_code": "tobacco-adults", "value": "30"}]
    assert post(login(story.committee_a), rows).status_code == 422
    assert post(login(story.officer_b), rows).status_code == 422
    assert not SituationValue.objects.exists()


def test_the_api_schema_documents_situations_and_plans(story: Any) -> None:
    from django.test import Client

    paths = Client().get("/api/openapi.json").json()["paths"]
    assert "/api/v1/situations/values/bulk" in paths and "/api/v1/plans/{plan_id}" in paths
