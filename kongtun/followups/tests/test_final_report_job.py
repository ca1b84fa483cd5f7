"""The final report's PDF from the queue: the print button records a job for whoever asks, made as
they may read the report (the proposer's copy names the leaders, a visitor's has no personal data);
the file is the asker's alone."""

from __future__ import annotations

from typing import Any

from django.test import Client
from django.urls import reverse

from kongtun.conftest import login
from kongtun.followups.tests.test_public_reads import PHONE, _reported
from kongtun.reports.models import ExportJob, JobStatus
from kongtun.reports.tests.poppler import pdf_text


def _print(client: Client, pk: int) -> tuple[ExportJob, str]:
    response = client.post(reverse("followups:final_report_print", args=[pk]))
    job = ExportJob.objects.latest("pk")
    assert response.status_code == 302 and response["Location"] == reverse("reports:job", args=[job.pk])
    job.refresh_from_db()
    assert job.status == JobStatus.READY, job.error
    file = client.get(reverse("reports:job_file", args=[job.pk]))
    assert file.status_code == 200 and job.filename.endswith(".pdf")
    return job, pdf_text(file.getvalue())


def test_the_proposer_prints_the_final_report_in_the_background_and_officer_b_gets_404(story: Any) -> None:
    project = _reported(story).project
    client = login(story.proposer_a)
    assert (
        reverse("followups:final_report_print", args=[project.pk])
        in client.get(reverse("followups:final_report", args=[project.pk])).text
    )
    job, text = _print(client, project.pk)
    assert "นางสมศรี ใจดี" in text and job.row_count is None
    page = client.get(reverse("reports:job", args=[job.pk])).text
    assert reverse("reports:job_file", args=[job.pk]) in page
    assert login(story.officer_b).get(reverse("reports:job_file", args=[job.pk])).status_code == 404
    assert Client().get(reverse("reports:job", args=[job.pk])).status_code == 404


def test_a_visitor_prints_the_report_without_personal_data(story: Any) -> None:
    project = _reported(story).project
    job, text = _print(Client(), project.pk)
    assert "ประชุมชี้แจงผู้สูงอายุ" in text and "นางสมศรี ใจดี" not in text and PHONE not in text
    assert job.user is None and job.params["public"] is True


def test_printing_needs_a_post_and_a_project_in_follow_up(story: Any) -> None:
    project = _reported(story).project
    assert Client().get(reverse("followups:final_report_print", args=[project.pk])).status_code == 405
    assert Client().post(reverse("followups:final_report_print", args=[999999])).status_code == 404
