"""Statement pages and files: the fund's officer and committee read them, outsiders get 404."""

from __future__ import annotations

import io
from types import SimpleNamespace

import openpyxl
import pytest

from kongtun.conftest import login
from kongtun.finance.tests.test_statements import YEAR, book_year


def url(story: SimpleNamespace, report: str = "statement", period: str = "year", ext: str = "") -> str:
    tail = f"{ext}/" if ext else ""
    return f"/finance/funds/{story.fund_a.code}/{report}/{YEAR}/{period}/{tail}"


def test_the_officer_reads_the_year_statement_on_the_page(story: SimpleNamespace) -> None:
    book_year(story)
    response = login(story.officer_a).get(url(story))
    page = response.content.decode()
    assert response.status_code == 200
    assert "529,120.25" in page and "360,000.00" in page and "10(2)" in page
    assert "ประธานกรรมการกองทุน" in page or "Chair of the committee" in page


def test_the_committee_member_reads_the_control_book_of_a_month(story: SimpleNamespace) -> None:
    book_year(story)
    page = login(story.committee_a).get(url(story, "control-book", "m10")).content.decode()
    assert "435,000.00" in page and "25,000.00" in page
    assert "144,000.00" not in page  # November's receipt


def test_the_statement_prints_to_pdf_and_excel_with_the_same_figures(story: SimpleNamespace) -> None:
    book_year(story)
    client = login(story.officer_a)
    pdf = client.get(url(story, period="q1", ext="pdf"))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    workbook = openpyxl.load_workbook(io.BytesIO(client.get(url(story, period="q1", ext="xlsx")).content))
    numbers = [
        c for row in workbook.active.iter_rows(values_only=True) for c in row if isinstance(c, int | float)
    ]
    assert 579000 in numbers and 100000 in numbers  # brought forward and the balance, as numbers


def test_the_officer_of_another_fund_gets_404(story: SimpleNamespace) -> None:
    book_year(story)
    client = login(story.officer_b)
    assert client.get(url(story)).status_code == 404
    assert client.get(url(story, ext="pdf")).status_code == 404


@pytest.mark.parametrize(
    "path", ["statement/2568/q5", "statement/2568/m0", "ledger/2568/year", "statement/2568/x"]
)
def test_an_unknown_period_or_report_is_404_not_500(story: SimpleNamespace, path: str) -> None:
    client = login(story.officer_a)
    assert client.get(f"/finance/funds/{story.fund_a.code}/{path}/").status_code == 404
    assert client.get(url(story, ext="docx")).status_code == 404


def test_the_fund_page_links_the_statements(story: SimpleNamespace) -> None:
    page = login(story.officer_a).get(f"/funds/{story.fund_a.code}/").content.decode()
    assert f"/finance/funds/{story.fund_a.code}/statement/" in page
