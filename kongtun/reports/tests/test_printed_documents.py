"""Every printed document reads back, copied or searched, as the Thai that was printed on it.

Each test prints a document as its user does (the final report, an activity report, a fund's plan,
the district plan, the area progress report) and compares what pdftotext gets out of the PDF with
the text of the page WeasyPrint was given: every Thai word comes back whole and every Thai character
(ำ, tone marks, ฤ) at least as often as it was printed, with the words that were typed in.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal
from html.parser import HTMLParser
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from kongtun.conftest import login
from kongtun.dashboards.tests.data import YEAR, rollup_data
from kongtun.followups import services as followups
from kongtun.followups.demo import seed002_project
from kongtun.followups.tests.factories import running_project
from kongtun.plans import services as plans
from kongtun.programme.models import Indicator, Issue, OrgType, SupportType
from kongtun.projects.models import ExpenseGroup
from kongtun.reports import pdf
from kongtun.reports.tests.poppler import pdf_text

MISREAD = ("ตาบล", "จานวน", "กำร", "นาดื่ม")  # how ตำบล, จำนวน, การ and น้ำดื่ม used to read back


@pytest.fixture
def printed(monkeypatch: Any) -> list[str]:
    """The HTML of each page ``render_pdf`` prints during the test."""
    pages: list[str] = []
    render = pdf.render_to_string

    def record(*args: Any, **kwargs: Any) -> str:
        pages.append(render(*args, **kwargs))
        return pages[-1]

    monkeypatch.setattr(pdf, "render_to_string", record)
    return pages


class _Text(HTMLParser):
    """The words a page prints (in its body, not in styles or the document title), and which of
    them are in tables."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.words: list[tuple[str, bool]] = []  # (word, in a table)
        self.skipping = self.tables = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.skipping += tag in ("head", "style", "script")
        self.tables += tag == "table"

    def handle_endtag(self, tag: str) -> None:
        self.skipping -= tag in ("head", "style", "script")
        self.tables -= tag == "table"

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)
            self.words += [(word, self.tables > 0) for word in data.split() if _thai(word)]


def _thai(text: str) -> Counter[str]:
    return Counter(c for c in text if "\u0e01" <= c <= "\u0e5b")


def _in_pieces(word: str, read: list[str], window: int = 12) -> bool:
    """Whether a word reads back as pieces, each a word of the text, in order and close together:
    a word wrapped in a narrow table cell, whose lines pdftotext puts between the next cells'."""
    for i, first in enumerate(read):
        if first != word and word.startswith(first):
            rest = word[len(first) :]
            for piece in read[i + 1 : i + window]:
                rest = rest[len(piece) :] if rest.startswith(piece) else rest
            if not rest:
                return True
    return False


def assert_reads_back(response: Any, page: str, words: list[str]) -> None:
    """Each Thai word of the page reads back whole from the PDF (in pieces when it wraps in a
    table cell), each Thai character, ตำบล and จำนวน at least as often as they were printed
    (table headers print again on each page), and so do the given words."""
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    flat, read = "".join(text.split()), text.split()
    source = _Text()
    source.feed(page)
    assert source.words
    lost = [(word, in_table) for word, in_table in source.words if word not in flat]
    assert [word for word, in_table in lost if not (in_table and _in_pieces(word, read))] == []
    printed_text = "".join("".join(source.parts).split())
    assert _thai(printed_text) - _thai(text) == Counter()
    for word in ("ตำบล", "จำนวน"):  # as often as printed (78 of 78 ตำบล read ตาบล in a district plan)
        assert flat.count(word) >= printed_text.count(word)
    for word in words:
        assert "".join(word.split()) in flat, word
    for misread in MISREAD:
        assert misread not in flat


def test_the_final_report_reads_back_as_printed(story: Any, printed: list[str]) -> None:
    project = seed002_project(fund=story.fund_a, proposer=story.proposer_a)
    project.location = "ตำบลนาทับ อำเภอจะนะ จังหวัดสงขลา"
    project.save(update_fields=["location"])
    response = login(story.officer_a).get(reverse("followups:final_report_pdf", args=[project.pk]))
    assert_reads_back(response, printed[-1], [project.title, "ตำบลนาทับ", "จำนวนที่วางไว้"])


def test_an_activity_report_reads_back_as_printed(story: Any, printed: list[str]) -> None:
    project = running_project(story)
    done = "ประชุมชี้แจงผู้นำชุมชนตำบลนาทับ จำนวน 35 คน ที่ศาลาอเนกประสงค์หมู่ที่ 4"
    results = "ผู้เข้าร่วมรู้จักน้ำดื่มสะอาด ทำแผนออกกำลังกายร่วมกัน ในฤดูฝนนี้"
    report = followups.report_create(
        project=project,
        by=story.proposer_a,
        activity=project.activities.first(),
        date=dt.date(2025, 2, 10),
        done=done,
        results=results,
        spending=[{"expense_group": ExpenseGroup.values[0], "amount": Decimal("1500")}],
    )
    response = login(story.proposer_a).get(reverse("followups:report_pdf", args=[report.pk]))
    assert_reads_back(response, printed[-1], [done, results, project.title])


def _plan(story: Any, fund: Any, title: str) -> Any:
    return plans.plan_save(
        fund=fund,
        fiscal_year=2569,
        issue=Issue.objects.get(code="tobacco"),
        situation="ผู้ชายในตำบลสูบบุหรี่จำนวนมาก ร้านค้าขายบุหรี่ใกล้โรงเรียน",
        objective="ลดจำนวนผู้สูบบุหรี่ในตำบลลงทีละน้อย",
        budget=Decimal("50000"),
        targets=[
            {
                "indicator": Indicator.objects.get(code="tobacco-adults"),
                "problem": "ผู้ใหญ่สูบบุหรี่",
                "baseline": Decimal(30),
                "target": Decimal(28),
            }
        ],
        projects=[
            {
                "title": title,
                "support_type": SupportType.objects.order_by("order").first(),
                "org_type": OrgType.objects.order_by("order").first(),
                "budget": Decimal("20000"),
            }
        ],
    )


def test_a_fund_plan_reads_back_as_printed(story: Any, printed: list[str]) -> None:
    plan = _plan(story, story.fund_a, "ตำบลปลอดบุหรี่ ทำได้จริง")
    response = login(story.committee_a).get(reverse("plans:pdf", args=[plan.pk]))
    words = ["ตำบลปลอดบุหรี่", "ลดจำนวนผู้สูบบุหรี่ในตำบลลงทีละน้อย", story.fund_a.name]
    assert_reads_back(response, printed[-1], words)


def test_the_district_plan_reads_back_as_printed(story: Any, printed: list[str]) -> None:
    _plan(story, story.fund_a, "ตำบลปลอดบุหรี่ ทำได้จริง")
    _plan(story, story.fund_a2, "เพิ่มจำนวนจุดน้ำดื่มสะอาดในโรงเรียน")
    url = reverse("plans:area_pdf", args=["district", story.district.pk, 2569])
    response = login(story.mentor).get(url)
    words = ["ตำบลปลอดบุหรี่", "เพิ่มจำนวนจุดน้ำดื่มสะอาดในโรงเรียน", story.fund_a.name, story.fund_a2.name]
    assert_reads_back(response, printed[-1], words)


def test_the_progress_report_reads_back_as_printed(story: Any, printed: list[str]) -> None:
    rollup_data(story)
    response = Client().get(reverse("dashboards:report", args=["district", "9003"]), {"year": YEAR})
    words = [story.fund_a.lg_name, story.fund_a2.lg_name, "ยาสูบ", "กิจกรรมทางกาย"]
    assert_reads_back(response, printed[-1], words)
