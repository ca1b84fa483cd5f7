from __future__ import annotations

import pytest
from django.test import Client

from kongtun.accounts.services import api_token_create
from kongtun.conftest import login
from kongtun.dashboards.tests.data import rollup_data
from kongtun.search.services import search_reindex


@pytest.fixture
def data(story):
    data = rollup_data(story)
    search_reindex()
    return data


def test_api_search_finds_a_word_inside_a_thai_title(story, data):
    body = Client().get("/api/v1/search/", {"q": "ผู้สูงอายุ", "kind": "project"}).json()
    assert body["count"] == 1
    assert body["items"][0]["title"] == "โครงการส่งเสริมสุขภาพผู้สูงอายุตำบลหนองบัว"
    assert "<mark>ผู้สูงอายุ</mark>" in body["items"][0]["title_html"]


def test_api_search_hides_drafts_from_the_public_and_officer_b(story, data):
    assert Client().get("/api/v1/search/", {"q": "บุหรี่ไฟฟ้า"}).json()["count"] == 0
    assert login(story.officer_b).get("/api/v1/search/", {"q": "บุหรี่ไฟฟ้า"}).json()["count"] == 0
    assert login(story.officer_a).get("/api/v1/search/", {"q": "บุหรี่ไฟฟ้า"}).json()["count"] == 1


def test_api_search_filters(story, data):
    body = Client().get("/api/v1/search/", {"q": "บุหรี่", "province": "93", "kind": "project"}).json()
    assert [i["fund"] for i in body["items"]] == ["L9301"]


def test_api_search_shows_drafts_to_a_token_of_the_fund_officer(story, data):
    _token, key = api_token_create(user=story.officer_a, name="test")
    response = Client().get("/api/v1/search/", {"q": "บุหรี่ไฟฟ้า"}, HTTP_AUTHORIZATION=f"Bearer {key}")
    assert response.json()["count"] == 1


def test_api_search_refuses_an_offset_past_what_can_be_paged_with_a_thai_error(story, data):
    response = Client().get("/api/v1/search/", {"q": "บุหรี่", "offset": str(2 * 10**33)})
    assert response.status_code == 422  # was 500: the database cannot take such an offset
    body = response.json()
    assert body["errors"][0]["field"].endswith("offset") and body["detail"]
