"""The JSON API: token auth, `me`, funds (public reads, permitted writes), JSON errors, OpenAPI."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from django.test import Client

from kongtun.accounts.models import User
from kongtun.accounts.services import api_token_create
from kongtun.funds.models import Fund
from kongtun.funds.services import fund_year_save


def _client(user: User | None = None) -> Client:
    if user is None:
        return Client()
    _token, key = api_token_create(user=user, name="test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


def _json(client: Client, method: str, url: str, data: dict[str, Any] | None = None) -> Any:
    return getattr(client, method)(url, data, content_type="application/json")


def _update(fund: Fund, **changes: Any) -> dict[str, Any]:
    data = {
        "name": fund.name,
        "lg_type": fund.lg_type,
        "lg_name": fund.lg_name,
        "subdistricts": [s.code for s in fund.subdistricts.all()],
    }
    return {**data, **changes}


def test_me_with_a_token_tells_who_and_which_roles(story: SimpleNamespace) -> None:
    response = _client(story.officer_a).get("/api/v1/me")
    assert response.status_code == 200
    body = response.json()
    assert body["username"] == "officer_a"
    assert body["is_admin"] is False
    assert body["memberships"] == [
        {
            "role": "fund_officer",
            "role_label": "เจ้าหน้าที่กองทุน",
            "scope": str(story.fund_a),
            "fund_code": "L9001",
        }
    ]


def test_me_without_a_token_is_401_with_a_json_message(db: None) -> None:
    response = Client().get("/api/v1/me")
    assert response.status_code == 401
    assert "Bearer" in response.json()["detail"]


def test_a_wrong_token_is_401(db: None) -> None:
    assert Client(HTTP_AUTHORIZATION="Bearer kt_nonsense").get("/api/v1/me").status_code == 401


def test_the_fund_list_is_public_and_paged(story: SimpleNamespace) -> None:
    body = Client().get("/api/v1/funds/", {"limit": 2}).json()
    assert body["count"] == 3
    assert [f["code"] for f in body["items"]] == ["L9001", "L9002"]
    first = body["items"][0]
    assert (first["district_code"], first["province"], first["region"]) == ("9003", "สงขลา", 12)
    assert Client().get("/api/v1/funds/", {"offset": 2}).json()["items"][0]["code"] == "L9301"


def test_the_fund_list_filters_like_the_page(story: SimpleNamespace) -> None:
    fund_year_save(fund=story.fund_a, fiscal_year=2568, programme_role="learning")
    fund_year_save(fund=story.fund_a2, fiscal_year=2569, programme_role="learning")

    def codes(**params: Any) -> list[str]:
        return [f["code"] for f in Client().get("/api/v1/funds/", params).json()["items"]]

    assert codes(province="93") == ["L9301"]
    assert codes(q="ป่าชิง") == ["L9002"]
    assert codes(year=2568, role="learning") == ["L9001"]
    assert codes(role="learning") == ["L9001", "L9002"]


def test_the_fund_detail_is_public(story: SimpleNamespace) -> None:
    body = Client().get("/api/v1/funds/L9301").json()
    assert body["name"] == story.fund_b.name
    assert body["subdistricts"] == [s.code for s in story.fund_b.subdistricts.all()]


def test_an_unknown_fund_is_404_with_a_json_message(db: None) -> None:
    response = Client().get("/api/v1/funds/L0000")
    assert response.status_code == 404
    assert response.json() == {"detail": "ไม่พบข้อมูล", "errors": []}


def test_only_admins_create_funds(story: SimpleNamespace) -> None:
    sub = story.fund_a2.subdistricts.get().district.subdistricts.order_by("code")[3]
    data = {
        "code": "L9099",
        "name": "กองทุนใหม่",
        "lg_type": "sao",
        "lg_name": "อบต.ใหม่",
        "subdistricts": [sub.code],
    }
    refused = _json(_client(story.officer_a), "post", "/api/v1/funds/", data)
    assert refused.status_code == 403
    assert refused.json() == {"detail": "คุณไม่มีสิทธิ์ทำรายการนี้", "errors": []}
    created = _json(_client(story.admin), "post", "/api/v1/funds/", data)
    assert created.status_code == 201
    assert created.json()["district_code"] == "9003"


def test_a_duplicate_fund_code_is_422_with_the_field_error(story: SimpleNamespace) -> None:
    data = _update(story.fund_a, code="L9001")
    response = _json(_client(story.admin), "post", "/api/v1/funds/", data)
    assert response.status_code == 422
    assert "code" in {e["field"] for e in response.json()["errors"]}


def test_the_officer_updates_their_fund(story: SimpleNamespace) -> None:
    response = _json(
        _client(story.officer_a), "put", "/api/v1/funds/L9001", _update(story.fund_a, phone="074-1")
    )
    assert response.status_code == 200
    assert response.json()["phone"] == "074-1"


def test_the_officer_of_fund_b_gets_404_updating_fund_a(story: SimpleNamespace) -> None:
    response = _json(_client(story.officer_b), "put", "/api/v1/funds/L9001", _update(story.fund_a, phone="1"))
    assert response.status_code == 404
    story.fund_a.refresh_from_db()
    assert story.fund_a.phone == ""


def test_the_committee_gets_403_updating_the_fund(story: SimpleNamespace) -> None:
    response = _json(
        _client(story.committee_a), "put", "/api/v1/funds/L9001", _update(story.fund_a, phone="1")
    )
    assert response.status_code == 403


def test_updating_without_a_token_is_401(story: SimpleNamespace) -> None:
    assert _json(Client(), "put", "/api/v1/funds/L9001", _update(story.fund_a)).status_code == 401


def test_an_invalid_update_is_422_and_changes_nothing(story: SimpleNamespace) -> None:
    data = _update(story.fund_a, subdistricts=[story.fund_b.subdistricts.get().code, "900301"], phone="1")
    response = _json(_client(story.officer_a), "put", "/api/v1/funds/L9001", data)
    assert response.status_code == 422
    assert response.json()["detail"] == "ข้อมูลไม่ถูกต้อง"
    story.fund_a.refresh_from_db()
    assert story.fund_a.phone == ""


def test_the_officer_saves_a_fiscal_year_through_the_api(story: SimpleNamespace) -> None:
    data = {"programme_role": "expansion", "registered_population": 5000, "carry_over": "1000.50"}
    response = _json(_client(story.officer_a), "put", "/api/v1/funds/L9001/years/2568", data)
    assert response.status_code == 200
    assert response.json()["programme_role"] == "expansion"
    assert _json(_client(story.officer_b), "put", "/api/v1/funds/L9001/years/2568", data).status_code == 404


def test_areas_are_public(story: SimpleNamespace) -> None:
    assert len(Client().get("/api/v1/areas/regions").json()) == 13
    provinces = Client().get("/api/v1/areas/regions/12/provinces").json()
    assert {p["code"] for p in provinces} == {"90", "93"}
    districts = Client().get("/api/v1/areas/provinces/90/districts").json()
    assert "9003" in {d["code"] for d in districts}
    assert Client().get("/api/v1/areas/districts/9003/subdistricts").status_code == 200
    assert Client().get("/api/v1/areas/search", {"q": "จะนะ"}).json()[0]["code"] == "9003"


def test_the_openapi_schema_and_docs_are_served(db: None) -> None:
    schema = Client().get("/api/openapi.json")
    assert schema.status_code == 200
    assert "/api/v1/funds/" in schema.json()["paths"]
    assert Client().get("/api/docs").status_code == 200


def test_the_openapi_schema_is_also_served_next_to_its_version(db: None) -> None:
    schema = Client().get("/api/v1/openapi.json")
    assert schema.status_code == 200
    assert schema.json() == Client().get("/api/openapi.json").json()


def test_an_invalid_fund_filter_is_422_not_every_fund(story: SimpleNamespace) -> None:
    response = Client().get("/api/v1/funds/", {"province": "XX", "role": "bogus"})
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"province", "role"}
