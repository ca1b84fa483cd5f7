"""The exchange API (token auth): the same records, services and checks as the files."""

from __future__ import annotations

import json
from typing import Any

from django.test import Client

from kongtun.accounts.services import api_token_create
from kongtun.exchange.exports import FORMATS
from kongtun.exchange.tests.builders import fill_fund
from kongtun.exchange.tests.test_roundtrip import _empty_the_fund
from kongtun.projects.models import Project
from kongtun.situations.models import SituationValue


def api(user: Any) -> Client:
    _token, key = api_token_create(user=user, name="test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


def _post(client: Client, path: str, body: dict[str, Any]) -> Any:
    return client.post(path, json.dumps(body), content_type="application/json")


def test_records_round_trip_through_the_api(story):
    fill_fund(story)
    client = api(story.officer_a)
    before = {name: client.get(f"/api/v1/exchange/funds/L9001/{name}").json() for name in FORMATS}
    assert len(before["projects"]) == 3
    _empty_the_fund(story.fund_a)
    for name, rows in before.items():
        response = _post(client, f"/api/v1/exchange/funds/L9001/{name}", {"rows": rows})
        assert response.status_code == 200, (name, response.json())
    after = {name: client.get(f"/api/v1/exchange/funds/L9001/{name}").json() for name in FORMATS}
    assert after == before


def test_a_bad_row_is_422_with_its_number_and_nothing_is_saved(story):
    client = api(story.officer_a)
    rows: list[dict[str, Any]] = [
        {c: "" for c in FORMATS["projects"].columns}
        | {"fund_code": "L9001", "fiscal_year": 2569, "title": t, "status": "developing"}
        for t in ("ดี", "")
    ]
    response = _post(client, "/api/v1/exchange/funds/L9001/projects", {"rows": rows})
    assert response.status_code == 422
    assert "3" in response.json()["errors"][0]["message"]
    assert not Project.objects.exists()


def test_api_access(story):
    assert api(story.officer_b).get("/api/v1/exchange/funds/L9001/plans").status_code == 404
    assert (
        _post(api(story.committee_a), "/api/v1/exchange/funds/L9001/plans", {"rows": []}).status_code == 403
    )
    assert Client().get("/api/v1/exchange/funds/L9001/plans").status_code == 401
    assert api(story.officer_a).get("/api/v1/exchange/funds/L9001/members").status_code == 404


def test_dhis2_data_value_sets_through_the_api(story):
    fill_fund(story)
    client = api(story.officer_a)
    data = client.get("/api/v1/exchange/funds/L9001/dhis2/dataValueSets").json()
    assert {v["period"] for v in data["dataValues"]} == {"2024Oct", "2025Oct"}
    SituationValue.objects.all().delete()
    response = _post(client, "/api/v1/exchange/funds/L9001/dhis2/dataValueSets", data)
    assert response.json() == {"saved": 2}
    assert client.get("/api/v1/exchange/funds/L9001/dhis2/adx").content.startswith(b"<?xml")
