"""The open-data export of a fiscal year (issue 14): a programme admin asks the queue for it, everyone
downloads it from the public page; it holds the public records of every fund, as many rows as the
database has, and no personal data."""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from decimal import Decimal
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from kongtun.conftest import login
from kongtun.exchange.opendata import ENTITIES, OPEN_DATA
from kongtun.exchange.tests.builders import fill_fund
from kongtun.followups.models import ActivityReport
from kongtun.followups.services import report_create
from kongtun.followups.tests.factories import running_project
from kongtun.funds.models import Fund
from kongtun.plans.models import Plan
from kongtun.plans.services import plan_save
from kongtun.programme.models import Issue
from kongtun.projects.models import PUBLIC_STATUSES, Project
from kongtun.reports.models import ExportJob, JobStatus
from kongtun.situations.models import SituationValue

YEAR = 2568
PHONE, EMAIL, ID = "081-234-5678", "somsri@example.com", "1-2345-67890-12-3"
LEADER = "นางสมศรี ใจดี"


@pytest.fixture
def records(story: Any) -> dict[str, Project]:
    made = fill_fund(story)
    contact = f"ติดต่อ {PHONE} หรือ {EMAIL} บัตร {ID}"
    project = running_project(story, responsible_people=LEADER, rationale=f"ผู้สูงอายุเสี่ยงล้ม {contact}")
    report_create(
        project=project,
        by=story.proposer_a,
        activity=project.activities.first(),
        date=dt.date(2025, 2, 10),
        done=f"ประชุมชี้แจงผู้สูงอายุ 30 คน {contact}",
        help_needed="ขอวิทยากรเพิ่ม",
        actual_output_count=30,
    )
    running_project(story, fund=story.fund_b, title="โครงการของพัทลุง")
    plan_save(
        fund=story.fund_b,
        fiscal_year=YEAR,
        issue=Issue.objects.get(code="alcohol"),
        objective="ลดนักดื่ม",
        approach=f"ประสานงาน {PHONE}",
        budget=Decimal("20000"),
        targets=[],
        projects=[],
    )
    Fund.objects.filter(pk=story.fund_a.pk).update(phone="074-123456")
    return {**made, "elderly": project}


def _make(client: Client) -> ExportJob:
    response = client.post(reverse("exchange:open_data_make", args=[YEAR]))
    job = ExportJob.objects.get(kind=OPEN_DATA)
    assert response.status_code == 302 and response["Location"] == reverse("reports:job", args=[job.pk])
    job.refresh_from_db()
    assert job.status == JobStatus.READY, job.error
    return job


def _zip(client: Client, job: ExportJob) -> zipfile.ZipFile:
    response = client.get(reverse("reports:job_file", args=[job.pk]))
    assert response.status_code == 200
    return zipfile.ZipFile(io.BytesIO(response.getvalue()))


def _csv(book: zipfile.ZipFile, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(book.read(f"{name}.csv").decode("utf-8-sig"))))


def test_the_admin_makes_a_year_and_everyone_downloads_it_from_the_public_page(
    story: Any, records: Any
) -> None:
    job = _make(login(story.admin))
    assert job.public and job.filename == f"kongtun-open-data-{YEAR}.zip"
    page = Client().get(reverse("exchange:open_data"))
    assert page.status_code == 200 and reverse("reports:job_file", args=[job.pk]) in page.text
    assert str(YEAR) in page.text
    assert reverse("exchange:open_data_make", args=[YEAR]) not in page.text  # only for admins
    book = _zip(Client(), job)
    names = set(book.namelist())
    assert names == {"README.md"} | {f"{e.name}.{kind}" for e in ENTITIES for kind in ("csv", "xlsx")}
    readme = book.read("README.md").decode()
    assert all(f"`{field.name}`" in readme for e in ENTITIES for field in e.fields)


def test_each_file_holds_as_many_rows_as_the_database_has_public_records(story: Any, records: Any) -> None:
    job = _make(login(story.admin))
    book = _zip(Client(), job)
    expected = {
        "funds": Fund.objects.filter(is_active=True).count(),
        "plans": Plan.objects.filter(fiscal_year=YEAR).count(),
        "projects": Project.objects.filter(fiscal_year=YEAR, status__in=PUBLIC_STATUSES).count(),
        "activity-reports": ActivityReport.objects.filter(
            project__fiscal_year=YEAR, project__status__in=PUBLIC_STATUSES
        ).count(),
        "situation-values": SituationValue.objects.filter(fiscal_year=YEAR).count(),
    }
    assert all(expected.values())
    for name, count in expected.items():
        assert len(_csv(book, name)) == count, name
        sheet = load_workbook(io.BytesIO(book.read(f"{name}.xlsx"))).worksheets[0]
        assert sheet.max_row == 1 + count, name
        assert f"{count:,} " in book.read("README.md").decode()
    assert job.row_count == sum(expected.values())
    titles = {row["title"] for row in _csv(book, "projects")}
    assert records["running"].title in titles and "โครงการของพัทลุง" in titles
    assert records["developing"].title not in titles  # a draft is not public


def test_the_open_data_holds_no_phone_number_e_mail_id_number_or_name(story: Any, records: Any) -> None:
    book = _zip(Client(), _make(login(story.admin)))
    texts = []
    for name in book.namelist():
        if name.endswith(".xlsx"):
            for sheet in load_workbook(io.BytesIO(book.read(name))).worksheets:
                texts += [str(v) for row in sheet.iter_rows(values_only=True) for v in row if v is not None]
        else:
            texts.append(book.read(name).decode("utf-8-sig"))
    everything = "\n".join(texts)
    assert "ประชุมชี้แจงผู้สูงอายุ 30 คน" in everything and "ผู้สูงอายุเสี่ยงล้ม" in everything
    for personal in (
        PHONE,
        EMAIL,
        ID,
        "074-123456",
        LEADER,
        str(story.proposer_a),
        "ขอวิทยากรเพิ่ม",
        "@example",
    ):
        assert personal not in everything, personal


def test_only_a_programme_admin_may_make_the_file(story: Any) -> None:
    url = reverse("exchange:open_data_make", args=[YEAR])
    assert login(story.officer_a).post(url).status_code == 403
    assert Client().post(url).status_code == 302  # to the login page
    assert not ExportJob.objects.exists()


def test_the_command_asks_the_queue_for_every_year(story: Any, records: Any) -> None:
    out = io.StringIO()
    call_command("open_data_export", "--wait", "5", stdout=out)
    years = {job.params["year"] for job in ExportJob.objects.filter(kind=OPEN_DATA, status=JobStatus.READY)}
    assert YEAR in years and f"kongtun-open-data-{YEAR}.zip" in out.getvalue()
