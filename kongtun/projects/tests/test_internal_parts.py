"""Internal stays internal: an approved project's public face (READ) is open to everyone, its
internal parts (comments, quality check, editor, follow-up, reports, history) only to the fund's
roles and the proposer. Each part is asked for by each role of the story."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest
from django.test import Client

from kongtun.accounts.services import api_token_create
from kongtun.conftest import login
from kongtun.followups import services as followups
from kongtun.followups.tests.factories import running_project
from kongtun.projects import services
from kongtun.projects.models import Project

PHONE = "081-234-5678"


@pytest.fixture
def approved(story: SimpleNamespace) -> SimpleNamespace:
    """Fund A's running project with a mentor's internal comment holding a phone number, and a report."""
    project = running_project(story)
    services.comment_add(
        project=project, user=story.mentor, section="1", body=f"โทรหาพี่เลี้ยงได้ที่ {PHONE}", reply_to=None
    )
    report = followups.report_create(
        project=project,
        by=story.proposer_a,
        activity=project.activities.first(),
        date=dt.date(2025, 2, 10),
        done="ประชุม",
    )
    return SimpleNamespace(project=project, report=report)


def _web(user: Any) -> Client:
    return login(user) if user is not None else Client()


def _api(user: Any) -> Client:
    if user is None:
        return Client()
    _token, key = api_token_create(user=user, name="test")
    return Client(HTTP_AUTHORIZATION=f"Bearer {key}")


# The internal parts of an approved project, and what an outsider of another fund gets (the project
# page says the project exists, so its own internal pages answer 403; the follow-up 404s as before).
# The follow-up page, the final report and the activity reports are public reads without personal
# data (issue 12): the outsider reads them, never the mentor's phone number.
WEB = [
    ("/projects/{p}/comments/", 403),
    ("/projects/{p}/quality/", 403),
    ("/followups/projects/{p}/assessment/", 404),
]
PUBLIC = ["/followups/projects/{p}/", "/followups/projects/{p}/final-report/", "/followups/reports/{r}/"]
API = [
    ("/api/v1/projects/{p}/quality", 403),
    ("/api/v1/followups/projects/{p}/progress", 404),
    ("/api/v1/followups/projects/{p}/periods", 404),
    ("/api/v1/followups/projects/{p}/reports", 404),
    ("/api/v1/followups/projects/{p}/assessment", 404),
    ("/api/v1/followups/projects/{p}/readiness", 404),
    ("/api/v1/followups/reports/{r}", 404),
]


def _url(template: str, approved: SimpleNamespace) -> str:
    return template.format(p=approved.project.pk, r=approved.report.pk)


@pytest.mark.parametrize(("url", "outsider"), WEB)
@pytest.mark.parametrize("role", ["officer_a", "mentor"])
def test_the_fund_officer_and_the_district_mentor_read_the_internal_pages(
    story: SimpleNamespace, approved: SimpleNamespace, url: str, outsider: int, role: str
) -> None:
    assert _web(getattr(story, role)).get(_url(url, approved)).status_code == 200


@pytest.mark.parametrize(("url", "outsider"), WEB)
def test_an_officer_of_another_fund_cannot_read_the_internal_pages(
    story: SimpleNamespace, approved: SimpleNamespace, url: str, outsider: int
) -> None:
    response = _web(story.officer_b).get(_url(url, approved))
    assert response.status_code == outsider
    assert PHONE not in response.content.decode()


@pytest.mark.parametrize("url", PUBLIC)
def test_an_officer_of_another_fund_reads_the_public_follow_up_without_the_internal_parts(
    story: SimpleNamespace, approved: SimpleNamespace, url: str
) -> None:
    response = _web(story.officer_b).get(_url(url, approved), follow=True)
    assert response.status_code == 200
    assert PHONE not in response.content.decode()


@pytest.mark.parametrize(("url", "outsider"), WEB)
def test_a_visitor_is_sent_to_sign_in_for_the_internal_pages(
    approved: SimpleNamespace, url: str, outsider: int
) -> None:
    response = Client().get(_url(url, approved))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(("url", "outsider"), API)
@pytest.mark.parametrize("role", ["officer_a", "mentor"])
def test_the_fund_officer_and_the_district_mentor_read_the_internal_operations(
    story: SimpleNamespace, approved: SimpleNamespace, url: str, outsider: int, role: str
) -> None:
    assert _api(getattr(story, role)).get(_url(url, approved)).status_code == 200


@pytest.mark.parametrize(("url", "outsider"), API)
def test_an_officer_of_another_fund_cannot_call_the_internal_operations(
    story: SimpleNamespace, approved: SimpleNamespace, url: str, outsider: int
) -> None:
    assert _api(story.officer_b).get(_url(url, approved)).status_code == outsider


@pytest.mark.parametrize(("url", "outsider"), API)
def test_a_visitor_gets_401_from_the_internal_operations(
    approved: SimpleNamespace, url: str, outsider: int
) -> None:
    assert Client().get(_url(url, approved)).status_code == 401


def test_the_mentors_comment_is_read_by_the_fund_not_by_another_province(
    story: SimpleNamespace, approved: SimpleNamespace
) -> None:
    url = f"/projects/{approved.project.pk}/comments/"
    assert PHONE in login(story.officer_a).get(url).content.decode()
    assert PHONE in login(story.proposer_a).get(url).content.decode()
    assert login(story.officer_b).get(url).status_code == 403
    assert login(story.nobody).get(url).status_code == 403


@pytest.mark.parametrize("role", ["officer_a", "mentor", "officer_b", "nobody", None])
def test_everyone_reads_the_public_face_without_the_internal_parts(
    story: SimpleNamespace, approved: SimpleNamespace, role: str | None
) -> None:
    user = getattr(story, role) if role else None
    project: Project = approved.project
    page = _web(user).get(f"/projects/{project.pk}/")
    assert page.status_code == 200
    internal = role in ("officer_a", "mentor")
    assert (f"/projects/{project.pk}/comments/" in page.content.decode()) is internal
    assert PHONE not in page.content.decode()
    assert _web(user).get(f"/followups/public/{project.pk}/").status_code == 200
    assert _api(user).get(f"/api/v1/projects/{project.pk}").status_code == 200


@pytest.mark.parametrize("role", ["officer_b", "nobody", None])
def test_a_draft_stays_hidden_from_everyone_outside_the_fund(
    story: SimpleNamespace, role: str | None
) -> None:
    draft = running_project(story, status="developing")
    user = getattr(story, role) if role else None
    for url in (f"/projects/{draft.pk}/", f"/projects/{draft.pk}/pdf/", f"/followups/public/{draft.pk}/"):
        assert _web(user).get(url).status_code == 404
    assert _api(user).get(f"/api/v1/projects/{draft.pk}").status_code == 404
