"""Situation values out to DHIS2 and back, as dataValueSets (JSON) and ADX (XML)."""

from __future__ import annotations

import io
import json
from decimal import Decimal

import pytest

from kongtun.conftest import login
from kongtun.exchange.dhis2 import fiscal_year_of_period, period_of
from kongtun.exchange.models import CodeKind, Dhis2Code
from kongtun.programme.models import Indicator
from kongtun.situations.models import SituationValue
from kongtun.situations.services import situation_value_save


def _values(fund):
    return sorted(
        (v.fiscal_year, v.indicator.code, v.value, v.source) for v in SituationValue.objects.filter(fund=fund)
    )


def _fill(story):
    for year, code, value, source in [
        (2568, "tobacco-adults", "31.5", "สำรวจ อสม."),
        (2569, "tobacco-adults", "28", ""),
        (2569, "alcohol-adults", "40.25", "=cmd"),
    ]:
        situation_value_save(
            fund=story.fund_a,
            fiscal_year=year,
            indicator=Indicator.objects.get(code=code),
            value=Decimal(value),
            source=source,
        )


def _upload(content, name):
    upload = io.BytesIO(content)
    upload.name = name
    return upload


def test_the_thai_fiscal_year_is_dhis2s_october_financial_year():
    assert period_of(2568) == "2024Oct"  # 1 Oct 2024 – 30 Sep 2025
    assert fiscal_year_of_period("2024Oct") == 2568
    assert fiscal_year_of_period("2024-10-01/P1Y") == 2568
    assert fiscal_year_of_period("2024") is None


@pytest.mark.parametrize("kind, name", [("json", "values.json"), ("adx", "values.xml")])
def test_values_go_out_and_come_back_through_the_mapping(story, kind, name):
    _fill(story)
    Dhis2Code.objects.create(kind=CodeKind.FUND, local_code="L9001", dhis2_code="OuBanNa0001")
    Dhis2Code.objects.create(kind=CodeKind.INDICATOR, local_code="tobacco-adults", dhis2_code="DeSmoke0001")
    before = _values(story.fund_a)
    client = login(story.officer_a)
    content = client.get(f"/exchange/fund/L9001/dhis2.{kind}").content
    text = content.decode()
    assert "OuBanNa0001" in text and "DeSmoke0001" in text
    assert ("2024Oct" in text) != ("2024-10-01/P1Y" in text)
    assert "L9001" not in text
    SituationValue.objects.filter(fund=story.fund_a).delete()
    response = client.post("/exchange/fund/L9001/dhis2/", {"file": _upload(content, name)})
    assert response.context.get("saved") == 3, response.context.get("row_errors")
    assert _values(story.fund_a) == before


def test_data_value_set_shape(story):
    _fill(story)
    data = json.loads(login(story.officer_a).get("/exchange/fund/L9001/dhis2.json?year=2569").content)
    assert data["dataValues"] == [
        {
            "dataElement": "alcohol-adults",
            "period": "2025Oct",
            "orgUnit": "L9001",
            "value": "40.25",
            "comment": "=cmd",
        },
        {"dataElement": "tobacco-adults", "period": "2025Oct", "orgUnit": "L9001", "value": "28"},
    ]


def test_bad_values_are_refused_each_and_nothing_is_saved(story):
    payload = {
        "dataValues": [
            {"dataElement": "tobacco-adults", "period": "2025Oct", "orgUnit": "L9001", "value": "20"},
            {"dataElement": "no-such", "period": "2025Oct", "orgUnit": "L9001", "value": "20"},
            {"dataElement": "tobacco-adults", "period": "2025Oct", "orgUnit": "L9001", "value": "250"},
            {"dataElement": "tobacco-adults", "period": "202510", "orgUnit": "L9001", "value": "20"},
        ]
    }
    client = login(story.officer_a)
    response = client.post(
        "/exchange/fund/L9001/dhis2/", {"file": _upload(json.dumps(payload).encode(), "v.json")}
    )
    assert [row for row, _ in response.context["row_errors"]] == [2, 3, 4]
    assert not SituationValue.objects.exists()


def test_values_of_another_fund_are_refused(story):
    payload = {
        "dataValues": [
            {"dataElement": "tobacco-adults", "period": "2025Oct", "orgUnit": "L9301", "value": "1"}
        ]
    }
    response = login(story.officer_a).post(
        "/exchange/fund/L9001/dhis2/", {"file": _upload(json.dumps(payload).encode(), "v.json")}
    )
    assert "L9001" in response.context["row_errors"][0][1]


def test_an_xml_bomb_or_garbage_is_refused_without_error(story):
    bomb = b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><adx>&b;</adx>'
    client = login(story.officer_a)
    for content, name in [(bomb, "b.xml"), (b"not json", "b.json"), (b'{"dataValues": 3}', "c.json")]:
        response = client.post("/exchange/fund/L9001/dhis2/", {"file": _upload(content, name)})
        assert response.status_code == 200 and response.context["form"].errors


def test_dhis2_access(story):
    assert login(story.officer_b).get("/exchange/fund/L9001/dhis2.json").status_code == 404
    assert login(story.officer_b).get("/exchange/fund/L9001/dhis2/").status_code == 404
    assert login(story.committee_a).get("/exchange/fund/L9001/dhis2/").status_code == 403
    assert login(story.collector_a).get("/exchange/fund/L9001/dhis2/").status_code == 200
