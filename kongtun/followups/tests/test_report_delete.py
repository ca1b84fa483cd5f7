from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.urls import reverse

from kongtun.conftest import login
from kongtun.followups import services
from kongtun.followups.models import ActivityReport, ReportPhoto
from kongtun.followups.tests.factories import running_project
from kongtun.followups.tests.photos import photo
from kongtun.followups.tests.test_api import api


def _report(project: Any, user: Any) -> ActivityReport:
    report = services.report_create(
        project=project, by=user, activity=project.activities.first(), date=dt.date(2025, 2, 10), done="ประชุม"
    )
    services.photos_add(report=report, uploads=[photo("a.jpg")])
    return report


def test_author_is_asked_first_then_the_report_and_its_photos_are_deleted(story: Any) -> None:
    project = running_project(story)
    report = _report(project, story.proposer_a)
    client = login(story.proposer_a)
    detail = client.get(reverse("followups:report", args=[report.pk])).content.decode()
    url = reverse("followups:report_delete", args=[report.pk])
    assert f'href="{url}"' in detail
    page = client.get(url)
    assert page.status_code == 200
    assert ActivityReport.objects.filter(pk=report.pk).exists()  # asking deletes nothing
    assert "onclick" not in page.content.decode() and "<script>" not in page.content.decode()
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("followups:project", args=[project.pk])
    assert not ActivityReport.objects.filter(pk=report.pk).exists()
    assert not ReportPhoto.objects.filter(report_id=report.pk).exists()


def test_fund_officer_deletes_a_report_the_proposer_wrote(story: Any) -> None:
    project = running_project(story)
    report = _report(project, story.proposer_a)
    assert (
        login(story.officer_a).post(reverse("followups:report_delete", args=[report.pk])).status_code == 302
    )
    assert not ActivityReport.objects.filter(pk=report.pk).exists()


def test_proposer_cannot_delete_a_report_someone_else_wrote(story: Any) -> None:
    project = running_project(story)
    report = _report(project, story.officer_a)
    client = login(story.proposer_a)
    assert client.get(reverse("followups:report_delete", args=[report.pk])).status_code == 403
    detail = client.get(reverse("followups:report", args=[report.pk])).content.decode()
    assert reverse("followups:report_delete", args=[report.pk]) not in detail


def test_report_delete_is_403_for_read_only_roles_and_404_for_an_outsider(story: Any) -> None:
    project = running_project(story)
    report = _report(project, story.proposer_a)
    url = reverse("followups:report_delete", args=[report.pk])
    assert login(story.mentor).post(url).status_code == 403
    assert login(story.committee_a).get(url).status_code == 403
    assert login(story.officer_b).post(url).status_code == 404
    assert ActivityReport.objects.filter(pk=report.pk).exists()


def test_a_report_of_a_closed_project_is_kept(story: Any) -> None:
    project = running_project(story)
    report = _report(project, story.proposer_a)
    services.project_close(
        project=project,
        by=story.officer_a,
        status="completed",
        closed_on=dt.date(2025, 9, 30),
        returned_amount=Decimal("0"),
    )
    response = login(story.officer_a).post(reverse("followups:report_delete", args=[report.pk]), follow=True)
    assert ActivityReport.objects.filter(pk=report.pk).exists()
    assert "ไม่ได้อยู่ระหว่างดำเนินการ" in response.content.decode()


def test_api_deletes_a_report_for_its_author_only(story: Any) -> None:
    project = running_project(story)
    report = _report(project, story.officer_a)
    assert api(story.proposer_a).delete(f"/api/v1/followups/reports/{report.pk}").status_code == 403
    assert api(story.officer_b).delete(f"/api/v1/followups/reports/{report.pk}").status_code == 404
    assert api(story.officer_a).delete(f"/api/v1/followups/reports/{report.pk}").status_code == 204
    assert not ActivityReport.objects.filter(pk=report.pk).exists()
