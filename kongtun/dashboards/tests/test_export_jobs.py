"""The whole project list as a workbook: a long list is made by the queue (the immediate backend runs
it in the request here; production's worker takes it from the database), complete and counted; the
file is its asker's alone."""

from __future__ import annotations

import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from kongtun.conftest import login
from kongtun.dashboards import jobs
from kongtun.dashboards.tests.data import rollup_data
from kongtun.projects.models import PUBLIC_STATUSES, Project
from kongtun.reports import exporters
from kongtun.reports.models import ExportJob, JobStatus


@pytest.fixture
def data(story, monkeypatch):
    monkeypatch.setattr(jobs, "DIRECT_ROWS", 2)  # the story's lists count as long ones
    monkeypatch.setattr(exporters, "CHUNK", 2)  # and are read two rows at a time
    return rollup_data(story)


def _ask(client: Client, **query: str) -> ExportJob:
    response = client.get(reverse("dashboards:projects"), {**query, "format": "xlsx"})
    assert response.status_code == 302
    job = ExportJob.objects.latest("pk")
    assert response["Location"] == reverse("reports:job", args=[job.pk])
    return job


def _book(content: bytes):
    return load_workbook(io.BytesIO(content))


def test_officer_a_gets_every_row_he_may_see_and_the_count_on_the_page_and_in_the_file(story, data):
    client = login(story.officer_a)
    job = _ask(client)
    job.refresh_from_db()
    assert job.status == JobStatus.READY and job.user == story.officer_a
    # Approved projects of every fund plus fund A's own draft.
    expected = Project.objects.filter(status__in=PUBLIC_STATUSES).count() + 1
    assert job.row_count == expected == job.rows_done

    page = client.get(reverse("reports:job", args=[job.pk]))
    assert page.status_code == 200 and f"{expected}" in page.text
    assert reverse("reports:job_file", args=[job.pk]) in page.text and "hx-trigger" not in page.text

    response = client.get(reverse("reports:job_file", args=[job.pk]))
    assert response.status_code == 200 and "projects.xlsx" in response["Content-Disposition"]
    book = _book(response.getvalue())
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert len(rows) == 1 + expected
    assert data.p3.title in [row[4] for row in rows]  # the draft he may see
    about = dict(book.worksheets[1].iter_rows(values_only=True))
    assert expected in about.values()


def test_officer_b_and_visitors_get_404_for_officer_a_job(story, data):
    job = _ask(login(story.officer_a))
    for client in (login(story.officer_b), Client()):
        assert client.get(reverse("reports:job", args=[job.pk])).status_code == 404
        assert client.get(reverse("reports:job_file", args=[job.pk])).status_code == 404


def test_a_visitor_gets_his_own_file_of_approved_projects_only_and_another_visitor_404(story, data):
    visitor = Client()
    job = _ask(visitor, district="9003")
    assert job.user is None and job.session_key
    rows = list(
        _book(visitor.get(reverse("reports:job_file", args=[job.pk])).getvalue())
        .worksheets[0]
        .iter_rows(values_only=True)
    )
    titles = [row[4] for row in rows[1:]]
    assert data.p1.title in titles and data.p3.title not in titles  # no drafts for the public
    assert Client().get(reverse("reports:job", args=[job.pk])).status_code == 404


def test_a_short_list_is_sent_at_once_with_its_row_count(story, data, monkeypatch):
    monkeypatch.setattr(jobs, "DIRECT_ROWS", 1000)
    response = Client().get(reverse("dashboards:projects"), {"district": "9003", "format": "xlsx"})
    assert response.status_code == 200 and not ExportJob.objects.exists()
    book = _book(response.content)
    assert len(list(book.worksheets[0].iter_rows())) == 1 + 4
    assert 4 in dict(book.worksheets[1].iter_rows(values_only=True)).values()
