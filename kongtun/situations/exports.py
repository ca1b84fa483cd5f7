"""Files out: the import template and the export of values, as Excel (openpyxl) or CSV."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from kongtun.core.thai import format_input_date
from kongtun.funds.models import Fund
from kongtun.reports.document import Column, Document, Kind, Row, Table
from kongtun.reports.to_csv import render_csv
from kongtun.reports.to_xlsx import render_xlsx
from kongtun.situations.selectors import issue_indicators, values_for_export, year_issues
from kongtun.situations.services import COLUMNS


def template_rows(*, funds: QuerySet[Fund], fiscal_year: int) -> list[list[Any]]:
    """One row per fund × indicator of the year's issues, this year's value filled in if known."""
    indicators = [i for issue in year_issues(fiscal_year) for i in issue_indicators(issue)]
    known = {(v.fund_id, v.indicator_id): v for v in values_for_export(funds=funds, fiscal_year=fiscal_year)}
    rows = []
    for fund in funds.order_by("code"):
        for ind in indicators:
            v = known.get((fund.pk, ind.pk))
            rows.append(
                [
                    fund.code,
                    fiscal_year,
                    ind.code,
                    ind.name,
                    ind.unit,
                    v.value if v else None,
                    v.source if v else "",
                    format_input_date(v.survey_date) if v else "",
                ]
            )
    return rows


def export_rows(*, funds: QuerySet[Fund], fiscal_year: int | None) -> list[list[Any]]:
    return [
        [
            v.fund.code,
            v.fiscal_year,
            v.indicator.code,
            v.indicator.name,
            v.indicator.unit,
            v.value,
            v.source,
            format_input_date(v.survey_date),
        ]
        for v in values_for_export(funds=funds, fiscal_year=fiscal_year)
    ]


def _labels() -> list[str]:
    return [
        _("Fund code"),
        _("Fiscal year (B.E.)"),
        _("Indicator code"),
        _("Indicator"),
        _("Unit"),
        _("Value"),
        _("Source"),
        _("Survey date (dd/mm/yyyy B.E.)"),
    ]


def xlsx_bytes(rows: Iterable[list[Any]]) -> bytes:
    """Row 1: the column names the import reads; row 2 onward: data. A second sheet explains."""
    kinds: dict[str, Kind] = {"value": "number"}
    data = Table(
        [Column(name, 3, kinds.get(name, "text")) for name in COLUMNS], [Row(r) for r in rows], "data"
    )
    help_rows = [
        Row([_("Fill in the value column; leave it empty for what was not surveyed."), None]),
        Row([_("Do not change the first row or the codes."), None]),
        *(Row([name, label]) for name, label in zip(COLUMNS, _labels(), strict=True)),
    ]
    how = Table([Column("", 4), Column("", 12)], help_rows, _("How to fill in"), header=False)
    return render_xlsx(Document(title=_("Health situation"), filename="situation", blocks=[data, how]))


def csv_bytes(rows: Iterable[list[Any]]) -> bytes:
    return render_csv(COLUMNS, rows)
