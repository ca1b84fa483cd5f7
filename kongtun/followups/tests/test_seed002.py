from __future__ import annotations

import io
import re
import shutil
import subprocess
from typing import Any

import pytest
from django.urls import reverse
from django.utils import translation

from kongtun.conftest import login
from kongtun.followups import selectors
from kongtun.followups.demo import load, seed002_project
from kongtun.followups.seed002 import ACTIVITIES, TITLE


def test_seed002_project_is_entered_whole_and_only_once(story: Any) -> None:
    project = seed002_project(fund=story.fund_a, proposer=story.proposer_a)
    assert seed002_project(fund=story.fund_a) == project
    assert project.activities.count() == 13 == project.activity_reports.count()
    assert project.objectives.count() == 2
    assert project.approved_budget == 1040000


def test_demo_step_runs_without_the_projects_demo(story: Any) -> None:
    load("small")
    load("small")
    assert story.fund_a.projects.filter(title=TITLE).count() == 1


def test_readiness_flags_the_gaps_seed002_printed_silently(story: Any) -> None:
    project = seed002_project(fund=story.fund_a, proposer=story.proposer_a)
    with translation.override("en"):
        gaps = selectors.readiness(project)
    assert "No abstract has been written." in gaps
    assert "Target group “สมาชิกในชุมชน” has 0 persons planned." in gaps
    assert sum("the actual output is 0" in g for g in gaps) == 13
    assert "Objective 1 has no result for its indicators." in gaps
    assert "No spending has been reported." in gaps


def _flat(text: str) -> str:
    """Text without spaces; pdftotext gives sara am (ำ) back as sara aa alone."""
    return "".join(text.split()).replace("\u0e33", "\u0e32").replace("\u0e4d", "")


def test_seed002_final_report_pdf_has_its_title_and_13_activities(story: Any) -> None:
    project = seed002_project(fund=story.fund_a, proposer=story.proposer_a)
    response = login(story.officer_a).get(reverse("followups:final_report_pdf", args=[project.pk]))
    assert response.status_code == 200
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    flat = _flat(text)
    assert _flat(TITLE) in flat
    # The file is the report alone: it opens with its cover, the list of what is missing stays on screen.
    assert flat.startswith(_flat("รายงานฉบับสมบูรณ์"))
    for number, (title, *_rest) in enumerate(ACTIVITIES, start=1):
        assert f"{number}.{_flat(title)[:20]}" in flat, title  # long titles wrap inside the table cell
    assert "2563" in flat  # Buddhist-Era dates


def test_seed002_final_report_word_file_lists_the_activities(story: Any) -> None:
    from docx import Document

    project = seed002_project(fund=story.fund_a, proposer=story.proposer_a)
    response = login(story.officer_a).get(reverse("followups:final_report_docx", args=[project.pk]))
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert TITLE in text
    assert all(title in text for title, *_rest in ACTIVITIES)
    assert document.paragraphs[0].text == "รายงานฉบับสมบูรณ์"  # the report alone, from its cover


def test_final_report_page_links_each_gap_to_where_it_is_fixed(story: Any) -> None:
    project = seed002_project(fund=story.fund_a, proposer=story.proposer_a)
    url = reverse("followups:final_report", args=[project.pk])
    body = login(story.officer_a).get(url).content.decode()
    results_url = reverse("followups:results", args=[project.pk])
    group = project.target_groups.get()
    assert f'href="{results_url}#id_abstract"' in body
    assert f'href="{results_url}#id_planned_{group.pk}"' in body
    first_report = project.activity_reports.order_by("date")[0]
    edit_url = reverse("followups:report_edit", args=[first_report.pk])
    assert f'href="{edit_url}?next=' in body
    assert f'href="{reverse("followups:project", args=[project.pk])}#reports"' in body
    # The mentor reads the same list but is not sent to pages they cannot change.
    mentor_body = login(story.mentor).get(url).content.decode()
    assert "ยังไม่ได้เขียนบทคัดย่อ" in mentor_body and f"{results_url}#id_abstract" not in mentor_body


def test_results_page_fills_in_a_target_group_planned_at_zero(story: Any) -> None:
    project = seed002_project(fund=story.fund_a, proposer=story.proposer_a)
    group = project.target_groups.get()
    client = login(story.officer_a)
    page = client.get(reverse("followups:results", args=[project.pk])).content.decode()
    assert f'id="id_planned_{group.pk}"' in page
    client.post(
        reverse("followups:results", args=[project.pk]),
        {"abstract": "สรุป", f"planned_{group.pk}": "137", f"actual_{group.pk}": "120"},
    )
    group.refresh_from_db()
    assert (group.planned_count, group.actual_count) == (137, 120)
    gaps = selectors.readiness(project)
    assert not any("สมาชิกในชุมชน" in g for g in gaps)


def test_seed002_final_report_pdf_contents_give_page_numbers(story: Any) -> None:
    project = seed002_project(fund=story.fund_a, proposer=story.proposer_a)
    response = login(story.officer_a).get(reverse("followups:final_report_pdf", args=[project.pk]))
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    # The cover is page 1, the acknowledgements page 2.
    assert re.search(r"กิตติกรรมประกาศ\s*\.{5,}\s*2\b", text)
    assert re.search(r"ปัญหาอุปสรรคและข้อเสนอแนะ\s*\.{5,}\s*\d+", text)


def test_seed002_word_file_follows_the_order_of_the_pdf(story: Any) -> None:
    from docx import Document

    project = seed002_project(fund=story.fund_a, proposer=story.proposer_a)
    response = login(story.officer_a).get(reverse("followups:final_report_docx", args=[project.pk]))
    document = Document(io.BytesIO(response.content))
    headings = [p.text for p in document.paragraphs if p.style and (p.style.name or "").startswith("Heading")]
    expected = [
        "กิตติกรรมประกาศ",
        "บทคัดย่อ",
        "สารบัญ",
        "ความเป็นมา/หลักการเหตุผล",
        "วัตถุประสงค์โครงการ",
        "กิจกรรม/การดำเนินงาน",
        "กลุ่มเป้าหมาย",
        "ผลที่คาดว่าจะได้รับ",
    ]
    positions = [headings.index(h) for h in expected]
    assert positions == sorted(positions)
    assert headings.index("บทคัดย่อ*") > headings.index("ผู้เข้าร่วมโครงการ")


def test_seed002_word_file_gives_the_activity_column_most_of_the_width(story: Any) -> None:
    from docx import Document

    project = seed002_project(fund=story.fund_a, proposer=story.proposer_a)
    response = login(story.officer_a).get(reverse("followups:final_report_docx", args=[project.pk]))
    document = Document(io.BytesIO(response.content))
    part1 = next(t for t in document.tables if t.rows[0].cells[0].text == "กิจกรรมของโครงการ")
    first, planned, actual = (column.width or 0 for column in part1.columns)
    assert first > 4 * planned and planned == actual


def test_fixing_a_gap_in_an_activity_report_returns_to_the_list_of_gaps(story: Any) -> None:
    project = seed002_project(fund=story.fund_a, proposer=story.proposer_a)
    client = login(story.officer_a)
    gaps = selectors.readiness_gaps(project)
    link = next(g.url for g in gaps if "edit" in g.url)
    form_page = client.get(link).content.decode()
    assert "?next=" in form_page  # the form posts back with where to return
    report = project.activity_reports.order_by("date")[0]
    data = {
        "activity": report.activity_id,
        "date": "13/01/2563",
        "done": report.done,
        "actual_output_count": "21",
    }
    response = client.post(link.split("#")[0], data)
    assert response.status_code == 302
    assert response["Location"] == reverse("followups:final_report", args=[project.pk]) + "#readiness"
    # A "next" that leads off the site is ignored.
    response = client.post(
        reverse("followups:report_edit", args=[report.pk]) + "?next=https://evil.example/", data
    )
    assert response["Location"] == reverse("followups:report", args=[report.pk])
