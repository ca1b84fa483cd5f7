"""Export every record of a fund, empty the database of them, import the files back: the same
records come out again, row for row."""

from __future__ import annotations

import csv
import io
from typing import Any

from kongtun.conftest import login
from kongtun.exchange.exports import FORMATS
from kongtun.exchange.models import RecordKey
from kongtun.exchange.tests.builders import fill_fund
from kongtun.followups.models import ActivityReport
from kongtun.plans.models import Plan
from kongtun.projects.models import Project
from kongtun.situations.models import SituationValue


def _rows(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def _export(client: Any, kind: str = "csv") -> dict[str, bytes]:
    files = {}
    for name in FORMATS:
        response = client.get(f"/exchange/fund/L9001/{name}.{kind}")
        assert response.status_code == 200
        files[name] = response.content
    return files


def _empty_the_fund(fund: Any) -> None:
    ActivityReport.objects.filter(project__fund=fund).delete()
    Project.objects.filter(fund=fund).delete()
    Plan.objects.filter(fund=fund).delete()
    SituationValue.objects.filter(fund=fund).delete()
    RecordKey.objects.all().delete()


def _import(client: Any, name: str, content: bytes, kind: str) -> Any:
    upload = io.BytesIO(content)
    upload.name = f"{name}.{kind}"
    return client.post("/exchange/fund/L9001/", {"entity": name, "file": upload})


def test_export_import_into_an_empty_database_gives_the_same_records(story, capsys):
    fill_fund(story)
    officer = login(story.officer_a)
    before = _export(officer)
    exported = {name: len(_rows(c)) - 1 for name, c in before.items()}
    assert all(exported.values()), exported
    _empty_the_fund(story.fund_a)
    assert not Project.objects.filter(fund=story.fund_a).exists()
    imported = {}
    for name, content in before.items():
        response = _import(officer, name, content, "csv")
        outcome = response.context.get("outcome")
        assert outcome is not None, (
            name,
            response.context.get("row_errors"),
            response.context["form"].errors,
        )
        imported[name] = outcome.total
    after = _export(officer)
    equal = {
        name: sum(a == b for a, b in zip(_rows(before[name])[1:], _rows(after[name])[1:], strict=False))
        for name in before
    }
    for name in before:
        assert _rows(after[name]) == _rows(before[name]), name
    with capsys.disabled():
        print(
            "\nround trip (exported/imported/equal):",
            {n: f"{exported[n]}/{imported[n]}/{equal[n]}" for n in before},
        )
    # Read back a second time: nothing changes.
    again = _import(officer, "projects", after["projects"], "csv")
    assert again.context.get("outcome") is not None, again.context.get("row_errors")
    assert again.context["outcome"].unchanged == exported["projects"]


def test_excel_files_round_trip_too(story):
    fill_fund(story)
    officer = login(story.officer_a)
    before = _export(officer, "csv")
    workbooks = _export(officer, "xlsx")
    _empty_the_fund(story.fund_a)
    for name, content in workbooks.items():
        response = _import(officer, name, content, "xlsx")
        assert response.context.get("outcome") is not None, (name, response.context.get("row_errors"))
    assert _export(officer, "csv") == before
