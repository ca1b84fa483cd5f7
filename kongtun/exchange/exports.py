"""What a fund's records look like in a file: one row per record, columns named as the import
reads them, dates as ISO (2025-10-01, Christian Era) so that any program reads them, money and
counts as numbers. Each entity's columns are documented on the formats page (`views.formats`)."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from kongtun.exchange.keys import keys_of
from kongtun.followups.models import ActivityReport
from kongtun.funds.models import Fund
from kongtun.plans.models import Plan
from kongtun.projects.models import Activity, BudgetLine, ExpenseGroup, Project
from kongtun.reports.cells import FORMULA_START
from kongtun.reports.document import Column, Document, Kind, Row, Table
from kongtun.reports.to_xlsx import render_xlsx
from kongtun.situations.models import SituationValue
from kongtun.situations.services import COLUMNS as SITUATION_COLUMNS

PROJECT, ACTIVITY, REPORT = "projects.project", "projects.activity", "followups.activityreport"

Record = dict[str, Any]

PROJECT_COLUMNS = [
    "key",
    "fund_code",
    "fiscal_year",
    "code",
    "title",
    "status",
    "organisation",
    "responsible_people",
    "location",
    "plans",
    "support_type",
    "org_type",
    "main_target_group",
    "rationale",
    "start_date",
    "end_date",
    "expected_results",
    "abstract",
    "requested_budget",
    "meeting_no",
    "meeting_date",
    "approved_budget",
    "decision_note",
    "report_due_date",
    "agreement_no",
]
ACTIVITY_COLUMNS = [
    "key",
    "project_key",
    "order",
    "title",
    "details",
    "planned_output",
    "planned_output_count",
    "start_date",
    "end_date",
]
BUDGET_LINE_COLUMNS = [
    "activity_key",
    "line",
    "expense_group",
    "description",
    "quantity",
    "unit_cost",
    "amount",
]
REPORT_COLUMNS = [
    *[
        "key",
        "project_key",
        "activity_key",
        "title",
        "date",
        "done",
        "results",
        "actual_output_count",
        "rating",
    ],
    *["problems", "suggestions", "help_needed", "mentor_advice", "participants"],
    *(f"spending_{g}" for g in ExpenseGroup.values),
]
# Columns an import does not need: figures the system works out, names that go with a code.
OPTIONAL_COLUMNS = {"requested_budget", "indicator_name", "unit", "key", "order", "line", "activity_key"}
PLAN_COLUMNS = ["fund_code", "fiscal_year", "issue_code", "situation", "objective", "approach", "budget"]
NUMBER: Kind = "number"
NUMBERS: dict[str, Kind] = {
    name: NUMBER
    for name in [
        "fiscal_year",
        "requested_budget",
        "approved_budget",
        "order",
        "planned_output_count",
        "line",
        "quantity",
        "unit_cost",
        "amount",
        "actual_output_count",
        "rating",
        "budget",
        "value",
    ]
} | {f"spending_{g}": NUMBER for g in ExpenseGroup.values}


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _code(obj: Any) -> str:
    return obj.code if obj is not None else ""


def project_record(p: Project, key: str) -> Record:
    return {
        "key": key,
        "fund_code": p.fund.code,
        "fiscal_year": p.fiscal_year,
        "code": p.code or "",
        "title": p.title,
        "status": p.status,
        "organisation": p.organisation,
        "responsible_people": p.responsible_people,
        "location": p.location,
        "plans": ";".join(sorted(plan.issue.code for plan in p.plans.all())),
        "support_type": _code(p.support_type),
        "org_type": _code(p.org_type),
        "main_target_group": _code(p.main_target_group),
        "rationale": p.rationale,
        "start_date": _date(p.start_date),
        "end_date": _date(p.end_date),
        "expected_results": p.expected_results,
        "abstract": p.abstract,
        "requested_budget": p.requested_budget,
        "meeting_no": p.meeting_no,
        "meeting_date": _date(p.meeting_date),
        "approved_budget": p.approved_budget,
        "decision_note": p.decision_note,
        "report_due_date": _date(p.report_due_date),
        "agreement_no": p.agreement_no,
    }


def project_records(fund: Fund) -> list[Record]:
    projects = list(
        Project.objects.filter(fund=fund)
        .select_related("fund", "support_type", "org_type", "main_target_group")
        .prefetch_related(Prefetch("plans", Plan.objects.select_related("issue")))
        .order_by("fiscal_year", "pk")
    )
    keys = keys_of(PROJECT, [p.pk for p in projects])
    return [project_record(p, keys[p.pk]) for p in projects]


def activity_record(a: Activity, project_key: str, key: str) -> Record:
    return {
        "key": key,
        "project_key": project_key,
        "order": a.order,
        "title": a.title,
        "details": a.details,
        "planned_output": a.planned_output,
        "planned_output_count": a.planned_output_count,
        "start_date": _date(a.start_date),
        "end_date": _date(a.end_date),
    }


def activity_records(fund: Fund) -> list[Record]:
    activities = list(
        Activity.objects.filter(project__fund=fund).order_by(
            "project__fiscal_year", "project_id", "order", "pk"
        )
    )
    projects = keys_of(PROJECT, {a.project_id for a in activities})
    keys = keys_of(ACTIVITY, [a.pk for a in activities])
    return [activity_record(a, projects[a.project_id], keys[a.pk]) for a in activities]


def budget_line_records(fund: Fund) -> list[Record]:
    lines = list(
        BudgetLine.objects.filter(activity__project__fund=fund).order_by(
            "activity__project__fiscal_year", "activity__project_id", "activity__order", "activity_id", "pk"
        )
    )
    keys = keys_of(ACTIVITY, {line.activity_id for line in lines})
    numbers: dict[int, int] = defaultdict(int)
    records = []
    for line in lines:
        numbers[line.activity_id] += 1
        records.append(
            {
                "activity_key": keys[line.activity_id],
                "line": numbers[line.activity_id],
                "expense_group": line.expense_group,
                "description": line.description,
                "quantity": line.quantity,
                "unit_cost": line.unit_cost,
                "amount": line.amount,
            }
        )
    return records


def participants_text(rows: list[tuple[str, int, int]]) -> str:
    return "; ".join(f"{name}|{planned}|{actual}" for name, planned, actual in rows)


def report_record(r: ActivityReport, project_key: str, activity_key: str, key: str) -> Record:
    spent: dict[str, Decimal] = defaultdict(Decimal)
    for line in r.spending.all():
        spent[line.expense_group] += line.amount
    return {
        "key": key,
        "project_key": project_key,
        "activity_key": activity_key,
        "title": r.title,
        "date": _date(r.date),
        "done": r.done,
        "results": r.results,
        "actual_output_count": r.actual_output_count,
        "rating": r.rating,
        "problems": r.problems,
        "suggestions": r.suggestions,
        "help_needed": r.help_needed,
        "mentor_advice": r.mentor_advice,
        "participants": participants_text([(p.name, p.planned, p.actual) for p in r.participants.all()]),
        **{f"spending_{g}": spent.get(g) for g in ExpenseGroup.values},
    }


def report_records(fund: Fund) -> list[Record]:
    reports = list(
        ActivityReport.objects.filter(project__fund=fund)
        .prefetch_related("participants", "spending")
        .order_by("project__fiscal_year", "project_id", "date", "pk")
    )
    projects = keys_of(PROJECT, {r.project_id for r in reports})
    activities = keys_of(ACTIVITY, {r.activity_id for r in reports if r.activity_id})
    keys = keys_of(REPORT, [r.pk for r in reports])
    return [
        report_record(r, projects[r.project_id], activities.get(r.activity_id or 0, ""), keys[r.pk])
        for r in reports
    ]


def plan_record(p: Plan) -> Record:
    return {
        "fund_code": p.fund.code,
        "fiscal_year": p.fiscal_year,
        "issue_code": p.issue.code,
        "situation": p.situation,
        "objective": p.objective,
        "approach": p.approach,
        "budget": p.budget,
    }


def plan_records(fund: Fund) -> list[Record]:
    plans = Plan.objects.filter(fund=fund).select_related("fund", "issue")
    return [plan_record(p) for p in plans.order_by("fiscal_year", "issue__code")]


def situation_records(fund: Fund) -> list[Record]:
    values = SituationValue.objects.filter(fund=fund).select_related("indicator")
    return [
        {
            "fund_code": fund.code,
            "fiscal_year": v.fiscal_year,
            "indicator_code": v.indicator.code,
            "indicator_name": v.indicator.name,
            "unit": v.indicator.unit,
            "value": v.value,
            "source": v.source,
            "survey_date": _date(v.survey_date),
        }
        for v in values.order_by("fiscal_year", "indicator__code")
    ]


@dataclass(frozen=True)
class Format:
    """An entity's file: its columns and how its records are read from the database."""

    name: str
    label: str | Promise
    columns: list[str]
    records: Callable[[Fund], list[Record]]


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("situation-values", _lazy("Situation values"), list(SITUATION_COLUMNS), situation_records),
        Format("plans", _lazy("Plans"), PLAN_COLUMNS, plan_records),
        Format("projects", _lazy("Projects"), PROJECT_COLUMNS, project_records),
        Format("activities", _lazy("Activities"), ACTIVITY_COLUMNS, activity_records),
        Format("budget-lines", _lazy("Budget lines"), BUDGET_LINE_COLUMNS, budget_line_records),
        Format("activity-reports", _lazy("Activity reports"), REPORT_COLUMNS, report_records),
    )
}


def _cells(fmt: Format, records: list[Record]) -> list[list[Any]]:
    return [[r.get(c) for c in fmt.columns] for r in records]


def xlsx_bytes(fmt: Format, records: list[Record], title: str) -> bytes:
    """Row 1 holds the column names the import reads; typed text is never a formula."""
    data = Table(
        [Column(c, 3, NUMBERS.get(c, "text")) for c in fmt.columns],
        [Row(r) for r in _cells(fmt, records)],
        fmt.name,
    )
    return render_xlsx(Document(title=title, filename=fmt.name, blocks=[data]))


def guard(text: str) -> str:
    """A text cell that a spreadsheet would run as a formula starts with an apostrophe in CSV (the
    import takes it off again)."""
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_bytes(fmt: Format, records: list[Record]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(fmt.columns)
    for row in _cells(fmt, records):
        writer.writerow(["" if v is None else guard(v) if isinstance(v, str) else v for v in row])
    return out.getvalue().encode("utf-8-sig")


def export_file(fund: Fund, name: str, kind: str) -> tuple[bytes, str, str]:
    """(content, content type, file name) of a fund's `name` records as `kind` (xlsx or csv)."""
    fmt = FORMATS[name]
    records = fmt.records(fund)
    filename = f"{fund.code}-{fmt.name}.{kind}"
    if kind == "csv":
        return csv_bytes(fmt, records), "text/csv; charset=utf-8", filename
    title = _("Records of %(fund)s") % {"fund": fund.code}
    return (
        xlsx_bytes(fmt, records, title),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        filename,
    )
