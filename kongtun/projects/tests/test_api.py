from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from kongtun.accounts.services import api_token_create
from kongtun.conftest import login
from kongtun.projects.models import Project, Status
from kongtun.projects.tests.helpers import YEAR, make_planned, proposal, submitted

pytestmark = pytest.mark.django_db

BASE = "/api/v1/projects"
DECISION = {
    "meeting_no": "3/2569",
    "meeting_date": "2025-11-20",
    "approved_budget": "9000",
    "report_due_date": "2026-09-15",
}


def _json(client: Client, method: str, url: str, data: Any = None) -> Any:
    return getattr(client, method)(url, data=data, content_type="application/json")


def test_a_proposer_writes_every_section_and_submits_over_the_api(story):
    _token, key = api_token_create(user=story.proposer_a, name="app")
    client = Client(HTTP_AUTHORIZATION=f"Bearer {key}")
    response = _json(
        client, "post", f"{BASE}/", {"fund": story.fund_a.code, "title": "ลดเค็ม", "fiscal_year": YEAR}
    )
    assert response.status_code == 201, response.content
    pid = response.json()["id"]
    sections = {
        "general": {
            "title": "ลดเค็ม ลดโรค",
            "organisation": "อสม.",
            "responsible_people": "นางเอ",
            "location": "ม.1",
        },
        "plans": {
            "plans": [],
            "support_type": "10(2)",
            "org_type": "health-unit",
            "main_target_group": "pregnant",
        },
        "situation": {"rationale": "กินเค็ม", "problems": [{"problem": "ความดันสูง", "size": "20"}]},
        "objectives": {
            "objectives": [{"text": "ลดเค็ม", "indicators": [{"name": "ร้อยละ", "baseline": 20, "target": 15}]}]
        },
        "target-groups": {"groups": [{"name": "ผู้ป่วย", "planned_count": 30}]},
        "period": {"start_date": "2025-11-01", "end_date": "2026-08-31"},
        "activities": {
            "activities": [
                {
                    "title": "อบรม",
                    "planned_output": "30 คน",
                    "start_date": "2025-12-01",
                    "budget_lines": [
                        {
                            "expense_group": "services",
                            "description": "อาหาร",
                            "quantity": 30,
                            "unit_cost": 100,
                        }
                    ],
                }
            ]
        },
        "results": {"expected_results": "ความดันลดลง"},
    }
    for section, data in sections.items():
        response = _json(client, "put", f"{BASE}/{pid}/{section}", data)
        assert response.status_code == 200, (section, response.content)
    body = response.json()
    assert body["requested_budget"] == "3000.00"
    assert body["support_type"] == "10(2)"
    assert client.get(f"{BASE}/{pid}/quality").json()["ready"] is True
    response = _json(client, "post", f"{BASE}/{pid}/submit", {})
    assert response.status_code == 200
    assert response.json()["status"] == "submitted"


def test_the_api_starts_a_proposal_from_the_plan(story):
    planned = make_planned(story)
    response = _json(login(story.proposer_a), "post", f"{BASE}/from-planned/{planned.pk}")
    assert response.status_code == 201
    assert response.json()["objectives"][0]["indicators"][0]["baseline"] == "30.00"
    assert _json(login(story.officer_b), "post", f"{BASE}/from-planned/{planned.pk}").status_code == 404


def test_the_officer_returns_and_the_committee_decides_over_the_api(story):
    project = submitted(story, amount="12000")
    officer, committee = login(story.officer_a), login(story.committee_a)
    assert _json(officer, "post", f"{BASE}/{project.pk}/return", {}).status_code == 422
    assert (
        _json(officer, "post", f"{BASE}/{project.pk}/return", {"comment": "แก้"}).json()["status"] == "revise"
    )
    assert _json(login(story.proposer_a), "post", f"{BASE}/{project.pk}/submit", {}).status_code == 200
    response = _json(
        committee, "post", f"{BASE}/{project.pk}/approve", {**DECISION, "approved_budget": "20000"}
    )
    assert response.status_code == 422
    assert "approved_budget" in {e["field"] for e in response.json()["errors"]}
    response = _json(committee, "post", f"{BASE}/{project.pk}/approve", DECISION)
    assert response.status_code == 200
    assert (response.json()["status"], response.json()["code"]) == ("running", "69-L9001-001")


def test_an_invalid_transition_is_409_with_a_thai_message(story):
    project = proposal(story)
    response = _json(login(story.committee_a), "post", f"{BASE}/{project.pk}/approve", DECISION)
    assert response.status_code == 409
    assert "อนุมัติ" in response.json()["detail"] or "ไม่" in response.json()["detail"]
    submitted_project = submitted(story)
    response = _json(
        login(story.proposer_a), "put", f"{BASE}/{submitted_project.pk}/results", {"expected_results": "x"}
    )
    assert response.status_code == 409


def test_the_api_refuses_outsiders_and_wrong_roles(story):
    project = submitted(story)
    assert login(story.officer_b).get(f"{BASE}/{project.pk}").status_code == 404
    assert _json(login(story.officer_b), "post", f"{BASE}/{project.pk}/approve", DECISION).status_code == 404
    assert _json(login(story.committee_a), "post", f"{BASE}/{project.pk}/submit", {}).status_code == 403
    assert _json(login(story.proposer_a), "post", f"{BASE}/{project.pk}/approve", DECISION).status_code == 403
    assert _json(login(story.committee_a), "put", f"{BASE}/{project.pk}/results", {}).status_code == 403
    assert (
        _json(
            login(story.committee_a), "post", f"{BASE}/", {"fund": story.fund_a.code, "title": "x"}
        ).status_code
        == 403
    )
    assert Client().get(f"{BASE}/").status_code == 401
    project.refresh_from_db()
    assert project.status == Status.SUBMITTED


def test_the_api_lists_what_the_user_may_see(story):
    mine = proposal(story)
    Project.objects.create(fund=story.fund_b, fiscal_year=YEAR, title="ของกองทุน ข")
    assert [p["id"] for p in login(story.proposer_a).get(f"{BASE}/").json()["items"]] == [mine.pk]
    assert login(story.officer_a).get(f"{BASE}/", {"status": "developing"}).json()["count"] == 1
    assert login(story.officer_b).get(f"{BASE}/", {"fund": story.fund_a.code}).json()["count"] == 0
    detail = login(story.officer_a).get(f"{BASE}/{mine.pk}").json()
    assert detail["activities"][0]["budget_lines"][0]["amount"] == "12000.00"


def test_an_approved_project_is_readable_over_the_api_without_login(story):
    project = submitted(story)
    login(story.committee_a).post(
        f"{BASE}/{project.pk}/approve", data=DECISION, content_type="application/json"
    )
    response = Client().get(f"{BASE}/{project.pk}")
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["status"], body["approved_budget"]) == ("running", "9000.00")
    assert body["responsible_people"] is None  # no names of people for the public
    assert "นางสมศรี" not in response.content.decode()
    assert login(story.officer_a).get(f"{BASE}/{project.pk}").json()["responsible_people"] == "นางสมศรี"


def test_a_draft_stays_hidden_over_the_api_from_visitors_but_not_from_its_proposer(story):
    project = proposal(story)
    assert Client().get(f"{BASE}/{project.pk}").status_code == 404
    assert Client(HTTP_AUTHORIZATION="Bearer kt_wrong").get(f"{BASE}/{project.pk}").status_code == 404
    _token, key = api_token_create(user=story.proposer_a, name="app")
    response = Client(HTTP_AUTHORIZATION=f"Bearer {key}").get(f"{BASE}/{project.pk}")
    assert response.status_code == 200
    assert response.json()["responsible_people"] == "นางสมศรี"
    assert Client().get("/api/openapi.json").status_code == 200
