"""What a user reads on the follow-up pages (found walking them on a phone)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from kongtun.conftest import login
from kongtun.followups import services
from kongtun.followups.tests.factories import running_project
from kongtun.followups.tests.photos import photo
from kongtun.projects.models import ExpenseGroup


def _report(project: Any, user: Any) -> Any:
    report = services.report_create(
        project=project,
        by=user,
        activity=project.activities.first(),
        date=dt.date(2025, 2, 10),
        done="ประชุม",
        spending=[{"expense_group": ExpenseGroup.values[0], "amount": Decimal("1500")}],
    )
    services.photos_add(report=report, uploads=[photo("a.jpg"), photo("b.jpg")])
    return report


def test_report_list_counts_photos_inside_the_activity_cell(story: Any) -> None:
    project = running_project(story)
    _report(project, story.proposer_a)
    body = login(story.proposer_a).get(reverse("followups:project", args=[project.pk])).content.decode()
    assert "ภาพถ่าย 2 ภาพ" in body


def test_results_form_shows_each_indicator_target(story: Any) -> None:
    project = running_project(story)
    body = login(story.officer_a).get(reverse("followups:results", args=[project.pk])).content.decode()
    assert "(เป้าหมาย 60" in body


def test_activity_report_pdf_prints_every_section_of_the_field_form(story: Any) -> None:
    project = running_project(story)
    report = _report(project, story.proposer_a)
    response = login(story.proposer_a).get(reverse("followups:report_pdf", args=[report.pk]))
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True)
    flat = "".join(text.stdout.decode().split()).replace("\u0e33", "\u0e32").replace("\u0e4d", "")
    # Problems and suggestions are printed even when empty, as on the field's form.
    for heading in ("ปัญหาและอุปสรรค", "ข้อเสนอแนะ", "ค่าตอบแทน"):
        assert heading in flat, heading
    assert "2568" in flat


def test_activity_report_pdf_reads_its_photos_from_disk(story: Any, caplog: Any) -> None:
    project = running_project(story)
    report = _report(project, story.proposer_a)
    with caplog.at_level("ERROR", logger="weasyprint"):
        response = login(story.proposer_a).get(reverse("followups:report_pdf", args=[report.pk]))
    assert response.status_code == 200
    assert not [r for r in caplog.records if "Failed to load image" in r.getMessage()]


def test_report_list_flags_reports_that_ask_the_mentor_for_help(story: Any) -> None:
    project = running_project(story)
    report = _report(project, story.proposer_a)
    services.report_update(report=report, help_needed="ช่วยแนะนำเรื่องการวัดผล")
    url = reverse("followups:project", args=[project.pk])
    assert "ขอความช่วยเหลือจากพี่เลี้ยง" in login(story.mentor).get(url).content.decode()
    services.report_advise(report=report, advice="วัดก่อนและหลัง")
    assert "ขอความช่วยเหลือจากพี่เลี้ยง" not in login(story.mentor).get(url).content.decode()
