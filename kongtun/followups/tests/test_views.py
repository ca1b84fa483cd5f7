from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from kongtun.conftest import login
from kongtun.followups import services
from kongtun.followups.models import ActivityReport, PaymentPeriod, SatisfactionQuestion
from kongtun.followups.tests.factories import running_project
from kongtun.followups.tests.photos import not_an_image, photo


def _report(project: Any, user: Any) -> ActivityReport:
    return services.report_create(
        project=project,
        by=user,
        activity=project.activities.first(),
        date=dt.date(2025, 2, 10),
        done="ประชุม",
        actual_output_count=20,
    )


def _report_post(project: Any, **extra: Any) -> dict[str, Any]:
    group = project.target_groups.get()
    data = {
        "activity": project.activities.first().pk,
        "date": "10/02/2568",
        "done": "ประชุมชี้แจงผู้สูงอายุ",
        "results": "ผู้สูงอายุเข้าใจโครงการ",
        "actual_output_count": "28",
        "rating": "3",
        f"participants_{group.pk}": "28",
        "spending_services": "1,500",
    }
    data.update(extra)
    return data


# Follow-up page -------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["proposer_a", "officer_a", "mentor", "district_officer", "committee_a"])
def test_followup_page_is_readable_by_the_fund_and_its_area(story: Any, who: str) -> None:
    project = running_project(story)
    response = login(getattr(story, who)).get(reverse("followups:project", args=[project.pk]))
    assert response.status_code == 200
    assert "0/2" in response.content.decode()


def test_followup_page_sends_an_outsider_to_the_public_results(story: Any) -> None:
    project = running_project(story)
    response = login(story.officer_b).get(reverse("followups:project", args=[project.pk]))
    assert response.status_code == 302 and response["Location"] == reverse(
        "followups:public", args=[project.pk]
    )


def test_followup_page_is_404_for_a_proposal_not_yet_approved(story: Any) -> None:
    project = running_project(story, status="submitted")
    assert login(story.officer_a).get(reverse("followups:project", args=[project.pk])).status_code == 404


# Payment periods ------------------------------------------------------------------------------


def _periods_post(amounts: list[str]) -> dict[str, str]:
    data = {"form-TOTAL_FORMS": str(len(amounts)), "form-INITIAL_FORMS": "0"}
    for i, amount in enumerate(amounts):
        data[f"form-{i}-amount"] = amount
    return data


def test_officer_sets_payment_periods(story: Any) -> None:
    project = running_project(story)
    url = reverse("followups:periods", args=[project.pk])
    response = login(story.officer_a).post(url, _periods_post(["6,000", "4,000", ""]))
    assert response.status_code == 302
    assert PaymentPeriod.objects.filter(project=project).count() == 2


def test_periods_that_do_not_add_up_rerender_with_what_was_typed(story: Any) -> None:
    project = running_project(story)
    url = reverse("followups:periods", args=[project.pk])
    response = login(story.officer_a).post(url, _periods_post(["6,000", "3,000"]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "10,000.00" in body and 'value="3,000"' in body
    assert not PaymentPeriod.objects.exists()


def test_periods_are_403_for_the_committee_and_404_for_an_outsider(story: Any) -> None:
    project = running_project(story)
    url = reverse("followups:periods", args=[project.pk])
    assert login(story.committee_a).get(url).status_code == 403
    assert login(story.proposer_a).get(url).status_code == 403
    assert login(story.officer_b).get(url).status_code == 404


# Activity reports -----------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["proposer_a", "officer_a"])
def test_proposer_and_officer_report_an_activity(story: Any, who: str) -> None:
    project = running_project(story)
    url = reverse("followups:report_create", args=[project.pk])
    client = login(getattr(story, who))
    assert client.get(url).status_code == 200
    response = client.post(url, _report_post(project, photos=[photo("a.jpg"), photo("b.jpg")]))
    report = ActivityReport.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "followups:report", args=[report.pk]
    )
    assert report.reporter == getattr(story, who)
    assert report.photos.count() == 2
    assert report.participants.get().actual == 28
    assert report.spending.get().amount == Decimal("1500")


@pytest.mark.parametrize("who", ["committee_a", "mentor", "district_officer"])
def test_reporting_is_403_for_read_only_roles(story: Any, who: str) -> None:
    project = running_project(story)
    url = reverse("followups:report_create", args=[project.pk])
    assert login(getattr(story, who)).post(url, _report_post(project)).status_code == 403
    assert not ActivityReport.objects.exists()


def test_reporting_is_404_for_an_outsider(story: Any) -> None:
    project = running_project(story)
    url = reverse("followups:report_create", args=[project.pk])
    assert login(story.officer_b).get(url).status_code == 404


def test_a_bad_photo_is_refused_and_nothing_else_is_lost(story: Any) -> None:
    project = running_project(story)
    url = reverse("followups:report_create", args=[project.pk])
    response = login(story.proposer_a).post(
        url, _report_post(project, photos=[photo("good.jpg"), not_an_image("bad.jpg")])
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "bad.jpg" in body
    assert "ประชุมชี้แจงผู้สูงอายุ" in body  # what was typed is still in the form
    report = ActivityReport.objects.get()  # and the text is saved
    assert report.done == "ประชุมชี้แจงผู้สูงอายุ"
    assert report.photos.count() == 1
    assert reverse("followups:report_edit", args=[report.pk]) in body  # the next save edits, not duplicates


def test_missing_date_rerenders_the_form_with_the_text(story: Any) -> None:
    project = running_project(story)
    url = reverse("followups:report_create", args=[project.pk])
    response = login(story.officer_a).post(url, _report_post(project, date=""))
    assert response.status_code == 200
    assert "ประชุมชี้แจงผู้สูงอายุ" in response.content.decode()
    assert not ActivityReport.objects.exists()


def test_report_detail_is_readable_and_edit_is_limited(story: Any) -> None:
    project = running_project(story)
    report = _report(project, story.proposer_a)
    assert login(story.mentor).get(reverse("followups:report", args=[report.pk])).status_code == 200
    public = login(story.officer_b).get(reverse("followups:report", args=[report.pk]))
    assert public.status_code == 200 and "followups/report_public.html" in [t.name for t in public.templates]
    edit = reverse("followups:report_edit", args=[report.pk])
    assert login(story.committee_a).get(edit).status_code == 403
    response = login(story.proposer_a).post(edit, _report_post(project, done="แก้ไขแล้ว"))
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.done == "แก้ไขแล้ว"


def test_mentor_advises_on_a_report(story: Any) -> None:
    project = running_project(story)
    report = _report(project, story.proposer_a)
    url = reverse("followups:report_advise", args=[report.pk])
    assert login(story.mentor).post(url, {"mentor_advice": "ควรวัดผลก่อนและหลัง"}).status_code == 302
    report.refresh_from_db()
    assert report.mentor_advice == "ควรวัดผลก่อนและหลัง"
    assert login(story.committee_a).post(url, {"mentor_advice": "x"}).status_code == 403
    assert login(story.officer_b).post(url, {"mentor_advice": "x"}).status_code == 404


def test_photos_are_added_and_removed_on_the_report_page(story: Any) -> None:
    project = running_project(story)
    report = _report(project, story.proposer_a)
    url = reverse("followups:report_photos", args=[report.pk])
    client = login(story.proposer_a)
    client.post(url, {"photos": [photo("x.jpg"), not_an_image("y.jpg")]})
    assert report.photos.count() == 1
    delete = reverse("followups:photo_delete", args=[report.pk, report.photos.get().pk])
    assert login(story.committee_a).post(delete).status_code == 403
    assert client.post(delete).status_code == 302
    assert not report.photos.exists()
    assert login(story.officer_b).post(url, {}).status_code == 404


def test_activity_report_prints_as_pdf(story: Any) -> None:
    project = running_project(story)
    report = _report(project, story.proposer_a)
    response = login(story.mentor).get(reverse("followups:report_pdf", args=[report.pk]))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    public = login(story.officer_b).get(reverse("followups:report_pdf", args=[report.pk]))
    assert public.status_code == 200 and public.content.startswith(b"%PDF")


# Results, closing, assessment -----------------------------------------------------------------


def test_results_page_saves_indicator_results(story: Any) -> None:
    project = running_project(story)
    indicator = project.objectives.get().indicators.get()
    group = project.target_groups.get()
    url = reverse("followups:results", args=[project.pk])
    data = {
        "abstract": "สรุป",
        f"result_{indicator.pk}": "62",
        f"explanation_{indicator.pk}": "",
        f"actual_{group.pk}": "29",
    }
    assert login(story.proposer_a).post(url, data).status_code == 302
    indicator.refresh_from_db()
    assert indicator.result == Decimal("62")
    assert login(story.committee_a).get(url).status_code == 403
    assert login(story.officer_b).get(url).status_code == 404


def test_problems_table_rows_are_added(story: Any) -> None:
    project = running_project(story)
    url = reverse("followups:problem_add", args=[project.pk])
    login(story.officer_a).post(url, {"problem": "ฝนตก", "cause": "ฤดูฝน", "suggestion": "จัดในร่ม"})
    assert project.closing_problems.count() == 1
    assert login(story.committee_a).post(url, {"problem": "x"}).status_code == 403


def test_assessment_saves_values_and_scores(story: Any) -> None:
    project = running_project(story)
    url = reverse("followups:assessment", args=[project.pk])
    client = login(story.proposer_a)
    assert client.get(url).status_code == 200
    client.post(url, {"value": "1", "achieved_policy_rule": "on", "evidence_policy_rule": "ข้อตกลง"})
    assert project.value_assessments.filter(achieved=True).count() == 1
    scores = {f"q_{q.pk}": "4" for q in SatisfactionQuestion.objects.all()}
    client.post(url, {"satisfaction": "1", **scores})
    assert project.satisfaction_answers.count() == 10
    assert login(story.committee_a).post(url, {"value": "1"}).status_code == 403
    assert login(story.officer_b).get(url).status_code == 404


def test_ticking_without_evidence_keeps_what_was_typed(story: Any) -> None:
    project = running_project(story)
    url = reverse("followups:assessment", args=[project.pk])
    response = login(story.proposer_a).post(
        url,
        {
            "value": "1",
            "achieved_policy_rule": "on",
            "achieved_process_network": "on",
            "evidence_process_network": "อสม.",
        },
    )
    assert response.status_code == 200
    assert "อสม." in response.content.decode()
    assert not project.value_assessments.exists()


# Final report ---------------------------------------------------------------------------------


def test_final_report_page_lists_the_gaps_first(story: Any) -> None:
    project = running_project(story)
    response = login(story.mentor).get(reverse("followups:final_report", args=[project.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert body.index('id="readiness"') < body.index(project.title, body.index('id="readiness"'))
    public = login(story.officer_b).get(reverse("followups:final_report", args=[project.pk]))
    assert public.status_code == 200 and 'id="readiness"' not in public.content.decode()


def test_final_report_pdf_and_word(story: Any) -> None:
    project = running_project(story)
    client = login(story.proposer_a)
    pdf = client.get(reverse("followups:final_report_pdf", args=[project.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    docx = client.get(reverse("followups:final_report_docx", args=[project.pk]))
    assert docx.status_code == 200 and docx.content.startswith(b"PK")
    public = login(story.officer_b).get(reverse("followups:final_report_docx", args=[project.pk]))
    assert public.status_code == 200 and public.content.startswith(b"PK")


def test_public_page_shows_results_without_personal_data(story: Any, client: Any) -> None:
    project = running_project(story, responsible_people="นายสมชาย ใจดี โทร 081-234-5678")
    _report(project, story.proposer_a)
    response = client.get(reverse("followups:public", args=[project.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "ประชุม" in body and project.title in body
    assert "proposer_a" not in body and "081-234-5678" not in body and "สมชาย" not in body


def test_public_page_is_404_for_a_proposal(story: Any, client: Any) -> None:
    project = running_project(story, status="developing")
    assert client.get(reverse("followups:public", args=[project.pk])).status_code == 404


def test_fund_followup_list_shows_late_projects_first(story: Any) -> None:
    on_time = running_project(story, title="โครงการตรงเวลา", report_due_date=dt.date(2099, 1, 1))
    late = running_project(story, title="โครงการล่าช้า", report_due_date=dt.date(2020, 1, 1))
    url = reverse("followups:fund", args=[story.fund_a.code])
    body = login(story.mentor).get(url).content.decode()
    assert body.index(late.title) < body.index(on_time.title)
    assert login(story.officer_b).get(url).status_code == 404
    assert login(story.proposer_a).get(url).status_code == 404
