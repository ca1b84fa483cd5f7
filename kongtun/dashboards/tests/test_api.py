from __future__ import annotations

import pytest
from django.test import Client

from kongtun.dashboards.tests.data import YEAR, rollup_data


@pytest.fixture
def data(story):
    return rollup_data(story)


def test_api_nation_dashboard_is_public(story, data):
    response = Client().get("/api/v1/dashboards/nation", {"year": YEAR})
    assert response.status_code == 200
    body = response.json()
    assert body["approved"] == 5 and body["scope"]["level"] == "nation"


def test_api_district_dashboard_gives_distinct_totals_and_per_issue_rows(story, data):
    body = Client().get("/api/v1/dashboards/district/9003", {"year": YEAR}).json()
    assert body["approved"] == 4
    rows = {r["key"]: r for r in body["by_issue"]}
    assert rows[data.tobacco.pk]["approved"] == 3 and rows[data.activity.pk]["approved"] == 1
    assert float(body["spent"]) == 3500


def test_api_fund_dashboard_and_unknown_area(story, data):
    assert Client().get("/api/v1/dashboards/fund/L9301", {"year": YEAR}).json()["approved"] == 1
    assert Client().get("/api/v1/dashboards/district/0000").status_code == 404
    assert Client().get("/api/v1/dashboards/planet/1").status_code == 404
