"""The dashboards' documents: the area progress report (PDF, and the same tables as a workbook) and
the project list behind the numbers (a workbook)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal

from django.utils.translation import gettext as _

from kongtun.core.thai import format_date
from kongtun.dashboards.selectors import Dashboard, Figures, NhsoRow
from kongtun.dashboards.trends import Comparison, Trend, TrendLine, median_label
from kongtun.projects.models import Project
from kongtun.reports.document import (
    Block,
    Cell,
    Column,
    Document,
    Heading,
    Kind,
    Paragraph,
    Row,
    Table,
    Value,
)

NAME_WIDTH = 7.26  # 44 % of the page: the figures share the rest


def _figure(label: str, width: float = 2.31, kind: Kind = "int", *, detail: bool = False) -> Column:
    return Column(label, width, kind, detail=detail)


def progress_report_document(board: Dashboard, *, printed_on: dt.date) -> Document:
    scope = board.scope
    stem = f"progress-{scope.level}{'-' + scope.code if scope.code else ''}-{scope.fiscal_year}"
    blocks: list[Block] = [
        Heading(_("Area progress report"), level=1),
        Paragraph(
            f"{scope.name} · " + _("fiscal year %(year)s") % {"year": scope.fiscal_year}, align="center"
        ),
        Paragraph(" ".join((_("Printed on"), format_date(printed_on))), align="center", muted=True),
        Heading(_("Summary")),
        _summary(board),
        Heading(_("Plans and projects by issue")),
        _by_issue(board),
        Paragraph(_("Issues with neither plans nor proposals this year are left out."), muted=True),
        Paragraph(
            _(
                "A project that belongs to plans of several issues counts once in every total and once "
                "under each of its issues, so the issue rows can add up to more than the total: "
                "%(total)s approved projects, %(sum)s when added up by issue."
            )
            % {"total": board.approved, "sum": board.issue_project_sum},
            muted=True,
        ),
    ]
    if board.children:
        blocks += [Heading(_("By area")), _by_area(board)]
    blocks += [
        Heading(_("By support type")),
        _by_support_type(board),
        Heading(_("By status")),
        Table(
            [Column(_("Status"), 12.5), _figure(_("Proposals"), 4)],
            [Row([label, n]) for _key, label, n in board.by_status],
            title=_("By status"),
        ),
    ]
    title = _("Progress report: %(name)s, fiscal year %(year)s") % {
        "name": scope.name,
        "year": scope.fiscal_year,
    }
    return Document(title=title, filename=stem, blocks=blocks)


def _summary(board: Dashboard) -> Table:
    scope = board.scope
    rows = [
        Row([_("Area"), scope.name], detail=True),
        Row([_("Fiscal year"), Cell(scope.fiscal_year, kind="text")], detail=True),
    ]
    if scope.level != "fund":
        rows.append(Row([_("Funds"), board.funds]))
        rows += [Row([f"    {label}", n]) for key, label, n in board.funds_by_role if key != "none"]
    rows += [
        Row([_("Funds with situation data this year"), board.funds_with_situation]),
        Row([_("Plans"), board.plans]),
        Row([_("Proposals"), board.proposals]),
        Row([_("Approved projects"), board.approved]),
        Row([_("Requested budget of approved projects (baht)"), Cell(board.requested, kind="money")]),
        Row([_("Approved budget (baht)"), Cell(board.approved_budget, kind="money")]),
        Row([_("Spent (baht)"), Cell(board.spent, kind="money")]),
        Row([_("Activities reported"), board.reports]),
    ]
    return Table([Column(_("Figure"), 12), _figure(_("Value"), 4.5)], rows, title=_("Summary"))


def _figures(row: Figures) -> list[Value]:
    """The values under `_project_figures`."""
    return [row.proposals, row.approved, row.requested, row.approved_budget, row.spent, row.reports]


def _project_figures() -> list[Column]:
    return [
        _figure(_("Proposals")),
        _figure(_("Approved projects")),
        _figure(_("Requested (baht)"), kind="money", detail=True),
        _figure(_("Approved (baht)"), kind="money"),
        _figure(_("Spent (baht)"), kind="money", detail=True),
        _figure(_("Activities reported"), detail=True),
    ]


def _by_issue(board: Dashboard) -> Table:
    columns = [
        Column(_("Issue"), NAME_WIDTH),
        _figure(_("Funds with situation data"), detail=True),
        _figure(_("Plans")),
        _figure(_("Plan budget (baht)"), kind="money", detail=True),
        *_project_figures(),
    ]
    rows = [
        Row([r.label, r.situation_funds, r.plans, r.plan_budget, *_figures(r)]) for r in board.issues_at_work
    ]
    if rows:
        total: list[Value] = [_("Total, each project once"), board.funds_with_situation]
        total += [board.plans, board.plan_budget]
        rows.append(Row([*total, *_figures(board)], "total"))
    return Table(columns, rows, title=_("By issue"), empty=_("No plans or projects in this year yet."))


def _by_support_type(board: Dashboard) -> Table:
    rows = [Row([r.label, *_figures(r)]) for r in board.by_support_type]
    columns = [Column(_("Support type"), NAME_WIDTH + 2.31), *_project_figures()]
    return Table(columns, rows, title=_("By support type"))


def _by_area(board: Dashboard) -> Table:
    district = board.scope.level == "district"
    columns = [
        Column(_("Fund") if district else _("Area"), NAME_WIDTH),
        _figure(_("Funds"), detail=district),
        _figure(_("Plans"), 1.85),
        _figure(_("Proposals"), 1.85),
        _figure(_("Approved projects"), 1.85),
        _figure(_("Approved (baht)"), 1.85, kind="money"),
    ]
    rows = [
        Row([c.label, c.funds, c.plans, c.proposals, c.approved, c.approved_budget]) for c in board.children
    ]
    return Table(columns, rows, title=_("By area"))


def project_list_columns() -> list[Column]:
    """The columns of the project list's workbook (`dashboards.jobs`)."""
    return [
        Column(_("Fiscal year"), 2),
        Column(_("Fund code"), 2),
        Column(_("Fund"), 4),
        Column(_("Project code"), 2),
        Column(_("Project title"), 6),
        Column(_("Status"), 2),
        Column(_("Support type"), 2),
        Column(_("Requested (baht)"), 2.5, "money"),
        Column(_("Approved (baht)"), 2.5, "money"),
    ]


def project_list_row(p: Project) -> list[Value]:
    return [
        p.fiscal_year,
        p.fund.code,
        p.fund.name,
        p.code or "",
        p.title,
        p.get_status_display(),
        str(p.support_type or ""),
        p.requested_budget,
        p.approved_budget,
    ]


def _trend_value(line: TrendLine, value: Decimal | None) -> Cell:
    return Cell(value, kind="money" if line.is_money else "number")


def trend_tables(the_trend: Trend) -> list[Table]:
    """One table per figure: each year's value of the area beside the median of its parent's
    areas (the figures of the chart above it on the page)."""
    median = median_label(the_trend)
    tables = []
    for line in the_trend.lines:
        if not line.has_data:
            continue
        columns = [
            Column(_("Fiscal year"), 3, align="left"),
            Column(the_trend.scope.name, 6.5, "number", empty="–"),
        ]
        if median:
            columns.append(Column(median, 6.5, "number", empty="–"))
        rows = []
        for year, (value, middle) in line.year_rows:
            cells: list[Value | Cell] = [Cell(year, kind="text"), _trend_value(line, value)]
            if median:
                cells.append(_trend_value(line, middle))
            rows.append(Row(cells))
        title = f"{line.label} ({line.unit})" if line.unit else line.label
        tables.append(Table(columns, rows, title=title))
    return tables


def trend_document(the_trend: Trend, *, printed_on: dt.date) -> Document:
    scope = the_trend.scope
    years = f"{the_trend.years[0]}–{the_trend.years[-1]}"
    title = _("Trends: %(name)s, fiscal years %(years)s") % {"name": scope.name, "years": years}
    blocks: list[Block] = [
        Heading(title, level=1),
        Paragraph(" ".join((_("Printed on"), format_date(printed_on))), align="center", muted=True),
    ]
    for table in trend_tables(the_trend):
        blocks += [Heading(table.title), table]
    stem = f"trends-{scope.level}{'-' + scope.code if scope.code else ''}-{the_trend.years[-1]}"
    return Document(title=title, filename=stem, blocks=blocks)


def compare_document(comparison: Comparison, *, printed_on: dt.date) -> Document:
    """The areas one level down for one figure, with the median and spread: fits one A4 width."""
    scope = comparison.scope
    label = f"{comparison.label} ({comparison.unit})" if comparison.unit else comparison.label
    kind: Kind = "money" if comparison.is_money else "number"
    rows: list[Row] = [
        Row([n, r.child.label, Cell(r.value, kind=kind)]) for n, r in enumerate(comparison.rows, start=1)
    ]
    spread = [
        (_("Median"), comparison.median),
        (_("Lowest"), comparison.low),
        (_("Highest"), comparison.high),
    ]
    if comparison.quartiles:
        spread += [
            (_("Lower quartile"), comparison.quartiles[0]),
            (_("Upper quartile"), comparison.quartiles[1]),
        ]
    rows += [Row(["", name, Cell(value, kind=kind)], "total") for name, value in spread]
    table = Table(
        [Column(_("No."), 1.5, "int"), Column(_("Area"), 9.5), Column(label, 5, kind, empty="–")],
        rows,
        title=_("Compare areas"),
    )
    title = _("Compare areas: %(figure)s, %(name)s, fiscal year %(year)s") % {
        "figure": comparison.label,
        "name": scope.name,
        "year": scope.fiscal_year,
    }
    blocks: list[Block] = [
        Heading(title, level=1),
        Paragraph(" ".join((_("Printed on"), format_date(printed_on))), align="center", muted=True),
        table,
    ]
    stem = f"compare-{scope.level}{'-' + scope.code if scope.code else ''}-{scope.fiscal_year}"
    return Document(title=title, filename=stem, blocks=blocks)


NHSO_COLUMNS: list[tuple[str, Kind]] = [
    ("REPORT_ID", "text"),
    ("FUND_CODE", "text"),
    ("BUDGET_YEAR", "number"),
    ("MONTH_ID", "number"),
    ("BALANCE_FORWARD", "money"),
    ("REVENUE", "money"),
    ("EXPENDITURE", "money"),
]


def nhso_export_document(scope_name: str, fiscal_year: int, month: int, rows: Iterable[NhsoRow]) -> Document:
    """The NHSO export as one table whose header row is NHSO's column names (a workbook of the same
    rows as the JSON: its first sheet, header in row 1, sums as numbers)."""
    columns = [Column(name, 2.4, kind) for name, kind in NHSO_COLUMNS]
    body = [
        Row(
            [r.report_id, r.fund_code, r.budget_year, r.month_id, r.balance_forward, r.revenue, r.expenditure]
        )
        for r in rows
    ]
    title = _("NHSO export %(year)s month %(month)s: %(scope)s") % {
        "year": fiscal_year,
        "month": month,
        "scope": scope_name,
    }
    table = Table(columns=columns, rows=body, title="NHSO", empty="")
    return Document(title=title, filename=f"nhso-{fiscal_year}-{month:02d}", blocks=[table])
