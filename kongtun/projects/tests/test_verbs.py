"""Each verb of the transition table with its own rule: what it refuses, what it records, whom it
tells. (Who may make which change from which status is in test_transition_table.)"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kongtun.accounts.models import Notification
from kongtun.conftest import login
from kongtun.projects import services
from kongtun.projects.models import Project, Status, Transition
from kongtun.projects.rules import project_quality
from kongtun.projects.tests.helpers import YEAR, proposal, submitted

pytestmark = pytest.mark.django_db

DECISION: dict[str, Any] = {
    "meeting_no": "3/2569",
    "meeting_date": dt.date(2025, 11, 20),
    "report_due_date": dt.date(2026, 9, 15),
}


def _running(story: Any) -> Project:
    return services.project_approve(
        project=submitted(story, amount="12000"),
        user=story.committee_a,
        approved_budget=Decimal("10000"),
        **DECISION,
    )


def _closed(story: Any) -> Project:
    return services.project_finish(project=_running(story), user=story.officer_a, status=Status.COMPLETED)


def _changes(project: Project) -> list[tuple[str, str]]:
    return list(Transition.objects.filter(project=project).values_list("from_status", "to_status"))


# --- submit ---------------------------------------------------------------------------------------


def test_submitting_lists_every_problem_the_quality_rule_finds(story):
    project = services.project_create(fund=story.fund_a, user=story.proposer_a, title="ว่าง", fiscal_year=YEAR)
    expected = [f.message for f in project_quality(project).errors]
    assert expected
    with pytest.raises(ValidationError) as info:
        services.project_submit(project=project, user=story.proposer_a)
    assert set(expected) <= set(info.value.messages)
    assert _changes(project) == []
    assert not Notification.objects.filter(user=story.officer_a).exists()


def test_the_note_given_on_submitting_is_kept_with_the_change(story):
    project = services.project_submit(
        project=proposal(story), user=story.proposer_a, comment="  แก้ตามที่แนะนำ "
    )
    assert Transition.objects.get(project=project).comment == "แก้ตามที่แนะนำ"


# --- approve --------------------------------------------------------------------------------------


def test_it_refuses_to_approve_more_than_requested(story):
    project = submitted(story, amount="12000")
    with pytest.raises(ValidationError) as info:
        services.project_approve(
            project=project, user=story.committee_a, approved_budget=Decimal("12000.01"), **DECISION
        )
    assert "12,000.00" in " ".join(info.value.message_dict["approved_budget"])
    project.refresh_from_db()
    assert (project.status, project.code, project.approved_budget) == (Status.SUBMITTED, None, None)
    assert _changes(project) == [(Status.DEVELOPING, Status.SUBMITTED)]
    assert not Notification.objects.filter(user=story.proposer_a).exists()


def test_the_page_and_the_api_refuse_approving_more_than_requested_in_the_same_words(story):
    words = "จำนวนเงินที่อนุมัติต้องไม่เกินงบประมาณที่ขอ 12,000.00 บาท"
    project = submitted(story, amount="12000")
    client = login(story.officer_a)
    page = client.post(
        reverse("projects:transition", args=[project.pk, "approve"]),
        {
            "meeting_no": "3/2569",
            "meeting_date": "20/11/2568",
            "approved_budget": "20,000",
            "report_due_date": "15/09/2569",
        },
    )
    assert page.status_code == 200
    assert words in page.content.decode()
    api = client.post(
        f"/api/v1/projects/{project.pk}/approve",
        data={
            **DECISION,
            "meeting_date": "2025-11-20",
            "report_due_date": "2026-09-15",
            "approved_budget": "20000",
        },
        content_type="application/json",
    )
    assert api.status_code == 422
    assert api.json()["errors"] == [{"field": "approved_budget", "message": words}]
    assert Project.objects.get(pk=project.pk).status == Status.SUBMITTED


def test_it_refuses_an_approval_whose_report_is_due_before_the_meeting(story):
    project = submitted(story)
    with pytest.raises(ValidationError) as info:
        services.project_approve(
            project=project,
            user=story.committee_a,
            approved_budget=Decimal("1000"),
            **{**DECISION, "report_due_date": dt.date(2025, 11, 19)},
        )
    assert list(info.value.message_dict) == ["report_due_date"]


def test_approving_records_the_meeting_and_the_agreement_and_tells_the_proposer_the_code(story):
    project = services.project_approve(
        project=submitted(story),
        user=story.committee_a,
        approved_budget=Decimal("5000"),
        agreement_no="ข้อตกลง 7/2569",
        comment="ให้ปรับกิจกรรมที่ 2",
        **DECISION,
    )
    project.refresh_from_db()
    assert (project.meeting_no, project.meeting_date, project.report_due_date) == (
        "3/2569",
        dt.date(2025, 11, 20),
        dt.date(2026, 9, 15),
    )
    assert (project.agreement_no, project.decision_note) == ("ข้อตกลง 7/2569", "ให้ปรับกิจกรรมที่ 2")
    assert project.decided_at is not None
    notice = Notification.objects.get(user=story.proposer_a)
    assert project.code and project.code in notice.message


# --- return, cancel, reject -----------------------------------------------------------------------


def test_cancelling_needs_a_reason(story):
    project = submitted(story)
    with pytest.raises(ValidationError) as info:
        services.project_cancel(project=project, user=story.officer_a, comment="  ")
    assert "comment" in info.value.message_dict
    assert Project.objects.get(pk=project.pk).status == Status.SUBMITTED


def test_rejecting_records_the_meeting_and_tells_the_proposer_why(story):
    project = services.project_reject(
        project=submitted(story),
        user=story.committee_a,
        comment="ซ้ำซ้อนกับโครงการอื่น",
        meeting_no="3/2569",
        meeting_date=dt.date(2025, 11, 20),
    )
    project.refresh_from_db()
    assert (project.status, project.meeting_no, project.decision_note) == (
        Status.REJECTED,
        "3/2569",
        "ซ้ำซ้อนกับโครงการอื่น",
    )
    assert Transition.objects.get(project=project, to_status=Status.REJECTED).comment == "ซ้ำซ้อนกับโครงการอื่น"
    assert Notification.objects.filter(user=story.proposer_a).exists()


# --- finish and reopen ----------------------------------------------------------------------------


@pytest.mark.parametrize("status", [Status.COMPLETED, Status.TERMINATED, Status.SUSPENDED])
def test_finishing_closes_a_running_project_by_its_row_of_the_table(story, status):
    project = services.project_finish(project=_running(story), user=story.officer_a, status=status, note="จบ")
    assert project.status == status
    assert _changes(project)[-1] == (Status.RUNNING, status)


def test_it_refuses_to_finish_a_project_with_a_status_that_is_not_a_closing(story):
    project = _running(story)
    with pytest.raises(ValidationError) as info:
        services.project_finish(project=project, user=story.officer_a, status=Status.REJECTED)
    assert "status" in info.value.message_dict
    assert Project.objects.get(pk=project.pk).status == Status.RUNNING


def test_terminating_needs_a_note(story):
    project = _running(story)
    with pytest.raises(ValidationError) as info:
        services.project_finish(project=project, user=story.officer_a, status=Status.TERMINATED, note=" ")
    assert "note" in info.value.message_dict
    assert Project.objects.get(pk=project.pk).status == Status.RUNNING


def test_reopening_needs_a_reason(story):
    project = _closed(story)
    with pytest.raises(ValidationError) as info:
        services.project_reopen(project=project, user=story.officer_a, reason="   ")
    assert "reason" in info.value.message_dict
    assert Project.objects.get(pk=project.pk).status == Status.COMPLETED


def test_reopening_takes_a_closed_project_back_to_running_and_tells_the_proposer(story):
    project = _closed(story)
    Notification.objects.all().delete()
    project = services.project_reopen(project=project, user=story.officer_a, reason="บันทึกปิดโครงการผิด")
    assert Project.objects.get(pk=project.pk).status == Status.RUNNING
    last = Transition.objects.filter(project=project).last()
    assert last is not None
    assert (last.from_status, last.to_status, last.by, last.comment) == (
        Status.COMPLETED,
        Status.RUNNING,
        story.officer_a,
        "บันทึกปิดโครงการผิด",
    )
    assert Notification.objects.filter(user=story.proposer_a).count() == 1


def test_it_refuses_to_reopen_a_project_that_is_not_closed(story):
    project = _running(story)
    with pytest.raises(services.TransitionError):
        services.project_reopen(project=project, user=story.officer_a, reason="ลองดู")
    assert _changes(project)[-1] == (Status.SUBMITTED, Status.RUNNING)
