from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kongtun.accounts.models import Notification
from kongtun.projects import services
from kongtun.projects.models import Comment, ProposalWindow, Status, Transition
from kongtun.projects.rules import project_quality
from kongtun.projects.tests.helpers import YEAR, change, complete, make_planned, proposal, submitted

pytestmark = pytest.mark.django_db

DECISION: dict[str, Any] = {
    "meeting_no": "3/2569",
    "meeting_date": dt.date(2025, 11, 20),
    "report_due_date": dt.date(2026, 9, 15),
}


def test_it_creates_a_draft_for_the_proposer(story):
    project = services.project_create(fund=story.fund_a, user=story.proposer_a, title="  โครงการ  ")
    assert project.status == Status.DEVELOPING
    assert project.proposer == story.proposer_a
    assert project.title == "โครงการ"


def test_it_refuses_a_proposal_without_title(story):
    with pytest.raises(ValidationError):
        services.project_create(fund=story.fund_a, user=story.proposer_a, title=" ")


def test_it_carries_the_plan_over_into_the_proposal(story):
    planned = make_planned(story)
    project = services.project_create_from_planned(planned_project=planned, user=story.proposer_a)
    assert project.title == planned.title
    assert list(project.plans.all()) == [planned.plan]
    assert project.support_type == planned.support_type
    assert project.org_type == planned.org_type
    assert project.requested_budget == Decimal("30000")
    assert project.fiscal_year == YEAR
    problem = project.problems.get()
    assert problem.size == Decimal("30")
    indicator = project.objectives.get().indicators.get()
    assert (indicator.baseline, indicator.target) == (Decimal("30"), Decimal("25"))


def test_it_takes_the_baseline_from_the_situation_data(story):
    planned = make_planned(story)
    project = services.project_create(fund=story.fund_a, user=story.proposer_a, title="x", fiscal_year=YEAR)
    indicator = planned.plan.targets.get().indicator
    services.project_update_objectives(
        project=project, objectives=[{"text": "ลด", "indicators": [{"indicator": indicator, "target": 20}]}]
    )
    row = project.objectives.get().indicators.get()
    assert row.baseline == Decimal("30")
    assert row.name == indicator.name


def test_it_sums_budget_lines_into_the_requested_budget(story):
    project = proposal(story, amount="12000")
    assert project.requested_budget == Decimal("12000.00")
    activity = project.activities.get()
    services.activity_save(
        project=project,
        activity=activity,
        title=activity.title,
        planned_output="x",
        budget_lines=[
            {"expense_group": "materials", "description": "ป้าย", "quantity": 2, "unit_cost": 500},
            {"expense_group": "wages", "description": "ค่าจ้าง", "amount": 1000},
        ],
    )
    project.refresh_from_db()
    assert project.requested_budget == Decimal("2000.00")
    assert services.project_recalculate_budget(project=project) == Decimal("2000.00")


def test_it_refuses_an_unknown_expense_group(story):
    project = proposal(story)
    with pytest.raises(ValidationError):
        services.activity_save(
            project=project,
            title="a",
            budget_lines=[{"expense_group": "bribes", "description": "x", "amount": 1}],
        )


def test_it_refuses_a_period_that_ends_before_it_starts(story):
    project = proposal(story)
    with pytest.raises(ValidationError):
        services.project_update_period(
            project=project, start_date=dt.date(2026, 1, 2), end_date=dt.date(2026, 1, 1)
        )


def test_it_submits_a_complete_proposal_and_tells_the_officer(story):
    project = submitted(story)
    assert project.status == Status.SUBMITTED
    assert project.submitted_at is not None
    transition = Transition.objects.get(project=project)
    assert (transition.from_status, transition.to_status, transition.by) == (
        "developing",
        "submitted",
        story.proposer_a,
    )
    assert Notification.objects.filter(user=story.officer_a).count() == 1


def test_it_refuses_to_submit_with_hard_errors(story):
    project = services.project_create(fund=story.fund_a, user=story.proposer_a, title="ว่าง", fiscal_year=YEAR)
    with pytest.raises(ValidationError) as info:
        services.project_submit(project=project, user=story.proposer_a)
    assert "ยังไม่พร้อม" in " ".join(info.value.messages) or "not ready" in " ".join(info.value.messages)
    project.refresh_from_db()
    assert project.status == Status.DEVELOPING


def test_it_refuses_to_submit_outside_an_open_window(story):
    project = proposal(story)
    today = dt.date(2025, 12, 15)
    ProposalWindow.objects.create(
        fund=story.fund_a, fiscal_year=YEAR, opens_on=dt.date(2025, 10, 1), closes_on=dt.date(2025, 10, 31)
    )
    with pytest.raises(services.TransitionError):
        services.project_submit(project=project, user=story.proposer_a, today=today)
    ProposalWindow.objects.create(
        fund=story.fund_a, fiscal_year=YEAR, opens_on=dt.date(2025, 12, 1), closes_on=dt.date(2025, 12, 31)
    )
    project = services.project_submit(project=project, user=story.proposer_a, today=today)
    assert project.status == Status.SUBMITTED


def test_the_officer_returns_with_a_comment_and_the_proposer_is_told(story):
    project = submitted(story)
    with pytest.raises(ValidationError):
        services.project_return(project=project, user=story.officer_a, comment="")
    project = services.project_return(project=project, user=story.officer_a, comment="เพิ่มตัวชี้วัด")
    assert project.status == Status.REVISE
    assert Transition.objects.filter(project=project, to_status="revise", comment="เพิ่มตัวชี้วัด").exists()
    assert Notification.objects.filter(user=story.proposer_a).exists()
    # The proposer revises and submits again.
    services.project_update_results(project=project, expected_results="ดีขึ้น")
    project = services.project_submit(project=project, user=story.proposer_a)
    assert project.status == Status.SUBMITTED


def test_the_committee_approves_a_lower_amount_and_the_project_gets_a_code(story):
    project = submitted(story, amount="12000")
    project = services.project_approve(
        project=project, user=story.committee_a, approved_budget=Decimal("10000"), **DECISION
    )
    assert project.status == Status.RUNNING
    assert project.is_approved
    assert project.approved_budget == Decimal("10000")
    assert project.code == "69-L9001-001"
    second = submitted(story)
    second = services.project_approve(
        project=second, user=story.officer_a, approved_budget=Decimal("5000"), **DECISION
    )
    assert second.code == "69-L9001-002"


@pytest.mark.parametrize("amount", ["0", "12000.01"])
def test_it_refuses_an_approved_amount_of_zero_or_above_the_request(story, amount):
    project = submitted(story, amount="12000")
    with pytest.raises(ValidationError) as info:
        services.project_approve(
            project=project, user=story.committee_a, approved_budget=Decimal(amount), **DECISION
        )
    assert "approved_budget" in info.value.message_dict


def test_the_committee_rejects_with_a_reason(story):
    project = submitted(story)
    with pytest.raises(ValidationError):
        services.project_reject(project=project, user=story.committee_a, comment="")
    project = services.project_reject(project=project, user=story.committee_a, comment="ซ้ำซ้อน")
    assert project.status == Status.REJECTED
    assert project.decision_note == "ซ้ำซ้อน"
    assert project.code is None


@pytest.mark.parametrize(
    ("status", "name"),
    [
        ("developing", "approve"),
        ("developing", "return"),
        ("developing", "reject"),
        ("revise", "approve"),
        ("running", "submit"),
        ("running", "cancel"),
        ("rejected", "submit"),
        ("cancelled", "submit"),
        ("submitted", "submit"),
    ],
)
def test_it_refuses_transitions_the_status_does_not_allow(story, status, name):
    project = proposal(story)
    project.status = status
    project.save()
    with pytest.raises(services.TransitionError):
        change(name, project=project, user=story.admin, comment="x", approved_budget=Decimal(1), **DECISION)
    project.refresh_from_db()
    assert project.status == status
    assert not Transition.objects.filter(project=project).exists()


@pytest.mark.parametrize(
    ("who", "name"),
    [
        ("committee_a", "submit"),
        ("proposer_a", "approve"),
        ("proposer_a", "return"),
        ("mentor", "approve"),
        ("officer_b", "approve"),
        ("collector_a", "cancel"),
    ],
)
def test_it_refuses_transitions_to_the_wrong_role(story, who, name):
    project = submitted(story) if name != "submit" else proposal(story)
    with pytest.raises(PermissionDenied):
        change(
            name,
            project=project,
            user=getattr(story, who),
            comment="x",
            approved_budget=Decimal(1),
            **DECISION,
        )


def test_a_submitted_proposal_cannot_be_edited(story):
    project = submitted(story)
    with pytest.raises(services.TransitionError):
        services.project_update_results(project=project, expected_results="x")


def test_the_officer_cancels_a_proposal(story):
    project = submitted(story)
    project = services.project_cancel(project=project, user=story.officer_a, comment="ซ้ำ")
    assert project.status == Status.CANCELLED


def test_mentor_comments_and_the_proposer_answers(story):
    project = proposal(story)
    comment = services.comment_add(project=project, user=story.mentor, section="4", body="ตัวชี้วัดกว้างไป")
    assert Notification.objects.filter(user=story.proposer_a).exists()
    answer = services.comment_add(
        project=project, user=story.proposer_a, section="", body="แก้แล้ว", reply_to=comment
    )
    assert answer.section == "4"
    assert Notification.objects.filter(user=story.mentor).exists()
    assert Comment.objects.filter(project=project).count() == 2


def test_the_proposer_cannot_start_a_comment_and_the_committee_cannot_comment(story):
    project = proposal(story)
    with pytest.raises(PermissionDenied):
        services.comment_add(project=project, user=story.proposer_a, section="1", body="x")
    with pytest.raises(PermissionDenied):
        services.comment_add(project=project, user=story.committee_a, section="1", body="x")


def test_windows_open_and_close(story):
    today = dt.date(2025, 12, 10)
    window = services.proposal_window_open(
        fund=story.fund_a, fiscal_year=YEAR, opens_on=dt.date(2025, 12, 1), closes_on=dt.date(2025, 12, 31)
    )
    services.proposal_window_close(window=window, today=today)
    window.refresh_from_db()
    assert window.closes_on == dt.date(2025, 12, 9)
    future = services.proposal_window_open(
        fund=story.fund_a, fiscal_year=YEAR, opens_on=dt.date(2026, 1, 1), closes_on=dt.date(2026, 1, 31)
    )
    services.proposal_window_close(window=future, today=today)
    assert not ProposalWindow.objects.filter(pk=future.pk).exists()
    with pytest.raises(ValidationError):
        services.proposal_window_open(
            fund=story.fund_a, fiscal_year=YEAR, opens_on=dt.date(2026, 1, 31), closes_on=dt.date(2026, 1, 1)
        )


def test_a_complete_proposal_passes_the_quality_check(story):
    quality = project_quality(proposal(story))
    assert quality.errors == []


def test_the_quality_check_flags_what_is_missing(story):
    project = services.project_create(fund=story.fund_a, user=story.proposer_a, title="x", fiscal_year=YEAR)
    services.project_update_objectives(project=project, objectives=[{"text": "ลด", "indicators": []}])
    services.project_update_target_groups(project=project, groups=[{"name": "เด็ก", "planned_count": 0}])
    services.activity_save(project=project, title="ประชุม")
    errors = project_quality(project).errors
    assert {f.section for f in errors} >= {2, 4, 5, 6, 7}
    assert sum(1 for f in errors if f.section == 7) == 3  # no output, no budget lines, 0 baht
    assert any("เด็ก" in f.message for f in errors if f.section == 5)


def test_the_quality_check_warns_of_a_target_no_better_than_baseline(story):
    planned = make_planned(story)
    project = services.project_create_from_planned(planned_project=planned, user=story.proposer_a)
    indicator = project.objectives.get().indicators.get()
    indicator.target = Decimal("35")  # smoking: lower is better
    indicator.save()
    assert any(f.section == 4 and "35" in f.message for f in project_quality(project).warnings)


def test_the_quality_check_warns_of_a_budget_above_the_plan(story):
    planned = make_planned(story, budget="5000")
    project = services.project_create_from_planned(planned_project=planned, user=story.proposer_a)
    project = complete(project, amount="8000")
    assert any(f.section == 7 and "5,000" in f.message for f in project_quality(project).warnings)
    assert project_quality(project).errors == []


def test_the_quality_check_flags_activities_outside_the_period(story):
    project = proposal(story)
    services.activity_save(
        project=project,
        title="นอกช่วง",
        planned_output="x",
        start_date=dt.date(2027, 1, 1),
        budget_lines=[{"expense_group": "other", "description": "x", "amount": 100}],
    )
    assert any("นอกช่วง" in f.message for f in project_quality(project).errors)
