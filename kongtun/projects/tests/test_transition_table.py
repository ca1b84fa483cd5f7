"""Every change of status against every status and every role: what the transition table allows
goes through, everything else is refused (service: TransitionError / PermissionDenied; pages and
API: 409 for the wrong status, 403 for those who may read but not act, 404 for outsiders)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from kongtun.conftest import login
from kongtun.projects import services
from kongtun.projects.models import Project, Status, Transition
from kongtun.projects.tests.helpers import change, proposal

pytestmark = pytest.mark.django_db

# Written out by hand, not read from services.TRANSITIONS, so that a change to the table shows here.
ALLOWED_FROM = {
    "submit": {Status.DEVELOPING, Status.REVISE},
    "return": {Status.SUBMITTED},
    "cancel": {Status.DEVELOPING, Status.SUBMITTED, Status.REVISE},
    "approve": {Status.SUBMITTED},
    "reject": {Status.SUBMITTED},
    "complete": {Status.RUNNING},
    "terminate": {Status.RUNNING},
    "suspend": {Status.RUNNING},
    "reopen": {Status.COMPLETED, Status.TERMINATED, Status.SUSPENDED},
}
# Who may make each change on a proposal of fund A written by proposer_a.
ALLOWED_TO = {
    "submit": {"proposer_a", "officer_a", "admin"},
    "return": {"officer_a", "admin"},
    "cancel": {"officer_a", "admin"},
    "approve": {"officer_a", "committee_a", "admin"},
    "reject": {"officer_a", "committee_a", "admin"},
    "complete": {"officer_a", "admin"},
    "terminate": {"officer_a", "admin"},
    "suspend": {"officer_a", "admin"},
    "reopen": {"officer_a", "admin"},
}
# Those who may read the proposal (403 when refused) and those who may not (404).
READERS = ["proposer_a", "committee_a", "mentor", "collector_a", "district_officer", "province_officer"]
READERS += ["region_officer"]
OUTSIDERS = ["officer_b", "nobody"]
ROLES = ["officer_a", "admin", *READERS, *OUTSIDERS]

# The changes with a page and an API endpoint of their own (a project is closed on its follow-up's
# closing page, tested in followups), with what each needs.
PAGE_DATA: dict[str, dict[str, str]] = {
    "submit": {},
    "return": {"comment": "เพิ่มตัวชี้วัด"},
    "cancel": {"comment": "ซ้ำกับโครงการอื่น"},
    "approve": {
        "meeting_no": "2/2569",
        "meeting_date": "20/11/2568",
        "approved_budget": "10,000",
        "report_due_date": "15/09/2569",
    },
    "reject": {"comment": "ไม่ตรงแผนงาน"},
}
API_DATA: dict[str, dict[str, Any]] = {
    **PAGE_DATA,
    "approve": {
        "meeting_no": "2/2569",
        "meeting_date": "2025-11-20",
        "approved_budget": "10000",
        "report_due_date": "2026-09-15",
    },
}
SERVICE_DATA: dict[str, Any] = {
    "comment": "เหตุผล",
    "meeting_no": "2/2569",
    "meeting_date": dt.date(2025, 11, 20),
    "approved_budget": Decimal("10000"),
    "report_due_date": dt.date(2026, 9, 15),
}


def _at(story: Any, status: str) -> Project:
    """A complete proposal of fund A put straight into `status`."""
    project = proposal(story)
    Project.objects.filter(pk=project.pk).update(status=status)
    project.refresh_from_db()
    return project


def _source(name: str) -> str:
    """A status change `name` starts from."""
    starts = {"submit": Status.DEVELOPING, "reopen": Status.COMPLETED}
    starts |= dict.fromkeys(["complete", "terminate", "suspend"], Status.RUNNING)
    return starts.get(name, Status.SUBMITTED)


@pytest.mark.parametrize("status", list(Status))
@pytest.mark.parametrize("name", list(ALLOWED_FROM))
def test_each_change_goes_only_from_the_statuses_the_table_allows(story, name, status):
    project = _at(story, status)
    if status in ALLOWED_FROM[name]:
        project = change(name, project=project, user=story.admin, **SERVICE_DATA)
        assert project.status == services.TRANSITIONS[name].target
        assert Transition.objects.filter(project=project, from_status=status, by=story.admin).exists()
        return
    with pytest.raises(services.TransitionError):
        change(name, project=project, user=story.admin, **SERVICE_DATA)
    project.refresh_from_db()
    assert project.status == status
    assert not Transition.objects.filter(project=project).exists()


@pytest.mark.parametrize("who", ROLES)
@pytest.mark.parametrize("name", list(ALLOWED_TO))
def test_each_change_is_made_only_by_the_roles_the_table_allows(story, name, who):
    project = _at(story, _source(name))
    user = getattr(story, who)
    if who in ALLOWED_TO[name]:
        project = change(name, project=project, user=user, **SERVICE_DATA)
        assert project.status == services.TRANSITIONS[name].target
        return
    with pytest.raises(PermissionDenied):
        change(name, project=project, user=user, **SERVICE_DATA)
    assert Project.objects.get(pk=project.pk).status == _source(name)


def _expected(name: str, who: str) -> tuple[int, int]:
    """(page status, API status) for `who` asking for change `name` at the right status."""
    if who in ALLOWED_TO[name]:
        return 302, 200
    if who in OUTSIDERS:
        return 404, 404
    return 403, 403


@pytest.mark.parametrize("who", ROLES)
@pytest.mark.parametrize("name", list(PAGE_DATA))
def test_the_pages_and_the_api_refuse_each_change_to_those_not_allowed(story, name, who):
    page_code, api_code = _expected(name, who)
    project = _at(story, _source(name))
    client = login(getattr(story, who))
    response = client.post(reverse("projects:transition", args=[project.pk, name]), PAGE_DATA[name])
    assert response.status_code == page_code
    other = _at(story, _source(name))
    response = client.post(
        f"/api/v1/projects/{other.pk}/{name}", data=API_DATA[name], content_type="application/json"
    )
    assert response.status_code == api_code, response.content
    changed = {p.status for p in (project, other) if Project.objects.get(pk=p.pk).status != _source(name)}
    assert bool(changed) == (who in ALLOWED_TO[name])


@pytest.mark.parametrize("name", list(PAGE_DATA))
def test_visitors_who_are_not_logged_in_cannot_change_a_status(story, name):
    project = _at(story, _source(name))
    response = Client().post(reverse("projects:transition", args=[project.pk, name]), PAGE_DATA[name])
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    response = Client().post(
        f"/api/v1/projects/{project.pk}/{name}", data=API_DATA[name], content_type="application/json"
    )
    assert response.status_code == 401
    assert Project.objects.get(pk=project.pk).status == _source(name)


@pytest.mark.parametrize("status", [s for s in Status if s not in ALLOWED_FROM["approve"]])
def test_the_page_and_the_api_answer_409_for_a_change_the_status_does_not_allow(story, status):
    project = _at(story, status)
    response = login(story.officer_a).post(
        reverse("projects:transition", args=[project.pk, "approve"]), PAGE_DATA["approve"]
    )
    assert response.status_code == 409
    response = login(story.officer_a).post(
        f"/api/v1/projects/{project.pk}/approve", data=API_DATA["approve"], content_type="application/json"
    )
    assert response.status_code == 409
    assert response.json()["detail"]
    assert Project.objects.get(pk=project.pk).status == status
