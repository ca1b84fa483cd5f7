"""The exchange page: who may export and import, and how bad rows are refused."""

from __future__ import annotations

import csv
import io
from typing import Any

from openpyxl import load_workbook

from kongtun.conftest import login
from kongtun.exchange.exports import FORMATS
from kongtun.exchange.tests.builders import fill_fund
from kongtun.projects.models import Project


def _csv(rows: list[list[Any]]) -> io.BytesIO:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    upload = io.BytesIO(out.getvalue().encode("utf-8"))
    upload.name = "rows.csv"
    return upload


def test_officer_of_the_fund_sees_the_page_and_exports(story):
    client = login(story.officer_a)
    page = client.get("/exchange/fund/L9001/")
    assert page.status_code == 200 and "นำเข้า" in page.content.decode()
    response = client.get("/exchange/fund/L9001/projects.xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="L9001-projects.xlsx"'


def test_officer_of_another_fund_gets_404(story):
    client = login(story.officer_b)
    assert client.get("/exchange/fund/L9001/").status_code == 404
    assert client.get("/exchange/fund/L9001/projects.csv").status_code == 404
    assert client.post("/exchange/fund/L9001/", {"entity": "plans"}).status_code == 404


def test_committee_member_may_export_but_not_import(story):
    client = login(story.committee_a)
    assert client.get("/exchange/fund/L9001/plans.csv").status_code == 200
    assert 'enctype="multipart/form-data"' not in client.get("/exchange/fund/L9001/").content.decode()
    response = client.post("/exchange/fund/L9001/", {"entity": "plans", "file": _csv([["fund_code"]])})
    assert response.status_code == 403


def test_an_unknown_entity_or_format_is_404(story):
    client = login(story.officer_a)
    assert client.get("/exchange/fund/L9001/members.csv").status_code == 404
    assert client.get("/exchange/fund/L9001/projects.pdf").status_code == 404


def test_text_that_looks_like_a_formula_is_never_a_formula(story):
    fill_fund(story)
    client = login(story.officer_a)
    text = client.get("/exchange/fund/L9001/activity-reports.csv").content.decode("utf-8-sig")
    assert "'=1+1 ออกกำลังกาย" in text
    book = load_workbook(io.BytesIO(client.get("/exchange/fund/L9001/situation-values.xlsx").content))
    cells = [c for row in book.worksheets[0].iter_rows() for c in row if str(c.value).startswith("=")]
    assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells)


HEADER = ["key", "fund_code", "fiscal_year", "title", "status", "plans", "code"]


def _projects(rows: list[list[str]]) -> io.BytesIO:
    """Rows of the HEADER columns, in a file of every column of the projects format."""
    columns = FORMATS["projects"].columns
    return _csv([columns, *([dict(zip(HEADER, r, strict=True)).get(c, "") for c in columns] for r in rows)])


def test_bad_rows_are_each_refused_with_a_thai_reason_and_nothing_is_saved(story):
    client = login(story.officer_a)
    upload = _projects(
        [
            ["", "L9001", "2569", "โครงการดี", "developing", "", ""],
            ["", "L9001", "2569", "", "developing", "", ""],
            ["", "L9001", "2469", "โครงการปีผิด", "developing", "", ""],
            ["", "L9301", "2569", "โครงการของกองทุนอื่น", "developing", "", ""],
            ["", "L9001", "2569", "โครงการไม่มีแผน", "developing", "tobacco", ""],
        ]
    )
    response = client.post("/exchange/fund/L9001/", {"entity": "projects", "file": upload})
    errors = dict(response.context["row_errors"])
    assert sorted(errors) == [3, 4, 5, 6]
    assert "ชื่อโครงการ" in errors[3]
    assert "พ.ศ." in errors[4]
    assert "L9301" in errors[5]
    assert "tobacco" in errors[6]
    assert not Project.objects.exists()
    page = response.content.decode()
    assert "ไม่ได้บันทึก" in page and "แถวที่ 3" in page


def test_an_import_does_not_change_a_status(story):
    fill_fund(story)
    client = login(story.officer_a)
    text = client.get("/exchange/fund/L9001/projects.csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    running = next(r for r in rows if r["status"] == "running")
    running["status"] = "completed"
    upload = _csv([list(rows[0]), *([*r.values()] for r in rows)])
    response = client.post("/exchange/fund/L9001/", {"entity": "projects", "file": upload})
    assert len(response.context["row_errors"]) == 1
    assert Project.objects.get(code="68-L9001-001").status == "running"


def test_a_proposal_being_developed_is_updated_by_its_key(story):
    projects = fill_fund(story)
    client = login(story.officer_a)
    text = client.get("/exchange/fund/L9001/projects.csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    row = next(r for r in rows if r["status"] == "developing")
    row["title"] = "ชื่อใหม่ของโครงการ"
    response = client.post(
        "/exchange/fund/L9001/", {"entity": "projects", "file": _csv([list(row), list(row.values())])}
    )
    outcome = response.context["outcome"]
    assert (outcome.created, outcome.updated) == (0, 1)
    projects["developing"].refresh_from_db()
    assert projects["developing"].title == "ชื่อใหม่ของโครงการ"
    assert Project.objects.filter(fund=story.fund_a).count() == 3


def test_the_formats_page_is_public(client):
    page = client.get("/exchange/formats/")
    assert page.status_code == 200
    assert "project_key" in page.content.decode()
