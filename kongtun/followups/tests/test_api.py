from __future__ import annotations

import datetime as dt
from typing import Any

from django.test import Client

from kongtun.accounts.services import api_token_create
from kongtun.followups import services
from kongtun.followups.models import ActivityReport, SatisfactionQuestion
from kongtun.followups.tests.factories import running_project
from kongtun.followups.tests.photos import not_an_image, photo

BASE = "/api/v1/followups"


def api(user: Any) -> Client:
    _token, key = api_token_create(user=user, name="test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


def _report(project: Any, user: Any) -> ActivityReport:
    return services.report_create(
        project=project, by=user, activity=project.activities.first(), date=dt.date(2025, 2, 10), done="ประชุม"
    )


def _payload(project: Any) -> dict[str, Any]:
    return {
        "activity_id": project.activities.first().pk,
        "date": "2025-02-10",
        "done": "ประชุมชี้แจง",
        "actual_output_count": 28,
        "rating": 3,
        "participants": [{"target_group_id": project.target_groups.get().pk, "actual": 28}],
        "spending": [{"expense_group": "services", "amount": "1500.00"}],
    }


def test_api_progress_and_readiness(story: Any) -> None:
    project = running_project(story)
    client = api(story.mentor)
    body = client.get(f"{BASE}/projects/{project.pk}/progress").json()
    assert body["activities_planned"] == 2 and body["activities_done"] == 0
    readiness = client.get(f"{BASE}/projects/{project.pk}/readiness").json()
    assert readiness["ready"] is False and readiness["missing"]
    assert api(story.officer_b).get(f"{BASE}/projects/{project.pk}/progress").status_code == 404


def test_api_periods_must_add_up(story: Any) -> None:
    project = running_project(story)
    url = f"{BASE}/projects/{project.pk}/periods"
    client = api(story.officer_a)
    bad = client.put(url, [{"amount": "4000"}], content_type="application/json")
    assert bad.status_code == 422
    good = client.put(url, [{"amount": "6000"}, {"amount": "4000"}], content_type="application/json")
    assert good.status_code == 200 and [p["number"] for p in good.json()] == [1, 2]
    assert len(client.get(url).json()) == 2
    assert api(story.committee_a).put(url, [], content_type="application/json").status_code == 403
    assert api(story.officer_b).put(url, [], content_type="application/json").status_code == 404


def test_api_proposer_reports_an_activity(story: Any) -> None:
    project = running_project(story)
    response = api(story.proposer_a).post(
        f"{BASE}/projects/{project.pk}/reports", _payload(project), content_type="application/json"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["title"] == "ประชุมชี้แจง" and body["participants"][0]["actual"] == 28
    assert body["spending"][0]["amount"] == "1500.00"
    assert len(api(story.mentor).get(f"{BASE}/projects/{project.pk}/reports").json()) == 1


def test_api_reporting_is_refused_to_read_only_roles_and_outsiders(story: Any) -> None:
    project = running_project(story)
    url = f"{BASE}/projects/{project.pk}/reports"
    assert (
        api(story.committee_a).post(url, _payload(project), content_type="application/json").status_code
        == 403
    )
    assert (
        api(story.officer_b).post(url, _payload(project), content_type="application/json").status_code == 404
    )
    assert not ActivityReport.objects.exists()


def test_api_report_update_and_mentor_advice(story: Any) -> None:
    project = running_project(story)
    report = _report(project, story.proposer_a)
    payload = {**_payload(project), "done": "แก้ไข"}
    updated = api(story.officer_a).put(
        f"{BASE}/reports/{report.pk}", payload, content_type="application/json"
    )
    assert updated.status_code == 200 and updated.json()["done"] == "แก้ไข"
    advice = api(story.mentor).post(
        f"{BASE}/reports/{report.pk}/advice", {"advice": "ดีมาก"}, content_type="application/json"
    )
    assert advice.status_code == 200 and advice.json()["mentor_advice"] == "ดีมาก"
    assert (
        api(story.committee_a)
        .post(f"{BASE}/reports/{report.pk}/advice", {"advice": "x"}, content_type="application/json")
        .status_code
        == 403
    )
    assert api(story.officer_b).get(f"{BASE}/reports/{report.pk}").status_code == 404


def test_api_photo_upload_is_multipart_and_refuses_bad_files(story: Any) -> None:
    project = running_project(story)
    report = _report(project, story.proposer_a)
    url = f"{BASE}/reports/{report.pk}/photos"
    response = api(story.proposer_a).post(url, {"photos": [photo("a.jpg"), not_an_image("b.jpg")]})
    assert response.status_code == 201
    body = response.json()
    assert len(body["saved"]) == 1 and "b.jpg" in body["errors"][0]
    only_bad = api(story.proposer_a).post(url, {"photos": [not_an_image("c.jpg")]})
    assert only_bad.status_code == 422
    assert report.photos.count() == 1
    assert api(story.committee_a).post(url, {"photos": [photo()]}).status_code == 403


def test_api_assessment(story: Any) -> None:
    project = running_project(story)
    url = f"{BASE}/projects/{project.pk}/assessment"
    question = SatisfactionQuestion.objects.first()
    assert question is not None
    payload = {
        "values": [{"item": "process_network", "achieved": True, "evidence": "ร่วมกับ รพ.สต."}],
        "scores": [{"question_id": question.pk, "score": 5}],
    }
    response = api(story.proposer_a).put(url, payload, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["values"][0]["dimension"] == "process"
    assert api(story.mentor).get(url).json()["scores"] == [{"question_id": question.pk, "score": 5}]
    bad = {"scores": [{"question_id": question.pk, "score": 9}]}
    assert api(story.proposer_a).put(url, bad, content_type="application/json").status_code == 422
    assert api(story.committee_a).put(url, payload, content_type="application/json").status_code == 403


def test_api_downloads(story: Any) -> None:
    project = running_project(story)
    report = _report(project, story.proposer_a)
    client = api(story.district_officer)
    assert client.get(f"{BASE}/projects/{project.pk}/final-report.pdf").content.startswith(b"%PDF")
    assert client.get(f"{BASE}/projects/{project.pk}/final-report.docx").content.startswith(b"PK")
    assert client.get(f"{BASE}/reports/{report.pk}/pdf").content.startswith(b"%PDF")
    assert api(story.officer_b).get(f"{BASE}/projects/{project.pk}/final-report.pdf").status_code == 200
