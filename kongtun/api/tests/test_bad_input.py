"""Bad input gets a clear Thai answer, never a 500 (issue 11): a NUL character anywhere, and the
one error shape of the API ({"detail", "errors": [{"field", "message"}]}) for every 4xx."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any

from django.test import Client

from kongtun.accounts.models import User
from kongtun.accounts.services import api_token_create
from kongtun.conftest import login

NUL_TH = "ข้อความที่ส่งมามีอักขระ NUL (รหัส 0) ซึ่งระบบเก็บไม่ได้ กรุณาลบออกแล้วส่งอีกครั้ง"


def _api(user: User | None = None) -> Client:
    if user is None:
        return Client()
    _token, key = api_token_create(user=user, name="test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


def _fund_update(story: SimpleNamespace, **changes: Any) -> dict[str, Any]:
    fund = story.fund_a
    data = {
        "name": fund.name,
        "lg_type": fund.lg_type,
        "lg_name": fund.lg_name,
        "subdistricts": [s.code for s in fund.subdistricts.all()],
    }
    return {**data, **changes}


def _is_error_shape(body: Any) -> bool:
    return (
        set(body) == {"detail", "errors"}
        and isinstance(body["detail"], str)
        and all(set(e) == {"field", "message"} for e in body["errors"])
    )


def test_a_nul_in_the_search_words_is_400_on_the_page_and_422_on_the_api_with_the_same_sentence(
    story: SimpleNamespace,
) -> None:
    page = Client().get("/search/?q=a%00b")
    assert page.status_code == 400
    assert NUL_TH in page.content.decode()
    for url in ("/api/v1/search/?q=a%00b", "/api/v1/areas/search?q=%00", "/api/v1/funds/L90%0001"):
        answer = Client().get(url)
        assert answer.status_code == 422, url
        assert answer.json()["detail"] == NUL_TH
        assert _is_error_shape(answer.json())
    assert Client().get("/api/v1/search/?q=a%00b").json()["errors"] == [{"field": "q", "message": NUL_TH}]


def test_a_nul_in_a_written_field_is_refused_on_the_page_and_the_api_and_nothing_is_saved(
    story: SimpleNamespace,
) -> None:
    page = login(story.officer_a).post(
        "/funds/L9001/edit/", {**_fund_update(story, name="กองทุน\x00ใหม่"), "subdistricts": "900301"}
    )
    assert page.status_code == 400
    assert NUL_TH in page.content.decode()
    body = json.dumps(_fund_update(story, name="กองทุน\x00ใหม่"))
    answer = _api(story.officer_a).put("/api/v1/funds/L9001", body, content_type="application/json")
    assert answer.status_code == 422
    assert answer.json() == {"detail": NUL_TH, "errors": [{"field": "name", "message": NUL_TH}]}
    raw = body.replace("\\u0000", "\x00")  # the byte itself, not its JSON escape
    assert (
        _api(story.officer_a).put("/api/v1/funds/L9001", raw, content_type="application/json").status_code
        == 422
    )
    story.fund_a.refresh_from_db()
    assert "\x00" not in story.fund_a.name and "ใหม่" not in story.fund_a.name


def test_the_api_own_parameter_checks_answer_in_thai_in_the_one_error_shape(story: SimpleNamespace) -> None:
    answer = Client().get("/api/v1/search/", {"limit": "abc"})
    assert answer.status_code == 422
    assert answer.json() == {
        "detail": "ข้อมูลไม่ถูกต้อง",
        "errors": [{"field": "limit", "message": "กรุณากรอกตัวเลข"}],
    }
    too_many = Client().get("/api/v1/search/", {"limit": 1000}).json()
    assert too_many["errors"] == [{"field": "limit", "message": "ต้องไม่เกิน 100"}]
    missing = _api(story.officer_a).put("/api/v1/funds/L9001", "{}", content_type="application/json").json()
    assert _is_error_shape(missing) and {e["field"] for e in missing["errors"]} >= {"name", "lg_type"}
    unreadable = _api(story.officer_a).put(
        "/api/v1/funds/L9001", "{not json", content_type="application/json"
    )
    assert unreadable.status_code == 400 and _is_error_shape(unreadable.json())


def test_every_refusal_of_the_api_has_the_one_error_shape(story: SimpleNamespace) -> None:
    unauthorized = Client().get("/api/v1/me")
    forbidden = _api(story.committee_a).put(
        "/api/v1/funds/L9001", json.dumps(_fund_update(story)), content_type="application/json"
    )
    hidden = _api(story.officer_b).get("/api/v1/finance/funds/L9001/entries")
    nowhere = Client().get("/api/v1/no-such-thing")
    for answer, status in ((unauthorized, 401), (forbidden, 403), (hidden, 404), (nowhere, 404)):
        assert answer.status_code == status
        assert answer["Content-Type"].startswith("application/json")
        assert _is_error_shape(answer.json()), answer.json()
    assert nowhere.json()["detail"] == "ไม่พบข้อมูล"


def test_the_openapi_document_names_every_error_status_with_the_error_shape(db: None) -> None:
    document = Client().get("/api/v1/openapi.json").json()
    error = {"$ref": "#/components/schemas/ErrorOut"}
    for path, methods in document["paths"].items():
        for method, operation in methods.items():
            responses = operation["responses"]
            assert "422" in responses, (method, path)
            if operation.get("security"):
                assert {"401", "403"} <= set(responses), (method, path)
            assert "404" in responses, (method, path)
            if method in ("post", "put", "patch", "delete"):
                assert {"403", "404", "409"} <= set(responses), (method, path)
            for status, response in responses.items():
                if status.startswith("4"):
                    assert response["content"]["application/json"]["schema"] == error, (method, path, status)
    assert set(document["components"]["schemas"]["ErrorOut"]["properties"]) == {"detail", "errors"}


POPULATION_TH = "กรุณากรอกจำนวนเต็มตั้งแต่ 0 ถึง 10,000,000"
YEAR_TH = "กรุณากรอกปีงบประมาณเป็นปี พ.ศ. ตั้งแต่ 2493 ถึง 2643 เช่น 2568"


def test_a_population_too_big_is_refused_on_the_page_and_the_api_in_the_same_words(
    story: SimpleNamespace,
) -> None:
    page = login(story.officer_a).post(
        "/funds/L9001/year/", {"fiscal_year": 2568, "programme_role": "none", "registered_population": 10**12}
    )
    assert page.status_code == 200 and POPULATION_TH in page.content.decode()
    answer = _api(story.officer_a).put(
        "/api/v1/funds/L9001/years/2568", {"registered_population": 10**12}, content_type="application/json"
    )
    assert answer.status_code == 422
    assert answer.json()["errors"] == [{"field": "registered_population", "message": POPULATION_TH}]


def test_a_fiscal_year_out_of_range_is_refused_on_the_page_and_the_api_in_the_same_words(
    story: SimpleNamespace,
) -> None:
    page = login(story.officer_a).post("/funds/L9001/year/", {"fiscal_year": 40000, "programme_role": "none"})
    assert page.status_code == 200 and YEAR_TH in page.content.decode()
    answer = _api(story.officer_a).put("/api/v1/funds/L9001/years/40000", {}, content_type="application/json")
    assert answer.status_code == 422
    assert answer.json()["errors"] == [{"field": "fiscal_year", "message": YEAR_TH}]
