"""Learning across areas: everyone reads an approved project's activity reports, final report and
plans, without personal data (PDPA) and without its internal parts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.test import Client
from django.urls import reverse

from kongtun.conftest import login
from kongtun.followups import services
from kongtun.followups.models import ActivityReport
from kongtun.followups.tests.factories import running_project
from kongtun.reports.tests.poppler import pdf_text

PHONE = "081-234-5678"
EMAIL = "somsri@example.com"


def _reported(story: Any) -> ActivityReport:
    project = running_project(story, responsible_people="นางสมศรี ใจดี")
    return services.report_create(
        project=project,
        by=story.proposer_a,
        activity=project.activities.first(),
        date=dt.date(2025, 2, 10),
        done=f"ประชุมชี้แจงผู้สูงอายุ 30 คน ติดต่อคุณสมศรี {PHONE} หรือ {EMAIL}",
        help_needed="ขอวิทยากรเพิ่ม",
        actual_output_count=30,
    )


def test_an_officer_of_another_fund_and_a_visitor_read_the_activity_report_without_personal_data(
    story: Any,
) -> None:
    report = _reported(story)
    url = reverse("followups:report", args=[report.pk])
    for client in (login(story.officer_b), Client()):
        body = client.get(url).content.decode()
        assert "ประชุมชี้แจงผู้สูงอายุ 30 คน" in body
        assert PHONE not in body and EMAIL not in body and "(ปกปิด)" in body
        assert str(story.proposer_a) not in body  # the reporter
        assert "ขอวิทยากรเพิ่ม" not in body and "mentor_advice" not in body  # the exchange with the mentor
    # The fund's own roles read it whole.
    assert PHONE in login(story.mentor).get(url).content.decode()


def test_the_public_activity_report_pdf_is_the_report_without_personal_data(story: Any) -> None:
    report = _reported(story)
    text = pdf_text(Client().get(reverse("followups:report_pdf", args=[report.pk])).content)
    assert "ประชุมชี้แจงผู้สูงอายุ" in text and PHONE not in text and EMAIL not in text


def test_a_visitor_reads_the_final_report_without_its_leaders_or_readiness_list(story: Any) -> None:
    report = _reported(story)
    project = report.project
    page = Client().get(reverse("followups:final_report", args=[project.pk]))
    body = page.content.decode()
    assert page.status_code == 200 and project.title in body
    assert 'id="readiness"' not in body and "นางสมศรี ใจดี" not in body and PHONE not in body
    pdf = pdf_text(Client().get(reverse("followups:final_report_pdf", args=[project.pk])).content)
    assert "ประชุมชี้แจงผู้สูงอายุ" in pdf and "นางสมศรี ใจดี" not in pdf and PHONE not in pdf
    # The proposer's own copy names the leaders.
    own = login(story.proposer_a).get(reverse("followups:final_report_pdf", args=[project.pk])).content
    assert "นางสมศรี ใจดี" in pdf_text(own)


def test_every_follow_up_link_a_visitor_gets_opens(story: Any) -> None:
    report = _reported(story)
    project = report.project
    visitor = Client()
    links = [reverse("projects:detail", args=[project.pk])]
    followed = visitor.get(reverse("followups:project", args=[project.pk]), follow=True)
    assert followed.status_code == 200 and followed.redirect_chain[-1][0] == reverse(
        "followups:public", args=[project.pk]
    )
    body = followed.content.decode()
    for name, pk in (("followups:final_report", project.pk), ("followups:report", report.pk)):
        assert reverse(name, args=[pk]) in body
        links.append(reverse(name, args=[pk]))
    for link in links:
        assert visitor.get(link).status_code == 200, link


def test_a_proposal_not_yet_approved_stays_hidden_from_the_public(story: Any) -> None:
    report = _reported(story)
    report.project.status = "submitted"
    report.project.save(update_fields=["status"])
    for name, pk in (("followups:report", report.pk), ("followups:final_report", report.project_id)):
        assert Client().get(reverse(name, args=[pk])).status_code == 404
        assert login(story.officer_b).get(reverse(name, args=[pk])).status_code == 404


def test_a_visitor_may_not_write_a_report_or_advise(story: Any) -> None:
    report = _reported(story)
    advice = reverse("followups:report_advise", args=[report.pk])
    assert login(story.officer_b).post(advice, {"mentor_advice": "x"}).status_code in (403, 404)
    assert Client().post(advice, {"mentor_advice": "x"}).status_code == 302  # to the login page
    report.refresh_from_db()
    assert report.mentor_advice == ""
