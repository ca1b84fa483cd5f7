"""The plans' documents: the fund plan and the district plan, as PDF and as Word file."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.urls import reverse

from kongtun.conftest import login
from kongtun.plans.tests.test_plans import make_plan

pytestmark = pytest.mark.django_db


def _word_text(content: bytes) -> str:
    from docx import Document

    document = Document(io.BytesIO(content))
    text = [p.text for p in document.paragraphs]
    text += [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join(text)


def test_fund_plan_word_file_holds_targets_budget_in_words_and_projects(story: Any) -> None:
    plan = make_plan(story)
    url = reverse("plans:docx", args=[plan.pk])
    response = login(story.committee_a).get(url)
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    text = _word_text(response.content)
    for words in ("สูบบุหรี่", "ลดการสูบบุหรี่", "50,000.00 บาท", "ห้าหมื่นบาทถ้วน", "ชุมชนปลอดบุหรี่", "20,000.00"):
        assert words in text, words
    assert "2569" in text and "เจ้าหน้าที่กองทุน" in text
    assert login(story.officer_b).get(url).status_code == 200  # plans are public reads
    detail = login(story.committee_a).get(reverse("plans:detail", args=[plan.pk])).content.decode()
    assert url in detail


def test_district_plan_word_file_gives_the_range_of_the_fund_plans(story: Any) -> None:
    make_plan(story)
    url = reverse("plans:area_docx", args=["district", story.district.pk, 2569])
    response = login(story.mentor).get(url)
    assert response.status_code == 200
    text = _word_text(response.content)
    assert "30 – 30 – 30" in text and "28 – 28 – 28" in text and story.fund_a.name in text
    assert login(story.officer_a).get(url).status_code == 200  # their own district, read-only
    assert login(story.officer_b).get(url).status_code == 404
