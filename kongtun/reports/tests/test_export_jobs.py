"""Export jobs as the queue runs them: once each, in the asker's language, their progress written as
they go, a failure kept (not a file), and a second click while one runs gives the same job."""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any, BinaryIO

import pytest
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from kongtun.conftest import login
from kongtun.reports.document import Column, Value
from kongtun.reports.exporters import Output, Progress, exporter
from kongtun.reports.models import ExportJob, JobStatus
from kongtun.reports.services import export_job_run, export_job_start
from kongtun.reports.to_xlsx import write_xlsx_rows


@exporter("tests.count")
def count_export(params: dict[str, Any], out: BinaryIO, progress: Progress) -> Output:
    progress(0, params["n"])
    rows: Iterator[list[Value]] = ([i, f"=row {i}"] for i in range(params["n"]))
    n = write_xlsx_rows(out, title=_("Rows"), columns=[Column("n", 2, "int"), Column("text", 4)], rows=rows)
    progress(n)
    return Output("count.xlsx", n)


@exporter("tests.broken")
def broken_export(params: dict[str, Any], out: BinaryIO, progress: Progress) -> Output:
    raise RuntimeError("the database went away")


def test_a_job_makes_its_file_once_in_the_askers_language(story: Any) -> None:
    with translation.override("en"):
        job = export_job_start(kind="tests.count", params={"n": 5}, title="five", user=story.officer_a)
    job.refresh_from_db()
    assert (
        job.language == "en" and job.status == JobStatus.READY and job.row_count == 5 and job.percent == 100
    )
    book = load_workbook(job.file.open("rb"))
    assert book.sheetnames == ["Rows", "About this file"]
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert rows[0] == ("n", "text") and len(rows) == 6
    assert book.worksheets[0].cell(row=2, column=2).data_type == "s"  # "=row 0" stays text
    assert export_job_run(job_id=job.pk) is None  # a second run of the same job does nothing


def test_a_second_click_while_the_job_waits_gives_the_same_job(story: Any) -> None:
    job = ExportJob.objects.create(kind="tests.count", params={"n": 1}, title="one", user=story.officer_a)
    again = export_job_start(kind="tests.count", params={"n": 1}, title="one", user=story.officer_a)
    other = export_job_start(kind="tests.count", params={"n": 1}, title="one", user=story.officer_b)
    assert again.pk == job.pk and other.pk != job.pk


def test_a_failed_job_says_so_and_offers_no_file(story: Any) -> None:
    job = export_job_start(kind="tests.broken", params={}, title="broken", user=story.officer_a)
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and "went away" in job.error and not job.file
    client = login(story.officer_a)
    page = client.get(f"/reports/jobs/{job.pk}/")
    assert page.status_code == 200 and "/file/" not in page.text
    assert client.get(f"/reports/jobs/{job.pk}/file/").status_code == 404


def test_a_waiting_job_page_asks_again_until_it_is_done(story: Any) -> None:
    job = ExportJob.objects.create(
        kind="tests.count", params={"n": 10}, title="ten", user=story.officer_a, rows_total=10, rows_done=4
    )
    client = login(story.officer_a)
    page = client.get(f"/reports/jobs/{job.pk}/")
    assert 'hx-trigger="every 2s"' in page.text and 'value="40"' in page.text
    partial = client.get(f"/reports/jobs/{job.pk}/", headers={"HX-Request": "true"})
    assert partial.text.lstrip().startswith("<section") and "<html" not in partial.text


@pytest.mark.parametrize("n", [0, 4001])
def test_a_streamed_workbook_counts_what_it_holds(n: int) -> None:
    out = io.BytesIO()
    rows: Iterator[list[Value]] = ([i, "x"] for i in range(n))
    assert write_xlsx_rows(out, title="t", columns=[Column("n", 2, "int"), Column("x", 2)], rows=rows) == n
    book = load_workbook(out)
    assert book.worksheets[0].max_row == n + 1
    assert dict(book.worksheets[1].iter_rows(values_only=True))[_("Rows")] == n
