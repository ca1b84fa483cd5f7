"""Exports cannot carry formulas: text someone typed that starts with =, +, -, @, a tab or a CR is
written as text in every workbook and CSV file the site gives out, and reads back as typed."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from kongtun.conftest import login
from kongtun.followups.tests.factories import running_project
from kongtun.programme.models import Indicator
from kongtun.reports.cells import csv_cell, csv_cell_read
from kongtun.reports.document import Column, Document, Row, Table
from kongtun.reports.to_csv import render_csv
from kongtun.reports.to_xlsx import render_xlsx
from kongtun.situations import services as situations

TYPED = [
    '=HYPERLINK("http://evil.example","คลิก")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("text", TYPED)
def test_a_typed_formula_is_a_text_cell_in_the_workbook(text: str) -> None:
    table = Table([Column("text", 4), Column("amount", 2, "money")], [Row([text, Decimal("-5")])])
    sheet = load_workbook(io.BytesIO(render_xlsx(Document(title="t", filename="t", blocks=[table])))).active
    cell = sheet.cell(row=2, column=1)
    assert (cell.data_type, cell.value, cell.quotePrefix) == ("s", text, True)
    assert sheet.cell(row=2, column=2).value == -5  # numbers stay numbers, negative ones too


@pytest.mark.parametrize("text", TYPED)
def test_a_typed_formula_is_quoted_in_csv_and_reads_back_as_typed(text: str) -> None:
    content = render_csv(["text", "value"], [[text, Decimal("-5")]]).decode("utf-8-sig")
    row = list(csv.reader(io.StringIO(content)))[1]
    assert row == ["'" + text, "-5"]
    assert csv_cell_read(row[0]) == text


def test_plain_text_and_numbers_are_written_as_they_are() -> None:
    assert [csv_cell(v) for v in ["ชมรม อสม.", "'quoted", 3, None]] == ["ชมรม อสม.", "'quoted", 3, ""]
    assert csv_cell_read("'quoted") == "'quoted"


def test_the_public_project_list_workbook_writes_a_title_formula_as_text(story: SimpleNamespace) -> None:
    title = '=HYPERLINK("http://evil.example","ดูผล")'
    running_project(story, title=title)
    response = Client().get(reverse("dashboards:projects"), {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [row[4] for row in sheet.iter_rows(min_row=2)]
    assert [(c.data_type, c.value) for c in cells] == [("s", title)]


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_the_situation_export_writes_a_typed_source_as_text_and_imports_it_back(
    story: SimpleNamespace, fmt: str
) -> None:
    source = "=1+cmd|' /C calc'!A0"
    situations.situation_value_save(
        fund=story.fund_a,
        fiscal_year=2569,
        indicator=Indicator.objects.get(code="tobacco-adults"),
        value=Decimal("30"),
        source=source,
    )
    url = reverse("situations:export") + f"?fund={story.fund_a.code}&format={fmt}"
    response = login(story.officer_a).get(url)
    if fmt == "xlsx":
        cell = load_workbook(io.BytesIO(response.content)).worksheets[0].cell(row=2, column=7)
        assert (cell.data_type, cell.value) == ("s", source)
    else:
        row = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))[1]
        assert row[6] == "'" + source
    saved = situations.situation_import(
        user=story.officer_a, upload=io.BytesIO(response.content), filename=f"values.{fmt}"
    )
    assert [v.source for v in saved] == [source]
