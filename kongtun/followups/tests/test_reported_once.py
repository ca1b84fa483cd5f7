"""What is reported once flows everywhere: the participants, outputs and photos of the activity
reports are the final report's Part 1 and Part 2 and the public page, in every format, without
being typed again on the results page.

The story: the proposer of fund A's elderly exercise project reports its two activities, 60 elderly
at the first and 15 at the second, and gives no output count; the final report must say 75 persons
took part (not "0 persons") and count each activity's output from its participants.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from kongtun.conftest import login
from kongtun.followups import selectors, services
from kongtun.followups.models import ReportPhoto
from kongtun.followups.tests.factories import running_project
from kongtun.followups.tests.photos import photo
from kongtun.followups.tests.test_documents import _docx_text
from kongtun.reports.tests.poppler import pdf_lines, pdf_text


def _reported(story: Any) -> Any:
    """The project with its two activities reported by the proposer through the web form."""
    project = running_project(story)
    group = project.target_groups.get()
    client = login(story.proposer_a)
    for activity, persons in zip(project.activities.all(), (60, 15), strict=True):
        response = client.post(
            reverse("followups:report_create", args=[project.pk]),
            {
                "activity": activity.pk,
                "date": "10/02/2568",
                "done": f"{activity.title} กับผู้สูงอายุ",
                f"participants_{group.pk}": str(persons),
                "spending_services": "2500",
            },
        )
        assert response.status_code == 302, response.content.decode()[:2000]
    return project


def _final_report(user: Any, project: Any, extension: str) -> bytes:
    name = "followups:final_report_pdf" if extension == "pdf" else "followups:final_report_docx"
    return login(user).get(reverse(name, args=[project.pk])).content


def _participants_row(lines: list[str], name: str) -> list[str]:
    """The figures printed after the group's name in Part 2 (one cell a line in pdftotext)."""
    start = max(i for i, line in enumerate(lines) if line == name)
    return lines[start + 1 : start + 3]


def test_participants_reported_in_activity_reports_are_the_final_reports_part_2(story: Any) -> None:
    project = _reported(story)
    (count,) = selectors.participants_by_group(project)
    assert (count.name, count.planned, count.reported, count.actual) == ("ผู้สูงอายุ", 30, 75, 75)
    client = login(story.proposer_a)
    pdf = pdf_lines(client.get(reverse("followups:final_report_pdf", args=[project.pk])).content)
    assert _participants_row(pdf, "ผู้สูงอายุ") == ["30", "75"]
    docx = _docx_text(client.get(reverse("followups:final_report_docx", args=[project.pk])).content)
    assert re.search(r"ผู้สูงอายุ\n30\n75\n", docx), docx
    assert "จำนวน 0 คน" not in docx


def test_an_activitys_output_is_its_participants_when_no_count_is_given(story: Any) -> None:
    project = _reported(story)
    results = selectors.activity_results(project)
    assert [(r.planned_count, r.actual_count) for r in results] == [(30, 60), (30, 15)]
    text = pdf_text(_final_report(story.officer_a, project, "pdf"))
    part1 = text[text.index("ส่วนที่ 1") :]
    assert re.search(r"1\. ประชุมชี้แจง\s+30\s+60", part1), part1[:600]
    # A count given in the report is the output, whatever the participants.
    report = project.activity_reports.order_by("date", "pk")[0]
    services.report_update(report=report, activity=report.activity, actual_output_count=4)
    assert [r.actual_count for r in selectors.activity_results(project)] == [4, 15]


def test_the_public_page_counts_the_reported_participants(story: Any) -> None:
    project = _reported(story)
    page = Client().get(reverse("followups:public", args=[project.pk])).content.decode()
    assert "กลุ่มเป้าหมายที่วางไว้ 30 คน เข้าร่วมจริง 75 คน" in page
    assert "เข้าร่วมจริง 0 คน" not in page


def test_the_results_page_is_prefilled_from_the_reports_and_keeps_following_them(story: Any) -> None:
    project = _reported(story)
    group = project.target_groups.get()
    client = login(story.proposer_a)
    url = reverse("followups:results", args=[project.pk])
    page = client.get(url).content.decode()
    assert re.search(rf'name="actual_{group.pk}"[^>]*value="75"', page)
    assert "รวมจากรายงานกิจกรรมได้ 75 คน" in page
    # Saving the page as it came does not freeze the number: a later report still counts.
    client.post(url, {"abstract": "สรุป", f"actual_{group.pk}": "75"})
    group.refresh_from_db()
    assert group.actual_count is None
    services.report_create(
        project=project,
        by=story.proposer_a,
        date=dt.date(2025, 3, 1),
        title="เยี่ยมบ้าน",
        participants=[{"project_target_group": group, "actual": 5}],
    )
    assert selectors.participants_by_group(project)[0].actual == 80
    # The same elderly came to every activity: the proposer enters the persons reached, once.
    client.post(url, {"abstract": "สรุป", f"actual_{group.pk}": "62"})
    (count,) = selectors.participants_by_group(project)
    assert (count.reported, count.actual) == (80, 62)


def test_the_abstract_gives_the_amount_in_figures_and_in_thai_words(story: Any) -> None:
    project = running_project(story, approved_budget=Decimal("1040000"))
    text = pdf_text(_final_report(story.officer_a, project, "pdf"))
    flat = " ".join(text.split())
    assert "1,040,000.00 บาท (หนึ่งล้านสี่หมื่นบาทถ้วน)" in flat
    docx = _docx_text(_final_report(story.officer_a, project, "docx"))
    assert "1,040,000.00 บาท (หนึ่งล้านสี่หมื่นบาทถ้วน)" in docx


def _pdf_images(pdf: bytes, tmp_path: Path) -> int:
    """How many pictures the PDF holds (poppler's pdfimages, which reads a file)."""
    if not shutil.which("pdfimages"):
        pytest.skip("pdfimages (poppler-utils) is not installed")
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    listed = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, check=True)
    return len(listed.stdout.decode().splitlines()) - 2  # two header lines


def test_the_photos_ticked_are_printed_under_their_activity(story: Any, tmp_path: Path) -> None:
    from docx import Document

    project = _reported(story)
    first, second = project.activity_reports.order_by("date", "pk")
    services.photo_add(report=first, upload=photo(), caption="ภาพการประชุมชี้แจง")
    services.photo_add(report=first, upload=photo(), caption="ภาพที่ไม่เลือก")
    services.photo_add(report=second, upload=photo(), caption="ภาพการออกกำลังกาย")
    client = login(story.proposer_a)
    page = client.get(reverse("followups:final_report", args=[project.pk])).content.decode()
    assert page.count('name="photos"') == 3
    chosen = ReportPhoto.objects.exclude(caption="ภาพที่ไม่เลือก")
    response = client.post(
        reverse("followups:final_report_photos", args=[project.pk]), {"photos": [p.pk for p in chosen]}
    )
    assert response.status_code == 302
    pdf = client.get(reverse("followups:final_report_pdf", args=[project.pk])).content
    text = pdf_text(pdf)
    assert "ภาพกิจกรรม" in text and "ภาพการประชุมชี้แจง" in text and "ภาพการออกกำลังกาย" in text
    assert "ภาพที่ไม่เลือก" not in text
    photos = text[text.rindex("ภาพกิจกรรม") :]  # the heading (the contents name it first)
    assert photos.index("1. ประชุมชี้แจง") < photos.index("ภาพการประชุมชี้แจง") < photos.index("2. ออกกำลังกาย")
    assert _pdf_images(pdf, tmp_path) == 2
    docx = client.get(reverse("followups:final_report_docx", args=[project.pk])).content
    assert len(Document(io.BytesIO(docx)).inline_shapes) == 2
    assert "ภาพที่ไม่เลือก" not in _docx_text(docx)


def test_only_those_who_report_choose_the_photos(story: Any) -> None:
    project = _reported(story)
    item = services.photo_add(report=project.activity_reports.first(), upload=photo())
    url = reverse("followups:final_report_photos", args=[project.pk])
    assert login(story.mentor).post(url, {"photos": [item.pk]}).status_code == 403
    assert login(story.officer_b).post(url, {"photos": [item.pk]}).status_code == 404
    other = running_project(story, title="โครงการอื่น")
    stranger = services.photo_add(
        report=services.report_create(project=other, by=story.officer_a, title="x", date=dt.date(2025, 2, 1)),
        upload=photo(),
    )
    login(story.officer_a).post(url, {"photos": [stranger.pk]})
    assert not ReportPhoto.objects.filter(in_final_report=True).exists()
    assert login(story.officer_a).post(url, {"photos": [item.pk]}).status_code == 302
    assert list(ReportPhoto.objects.filter(in_final_report=True)) == [item]
