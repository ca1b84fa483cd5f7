"""The follow-up's documents: one build each, the same report on screen, in the PDF and in Word."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Any

from django.urls import reverse

from kongtun.conftest import login
from kongtun.followups import services
from kongtun.followups.demo import seed002_project
from kongtun.followups.documents import final_report_document
from kongtun.followups.models import ActivityReport, SatisfactionQuestion
from kongtun.followups.tests.factories import running_project
from kongtun.followups.tests.photos import photo
from kongtun.followups.tests.test_api import BASE, api
from kongtun.reports.tests.poppler import pdf_text
from kongtun.reports.to_html import render_html

# The readiness checklist's own words: its heading, its note and two of seed 002's gaps.
CHECKLIST = ["ยังขาดข้อมูล", "ก่อนพิมพ์รายงาน", "ยังไม่ได้เขียนบทคัดย่อ", "ยังไม่ได้รายงานการใช้จ่ายงบประมาณ"]


def _docx_text(docx: bytes) -> str:
    from docx import Document

    document = Document(io.BytesIO(docx))
    text = [p.text for p in document.paragraphs]
    text += [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join(text)


def _report(project: Any, user: Any) -> ActivityReport:
    report = services.report_create(
        project=project,
        by=user,
        activity=project.activities.first(),
        date=dt.date(2025, 2, 10),
        done="ประชุมชี้แจงผู้สูงอายุ",
        problems="ฝนตก",
        actual_output_count=20,
    )
    services.photo_add(report=report, upload=photo(), caption="ภาพการประชุม")
    return report


def test_the_list_of_what_is_missing_is_on_the_page_and_not_in_the_files(story: Any) -> None:
    project = seed002_project(fund=story.fund_a, proposer=story.proposer_a)
    client = login(story.officer_a)
    page = client.get(reverse("followups:final_report", args=[project.pk])).content.decode()
    assert all(words in page for words in CHECKLIST)
    assert page.index('id="readiness"') < page.index(
        reverse("followups:final_report_print", args=[project.pk])
    )
    docx = _docx_text(client.get(reverse("followups:final_report_docx", args=[project.pk])).content)
    assert not [words for words in CHECKLIST if words in docx]
    pdf = pdf_text(client.get(reverse("followups:final_report_pdf", args=[project.pk])).content)
    assert not [words for words in CHECKLIST if words in pdf]
    assert "รายงานฉบับสมบูรณ์" in docx and "รายงานฉบับสมบูรณ์" in pdf


def test_final_report_word_file_has_the_headings_of_the_page_in_their_order(story: Any) -> None:
    """One build: what the page shows, the Word file holds (value assessment and satisfaction too)."""
    from docx import Document

    project = running_project(story)
    _report(project, story.proposer_a)
    question = SatisfactionQuestion.objects.order_by("order")[0]
    services.satisfaction_save(project=project, by=story.proposer_a, scores={question.pk: 4})
    page = render_html(final_report_document(project))
    on_page = [re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<h[123][^>]*>(.*?)</h[123]>", page)]
    docx = login(story.proposer_a).get(reverse("followups:final_report_docx", args=[project.pk])).content
    styles = ("Title", "Heading 1", "Heading 2")
    in_word = [p.text for p in Document(io.BytesIO(docx)).paragraphs if p.style and p.style.name in styles]
    assert in_word == on_page and "ความพึงพอใจ" in in_word


def test_activity_report_word_file_holds_its_sections_and_photos(story: Any) -> None:
    project = running_project(story)
    report = _report(project, story.proposer_a)
    url = reverse("followups:report_docx", args=[report.pk])
    response = login(story.mentor).get(url)
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    text = _docx_text(response.content)
    for words in ("ประชุมชี้แจงผู้สูงอายุ", "ปัญหาและอุปสรรค", "ฝนตก", "ข้อเสนอแนะ", "ภาพการประชุม"):
        assert words in text, words
    assert any(n.startswith("word/media/") for n in zipfile.ZipFile(io.BytesIO(response.content)).namelist())
    assert "ภาพการประชุม" in _docx_text(login(story.officer_b).get(url).content)  # a public read
    assert api(story.proposer_a).get(f"{BASE}/reports/{report.pk}/docx").content.startswith(b"PK")
    assert api(story.officer_b).get(f"{BASE}/reports/{report.pk}/docx").content.startswith(b"PK")


def test_activity_report_page_offers_the_word_file(story: Any) -> None:
    project = running_project(story)
    report = _report(project, story.proposer_a)
    body = login(story.proposer_a).get(reverse("followups:report", args=[report.pk])).content.decode()
    assert reverse("followups:report_docx", args=[report.pk]) in body
