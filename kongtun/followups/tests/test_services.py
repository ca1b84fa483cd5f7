from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation
from PIL import Image

from kongtun.accounts.models import Notification
from kongtun.followups import selectors, services
from kongtun.followups.models import (
    ActivityReport,
    PaymentPeriod,
    ProjectClosing,
    SatisfactionQuestion,
    ValueAssessment,
)
from kongtun.followups.tests.factories import running_project
from kongtun.followups.tests.photos import broken_jpeg, not_an_image, photo
from kongtun.projects.models import Transition


def _report(project: Any, user: Any, **extra: Any) -> ActivityReport:
    activity = project.activities.first()
    fields: dict[str, Any] = {"date": dt.date(2025, 2, 10), "done": "ประชุม", "actual_output_count": 25}
    fields.update(extra)
    return services.report_create(project=project, by=user, activity=activity, **fields)


def test_periods_must_add_up_to_the_approved_budget(story: Any) -> None:
    project = running_project(story)
    with pytest.raises(ValidationError) as exc:
        services.periods_set(
            project=project, periods=[{"amount": Decimal("4000")}, {"amount": Decimal("5000")}]
        )
    assert "10,000.00" in str(exc.value)
    assert not PaymentPeriod.objects.exists()


def test_periods_are_numbered_and_replace_the_old_ones(story: Any) -> None:
    project = running_project(story)
    services.periods_set(project=project, periods=[{"amount": Decimal("10000")}])
    services.periods_set(project=project, periods=[{"amount": Decimal("6000")}, {"amount": Decimal("4000")}])
    assert list(PaymentPeriod.objects.values_list("number", "amount")) == [
        (1, Decimal("6000")),
        (2, Decimal("4000")),
    ]


def test_report_create_keeps_participants_and_spending(story: Any) -> None:
    project = running_project(story)
    group = project.target_groups.get()
    report = _report(
        project,
        story.proposer_a,
        participants=[{"project_target_group": group, "actual": 28}],
        spending=[
            {"expense_group": "services", "amount": Decimal("1500")},
            {"expense_group": "materials", "amount": 0},
        ],
    )
    assert report.title == "ประชุมชี้แจง"
    assert [(p.name, p.planned, p.actual) for p in report.participants.all()] == [("ผู้สูงอายุ", 30, 28)]
    assert [s.amount for s in report.spending.all()] == [Decimal("1500")]
    assert selectors.project_spent(project) == Decimal("1500")


def test_an_unplanned_activity_needs_a_title(story: Any) -> None:
    project = running_project(story)
    with pytest.raises(ValidationError):
        services.report_create(project=project, by=story.officer_a, date=dt.date(2025, 3, 1))
    report = services.report_create(
        project=project, by=story.officer_a, title="เยี่ยมบ้าน", date=dt.date(2025, 3, 1)
    )
    assert report.activity is None


def test_a_closed_project_cannot_be_reported(story: Any) -> None:
    project = running_project(story, status="completed")
    with pytest.raises(ValidationError):
        _report(project, story.officer_a)


def test_report_update_and_advice(story: Any) -> None:
    project = running_project(story)
    report = _report(project, story.proposer_a)
    services.report_update(report=report, activity=report.activity, done="ประชุมและฝึกปฏิบัติ", title="")
    services.report_advise(report=report, advice="  ควรเก็บข้อมูลก่อนและหลัง ")
    report.refresh_from_db()
    assert report.done == "ประชุมและฝึกปฏิบัติ"
    assert report.mentor_advice == "ควรเก็บข้อมูลก่อนและหลัง"


def test_photo_is_turned_upright_and_gets_a_thumbnail(story: Any) -> None:
    project = running_project(story)
    report = _report(project, story.officer_a)
    saved = services.photo_add(report=report, upload=photo(width=80, height=40, orientation=6))
    with Image.open(saved.image.path) as image:
        assert image.size == (40, 80)  # rotated by its EXIF orientation
        assert not image.getexif().get(0x0112)
    assert (saved.thumbnail.name or "").endswith(".jpg")


@pytest.mark.parametrize("upload", [not_an_image, broken_jpeg])
def test_photo_check_refuses_files_that_are_not_photos(story: Any, upload: Any) -> None:
    project = running_project(story)
    report = _report(project, story.officer_a)
    with pytest.raises(ValidationError) as exc:
        services.photo_add(report=report, upload=upload())
    assert "damaged" in str(exc.value) or "เสียหาย" in str(exc.value)
    assert not report.photos.exists()


def test_photo_check_refuses_photos_over_10_mb(story: Any) -> None:
    upload = photo()
    upload.size = 11 * 1024 * 1024
    with pytest.raises(ValidationError) as exc:
        services.photo_check(upload)
    assert "10 MB" in str(exc.value)


def test_photos_add_keeps_the_good_ones_and_reports_the_bad(story: Any) -> None:
    project = running_project(story)
    report = _report(project, story.officer_a)
    saved, errors = services.photos_add(report=report, uploads=[photo("a.jpg"), not_an_image("b.jpg")])
    assert len(saved) == 1 and len(errors) == 1
    assert "b.jpg" in errors[0]


def test_project_close_sets_status_and_records_the_transition(story: Any) -> None:
    project = running_project(story)
    closing = services.project_close(
        project=project,
        by=story.officer_a,
        status="completed",
        closed_on=dt.date(2025, 10, 1),
        returned_amount=Decimal("250"),
    )
    project.refresh_from_db()
    assert project.status == "completed"
    assert closing.returned_amount == Decimal("250")
    transition = Transition.objects.get(project=project)
    assert (transition.from_status, transition.to_status, transition.by) == (
        "running",
        "completed",
        story.officer_a,
    )


def test_project_close_refuses_returning_more_than_approved(story: Any) -> None:
    project = running_project(story)
    with pytest.raises(ValidationError):
        services.project_close(
            project=project,
            by=story.officer_a,
            status="completed",
            closed_on=dt.date(2025, 10, 1),
            returned_amount=Decimal("20000"),
        )
    project.refresh_from_db()
    assert project.status == "running"


def test_termination_needs_a_reason(story: Any) -> None:
    project = running_project(story)
    with pytest.raises(ValidationError):
        services.project_close(
            project=project, by=story.officer_a, status="terminated", closed_on=dt.date(2025, 5, 1)
        )


def test_value_assessment_needs_evidence_for_ticked_items(story: Any) -> None:
    project = running_project(story)
    with pytest.raises(ValidationError):
        services.value_assessment_save(
            project=project, items={"policy_rule": {"achieved": True, "evidence": ""}}
        )
    services.value_assessment_save(
        project=project, items={"policy_rule": {"achieved": True, "evidence": "ข้อตกลงหมู่บ้าน"}}
    )
    assert ValueAssessment.objects.get(project=project).dimension == "policy"


def test_satisfaction_scores_are_1_to_5(story: Any) -> None:
    project = running_project(story)
    question = SatisfactionQuestion.objects.first()
    assert question is not None and SatisfactionQuestion.objects.count() == 10
    with pytest.raises(ValidationError):
        services.satisfaction_save(project=project, by=story.officer_a, scores={question.pk: 6})
    services.satisfaction_save(project=project, by=story.officer_a, scores={question.pk: 4})
    assert selectors.satisfaction_of(project) == {question.pk: 4}


def test_results_save_fills_indicator_results_and_persons_reached(story: Any) -> None:
    project = running_project(story)
    indicator = project.objectives.get().indicators.get()
    group = project.target_groups.get()
    services.results_save(
        project=project,
        abstract="สรุป",
        indicator_results={indicator.pk: {"result": Decimal("65"), "explanation": "เพิ่มขึ้น"}},
        target_group_actuals={group.pk: 28},
    )
    indicator.refresh_from_db()
    group.refresh_from_db()
    assert (indicator.result, group.actual_count, project.abstract) == (Decimal("65"), 28, "สรุป")


def test_progress_counts_activities_money_and_lateness(story: Any) -> None:
    project = running_project(story)
    _report(project, story.officer_a, spending=[{"expense_group": "services", "amount": Decimal("2500")}])
    progress = selectors.project_progress(project, today=dt.date(2025, 11, 15))
    assert (progress.activities_done, progress.activities_planned) == (1, 2)
    assert progress.spent == Decimal("2500") and progress.spent_percent == 25
    assert progress.is_late
    assert [a.title for a in progress.overdue_activities] == ["ออกกำลังกายร่วมกัน"]
    assert not selectors.project_progress(project, today=dt.date(2025, 3, 1)).is_late


def test_readiness_lists_what_is_missing(story: Any) -> None:
    project = running_project(story)
    project.target_groups.update(planned_count=0)
    with translation.override("en"):
        gaps = selectors.readiness(project)
    assert gaps == [
        "No abstract has been written.",
        "Target group “ผู้สูงอายุ” has 0 persons planned.",
        "Target group “ผู้สูงอายุ”: the number of persons who took part is 0.",
        "Activity 1 “ประชุมชี้แจง” has no activity report.",
        "Activity 1 “ประชุมชี้แจง”: the actual output is 0.",
        "Activity 2 “ออกกำลังกายร่วมกัน” has no activity report.",
        "Activity 2 “ออกกำลังกายร่วมกัน”: the actual output is 0.",
        "Objective 1 has no result for its indicators.",
        "No spending has been reported.",
    ]


def test_readiness_is_empty_when_everything_is_entered(story: Any) -> None:
    project = running_project(story)
    for activity in project.activities.all():
        services.report_create(
            project=project,
            by=story.officer_a,
            activity=activity,
            date=dt.date(2025, 2, 1),
            actual_output_count=30,
            spending=[{"expense_group": "services", "amount": Decimal("5000")}],
        )
    indicator = project.objectives.get().indicators.get()
    services.results_save(
        project=project,
        abstract="สรุปผล",
        indicator_results={indicator.pk: {"result": 60}},
        target_group_actuals={project.target_groups.get().pk: 30},
    )
    assert selectors.readiness(project) == []


def test_asking_for_help_notifies_the_mentor_and_advice_notifies_the_reporter(story: Any) -> None:
    project = running_project(story)
    report = _report(project, story.proposer_a, help_needed="ช่วยออกแบบแบบสอบถาม")
    assert Notification.objects.filter(user=story.mentor).count() == 1
    assert not Notification.objects.filter(user=story.officer_b).exists()
    services.report_update(report=report, activity=report.activity, help_needed="ช่วยออกแบบแบบสอบถาม")
    assert Notification.objects.filter(user=story.mentor).count() == 1  # asked once, not on every save
    services.report_advise(report=report, advice="ใช้แบบสอบถามมาตรฐาน")
    assert Notification.objects.filter(user=story.proposer_a).count() == 1


def test_satisfaction_questions_are_configurable_in_the_admin(story: Any) -> None:
    from kongtun.conftest import login

    client = login(story.admin)
    story.admin.is_staff = story.admin.is_superuser = True
    story.admin.save()
    response = client.get("/admin/followups/satisfactionquestion/")
    assert response.status_code == 200
    assert SatisfactionQuestion.objects.first().text in response.content.decode()  # type: ignore[union-attr]


def test_closing_goes_through_the_transition_table(story: Any) -> None:
    """Closing is the table's change from running: those the table does not allow are refused and
    nothing is written; a closed project is not closed again."""
    project = running_project(story)
    with pytest.raises(PermissionDenied):
        services.project_close(
            project=project, by=story.committee_a, status="completed", closed_on=dt.date(2025, 10, 1)
        )
    project.refresh_from_db()
    assert project.status == "running"
    assert not ProjectClosing.objects.filter(project=project).exists()
    assert not Transition.objects.filter(project=project).exists()
    services.project_close(
        project=project, by=story.officer_a, status="suspended", closed_on=dt.date(2025, 10, 1)
    )
    with pytest.raises(ValidationError):
        services.project_close(
            project=project, by=story.officer_a, status="completed", closed_on=dt.date(2025, 10, 2)
        )
    project.refresh_from_db()
    assert project.status == "suspended"
    assert list(Transition.objects.filter(project=project).values_list("from_status", "to_status")) == [
        ("running", "suspended")
    ]


def test_a_closing_with_a_status_that_does_not_end_a_project_is_refused(story: Any) -> None:
    project = running_project(story)
    with pytest.raises(ValidationError) as info:
        services.project_close(
            project=project, by=story.officer_a, status="approved", closed_on=dt.date(2025, 10, 1)
        )
    assert "status" in info.value.message_dict
    assert not ProjectClosing.objects.filter(project=project).exists()
