"""Imports of a fund's records, one entity per file, all rows or none.

Every row is read by the web's own form for that record (`forms.py`) and written by the web's own
services (`project_create`, `project_update_*`, `activity_save`, `report_create`/`report_update`,
`plan_save`, `situation_values_bulk_upsert`), so a row the web would refuse is refused here, with
the Thai reason and the row's number. A row equal to the record as it stands is left alone, so a
file read twice changes nothing.

Restoring: a record whose key the database does not hold is created as the file gives it, in the
status it has there (a project brought from another database keeps being approved; its status is
never *changed* by an import: that is the project page's verbs). An approved project's plan is
locked on the web; an import may give activities, budget lines or reports to such a project only
while it has none (restoring it), and never edits what it has.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from typing import IO, Any

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kongtun.accounts.models import User
from kongtun.core.events import changed
from kongtun.exchange import exports
from kongtun.exchange.exports import ACTIVITY, FORMATS, PROJECT, REPORT, Record
from kongtun.exchange.forms import (
    ActivityRowForm,
    BudgetLineRowForm,
    PlanRowForm,
    ProjectRowForm,
    ReportRowForm,
)
from kongtun.exchange.keys import key_record, object_id_of
from kongtun.followups.models import ActivityReport, ReportParticipant, ReportSpending
from kongtun.followups.services import report_advise, report_create, report_update
from kongtun.funds.models import Fund
from kongtun.plans.models import Plan
from kongtun.plans.services import plan_save
from kongtun.projects.models import Activity, BudgetLine, ExpenseGroup, Project, Status
from kongtun.projects.services import (
    EDITABLE_STATUSES,
    activity_save,
    project_create,
    project_recalculate_budget,
    project_update_general,
    project_update_period,
    project_update_plans,
    project_update_results,
    project_update_situation,
)
from kongtun.situations.services import RowErrors, situation_values_bulk_upsert

MAX_ROWS = 20_000


@dataclass
class Outcome:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


# Reading a file ------------------------------------------------------------------------------


def _unguard(value: Any) -> Any:
    """Take off the apostrophe the CSV export puts before text a spreadsheet would run."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(exports.FORMULA_START):
        return value[1:]
    return value


def file_rows(*, upload: IO[bytes], filename: str, columns: Sequence[str]) -> list[tuple[int, Record]]:
    """The rows of an .xlsx or .csv file as (row number, {column: value}); row 1 names the columns
    (those the system works out itself may be left out)."""
    name = filename.lower()
    if name.endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(upload, read_only=True, data_only=True).worksheets[0]
            raw = [list(r) for r in sheet.iter_rows(values_only=True)]
        except Exception:
            raise ValidationError(_("The file could not be read as an Excel (.xlsx) file.")) from None
    elif name.endswith(".csv"):
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError(_("The CSV file must be saved as UTF-8.")) from None
        raw = [[_unguard(c) for c in r] for r in csv.reader(io.StringIO(text))]
    else:
        raise ValidationError(_("Upload an .xlsx or .csv file."))
    if not raw:
        raise ValidationError(_("The file is empty."))
    header = [str(c or "").strip() for c in raw[0]]
    missing = [c for c in columns if c not in header and c not in exports.OPTIONAL_COLUMNS]
    if missing:
        raise ValidationError(
            _("The first row must hold the column names of the format; missing: %(cols)s.")
            % {"cols": ", ".join(missing)}
        )
    if len(raw) - 1 > MAX_ROWS:
        raise ValidationError(_("A file may hold at most %(max)s rows.") % {"max": f"{MAX_ROWS:,}"})
    rows = []
    for number, cells in enumerate(raw[1:], start=2):
        if all(c in (None, "") for c in cells):
            continue
        values = {h: cells[i] if i < len(cells) else None for i, h in enumerate(header) if h in columns}
        rows.append((number, {k: "" if v is None else v for k, v in values.items()}))
    return rows


# Checking rows with the web's forms ----------------------------------------------------------


def _as_text(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value if isinstance(value, str) else str(value)


def _clean(form_class: type[forms.Form], raw: Record) -> dict[str, Any]:
    form = form_class(data={k: _as_text(v) for k, v in raw.items()})
    if not form.is_valid():
        messages = []
        for name, errors in form.errors.items():
            label = form.fields[name].label if name in form.fields else None
            messages += [f"{label or name}: {e}" if name != "__all__" else str(e) for e in errors]
        raise ValidationError(messages)
    return form.cleaned_data


def _same(form_class: type[forms.Form], cleaned: dict[str, Any], current: Record) -> bool:
    """Whether a row says what the record says now (both read by the same form)."""
    now = _clean(form_class, current)
    return all(now.get(k) == v for k, v in cleaned.items() if k != "key")


@dataclass
class Context:
    user: User
    fund: Fund
    outcome: Outcome = field(default_factory=Outcome)
    errors: list[tuple[int, str]] = field(default_factory=list)

    def run(self, number: int, write: Callable[[], str], count: int = 1) -> None:
        """Write one row (or `count` rows) in a savepoint; a refusal is kept with the row's number."""
        try:
            with transaction.atomic():
                result = write()
        except ValidationError as exc:
            self.errors.append((number, " ".join(_messages(exc))))
            return
        setattr(self.outcome, result, getattr(self.outcome, result) + count)


def _messages(exc: ValidationError) -> list[str]:
    if hasattr(exc, "error_dict"):
        return [m for messages in exc.message_dict.values() for m in messages]
    return list(exc.messages)


def _fund_row(ctx: Context, data: dict[str, Any]) -> None:
    if data["fund_code"] != ctx.fund.code:
        raise ValidationError(
            _("the row is for fund %(code)s; this file may only hold rows of %(fund)s.")
            % {"code": data["fund_code"], "fund": ctx.fund.code}
        )


def _project(ctx: Context, key: str) -> Project:
    pk = object_id_of(PROJECT, key)
    project = Project.objects.filter(pk=pk, fund=ctx.fund).first() if pk else None
    if project is None:
        raise ValidationError(
            _("no project of this fund has the key “%(key)s”; import the projects first.") % {"key": key}
        )
    return project


def _activity(ctx: Context, key: str) -> Activity:
    pk = object_id_of(ACTIVITY, key)
    activity = (
        Activity.objects.filter(pk=pk, project__fund=ctx.fund).select_related("project").first()
        if pk
        else None
    )
    if activity is None:
        raise ValidationError(
            _("no activity of this fund has the key “%(key)s”; import the activities first.") % {"key": key}
        )
    return activity


def _locked(project: Project) -> ValidationError:
    return ValidationError(
        _("the project “%(title)s” is %(status)s: what it holds cannot be changed by an import.")
        % {"title": project.title, "status": project.get_status_display()}
    )


# Entities ------------------------------------------------------------------------------------


def _plans_of(ctx: Context, fiscal_year: int, codes: list[str]) -> list[Plan]:
    plans = list(Plan.objects.filter(fund=ctx.fund, fiscal_year=fiscal_year, issue__code__in=codes))
    missing = sorted(set(codes) - {p.issue.code for p in plans})
    if missing:
        raise ValidationError(
            _("the fund has no plan for %(issues)s in %(year)s; import the plans first.")
            % {"issues": ", ".join(missing), "year": fiscal_year}
        )
    return plans


LOCKED_PROJECT_FIELDS = [
    "fund_code",
    "fiscal_year",
    "code",
    "status",
    "meeting_no",
    "meeting_date",
    "approved_budget",
    "decision_note",
    "report_due_date",
    "agreement_no",
]


def _project_row(ctx: Context, raw: Record) -> str:
    data = _clean(ProjectRowForm, raw)
    _fund_row(ctx, data)
    plans = _plans_of(ctx, data["fiscal_year"], data["plans"])
    pk = object_id_of(PROJECT, data["key"]) if data["key"] else None
    project = Project.objects.filter(pk=pk, fund=ctx.fund).first() if pk else None
    if data["code"] and Project.objects.filter(code=data["code"]).exclude(pk=pk or 0).exists():
        raise ValidationError(_("another project already has the code %(code)s.") % {"code": data["code"]})
    if project is None:
        project = project_create(
            fund=ctx.fund,
            user=ctx.user,
            title=data["title"],
            fiscal_year=data["fiscal_year"],
            organisation=data["organisation"],
            responsible_people=data["responsible_people"],
            location=data["location"],
            plans=plans,
            **{
                name: data[name] or None for name in ("code", "support_type", "org_type", "main_target_group")
            },
            **{name: data[name] for name in ("status", "rationale", "start_date", "end_date")},
            **{name: data[name] for name in ("expected_results", "abstract", "meeting_no", "meeting_date")},
            **{name: data[name] for name in ("approved_budget", "decision_note", "report_due_date")},
            agreement_no=data["agreement_no"],
        )
        key_record(PROJECT, project.pk, data["key"])
        return "created"
    current = exports.project_record(project, data["key"])
    if _same(ProjectRowForm, data, current):
        return "unchanged"
    now = _clean(ProjectRowForm, current)
    if any(now[name] != data[name] for name in LOCKED_PROJECT_FIELDS):
        raise ValidationError(
            _("the status, code and committee decision of a project are changed on its page, not here.")
        )
    if project.status not in EDITABLE_STATUSES:
        raise _locked(project)
    project_update_general(
        project=project,
        title=data["title"],
        organisation=data["organisation"],
        responsible_people=data["responsible_people"],
        location=data["location"],
    )
    project_update_plans(
        project=project,
        plans=plans,
        support_type=data["support_type"],
        org_type=data["org_type"],
        main_target_group=data["main_target_group"],
    )
    problems = [
        {"problem": p.problem, "size": p.size, "indicator": p.indicator} for p in project.problems.all()
    ]
    project_update_situation(project=project, rationale=data["rationale"], problems=problems)
    project_update_period(project=project, start_date=data["start_date"], end_date=data["end_date"])
    project_update_results(
        project=project, expected_results=data["expected_results"], abstract=data["abstract"]
    )
    return "updated"


ACTIVITY_FIELDS = ("title", "details", "planned_output", "planned_output_count", "start_date", "end_date")


def _line_rows(activity: Activity) -> list[dict[str, Any]]:
    return [
        {
            "expense_group": b.expense_group,
            "description": b.description,
            "quantity": b.quantity,
            "unit_cost": b.unit_cost,
            "amount": b.amount,
        }
        for b in activity.budget_lines.all()
    ]


def _activity_rows(ctx: Context, rows: list[tuple[int, Record]]) -> None:
    filled = set(Activity.objects.filter(project__fund=ctx.fund).values_list("project_id", flat=True))

    def write(raw: Record) -> str:
        data = _clean(ActivityRowForm, raw)
        project = _project(ctx, data["project_key"])
        pk = object_id_of(ACTIVITY, data["key"]) if data["key"] else None
        activity = Activity.objects.filter(pk=pk, project=project).first() if pk else None
        fields = {name: data[name] for name in ACTIVITY_FIELDS}
        if activity is not None:
            if _same(
                ActivityRowForm, data, exports.activity_record(activity, data["project_key"], data["key"])
            ):
                return "unchanged"
            if project.status not in EDITABLE_STATUSES:
                raise _locked(project)
            activity_save(project=project, activity=activity, budget_lines=_line_rows(activity), **fields)
            result = "updated"
        elif project.status in EDITABLE_STATUSES:
            activity = activity_save(project=project, **fields)
            result = "created"
        elif project.pk not in filled:  # restoring an approved project's plan
            if fields["start_date"] and fields["end_date"] and fields["end_date"] < fields["start_date"]:
                raise ValidationError(_("An activity cannot end before it starts."))
            activity = Activity(project=project, order=data["order"] or 0, **fields)
            activity.full_clean()
            activity.save()
            changed(project)
            result = "created"
        else:
            raise _locked(project)
        if data["order"] is not None and activity.order != data["order"]:
            Activity.objects.filter(pk=activity.pk).update(order=data["order"])
        key_record(ACTIVITY, activity.pk, data["key"])
        return result

    for number, raw in rows:
        ctx.run(number, partial(write, raw))


def _budget_line_rows(ctx: Context, rows: list[tuple[int, Record]]) -> None:
    """The lines of an activity in the file replace its lines (as on the activity's page)."""
    groups: dict[str, list[tuple[int, Record]]] = defaultdict(list)
    for number, raw in rows:
        groups[str(raw.get("activity_key") or "").strip()].append((number, raw))

    def write(key: str, cleaned: list[dict[str, Any]]) -> str:
        cleaned.sort(key=lambda d: d["line"] or 0)
        activity = _activity(ctx, key)
        lines = [_line(d) for d in cleaned]
        if lines == [_line(d) for d in _line_rows(activity)]:
            return "unchanged"
        project = activity.project
        if project.status in EDITABLE_STATUSES:
            had = activity.budget_lines.exists()
            fields = {name: getattr(activity, name) for name in ACTIVITY_FIELDS}
            activity_save(project=project, activity=activity, budget_lines=lines, **fields)
            return "updated" if had else "created"
        if activity.budget_lines.exists():
            raise _locked(project)
        BudgetLine.objects.bulk_create([BudgetLine(activity=activity, **line) for line in lines])
        project_recalculate_budget(project=project)
        return "created"

    for key, group in groups.items():
        cleaned = []
        for number, raw in group:  # each line is checked on its own, so each refusal names its row
            try:
                cleaned.append(_clean(BudgetLineRowForm, raw))
                _line(cleaned[-1])
            except ValidationError as exc:
                ctx.errors.append((number, " ".join(_messages(exc))))
        if len(cleaned) == len(group):
            ctx.run(group[0][0], partial(write, key, cleaned), count=len(group))


def _line(data: dict[str, Any]) -> dict[str, Any]:
    """A budget line as `activity_save` takes it; its amount is quantity × unit cost when a unit cost
    is given, and must then agree with the file."""
    quantity = Decimal(data["quantity"] if data["quantity"] is not None else 1)
    unit_cost = Decimal(data["unit_cost"] or 0)
    amount = Decimal(data["amount"] or 0)
    if unit_cost and amount and quantity * unit_cost != amount:
        raise ValidationError(
            _("the amount %(amount)s is not quantity × unit cost (%(total)s).")
            % {"amount": amount, "total": quantity * unit_cost}
        )
    return {
        "expense_group": data["expense_group"],
        "description": data["description"],
        "quantity": quantity,
        "unit_cost": unit_cost,
        "amount": quantity * unit_cost if unit_cost else amount,
    }


REPORT_FIELDS = (
    *("title", "date", "done", "results", "actual_output_count", "rating", "problems"),
    *("suggestions", "help_needed"),
)
CLOSED = (Status.COMPLETED, Status.TERMINATED, Status.SUSPENDED)


def _participants(project: Project, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Participants as `report_create` takes them, each tied to the project's target group of that name."""
    groups = {g.name: g for g in project.target_groups.all()}
    return [row | {"project_target_group": groups.get(row["name"])} for row in rows]


def _spending(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {"expense_group": g, "amount": data[f"spending_{g}"]}
        for g in ExpenseGroup.values
        if data[f"spending_{g}"]
    ]


def _report_restore(
    project: Project, user: User, activity: Activity | None, data: dict[str, Any]
) -> ActivityReport:
    """A closed project's report brought back from a file (the web reports running projects only)."""
    fields = {name: data[name] for name in REPORT_FIELDS}
    fields["title"] = fields["title"] or (activity.title if activity else "")
    report = ActivityReport(project=project, activity=activity, reporter=user, **fields)
    report.mentor_advice = data["mentor_advice"]
    report.full_clean()
    report.save()
    for row in _participants(project, data["participants"]):
        group = row["project_target_group"]
        ReportParticipant.objects.create(
            report=report,
            group=group,
            target_group=group.target_group if group else None,
            name=row["name"],
            planned=row["planned"],
            actual=row["actual"],
        )
    ReportSpending.objects.bulk_create([ReportSpending(report=report, **line) for line in _spending(data)])
    changed(report)
    return report


def _report_rows(ctx: Context, rows: list[tuple[int, Record]]) -> None:
    reported = set(ActivityReport.objects.filter(project__fund=ctx.fund).values_list("project_id", flat=True))

    def write(raw: Record) -> str:
        data = _clean(ReportRowForm, raw)
        project = _project(ctx, data["project_key"])
        activity = _activity(ctx, data["activity_key"]) if data["activity_key"] else None
        pk = object_id_of(REPORT, data["key"]) if data["key"] else None
        report = ActivityReport.objects.filter(pk=pk, project=project).first() if pk else None
        participants, spending = _participants(project, data["participants"]), _spending(data)
        fields = {name: data[name] for name in REPORT_FIELDS}
        if report is not None:
            current = exports.report_record(report, data["project_key"], data["activity_key"], data["key"])
            if _same(ReportRowForm, data, current):
                return "unchanged"
            if project.status != Status.RUNNING:
                raise _locked(project)
            report = report_update(
                report=report, activity=activity, participants=participants, spending=spending, **fields
            )
            result = "updated"
        elif project.status == Status.RUNNING:
            report = report_create(
                project=project,
                by=ctx.user,
                activity=activity,
                participants=participants,
                spending=spending,
                **fields,
            )
            result = "created"
        elif project.status in CLOSED and project.pk not in reported:
            report = _report_restore(project, ctx.user, activity, data)
            result = "created"
        else:
            raise ValidationError(
                _("the project “%(title)s” is %(status)s: its activities are reported once it is approved.")
                % {"title": project.title, "status": project.get_status_display()}
            )
        if report.mentor_advice != data["mentor_advice"]:
            report_advise(report=report, advice=data["mentor_advice"])
        key_record(REPORT, report.pk, data["key"])
        return result

    for number, raw in rows:
        ctx.run(number, partial(write, raw))


def _plan_row(ctx: Context, raw: Record) -> str:
    data = _clean(PlanRowForm, raw)
    _fund_row(ctx, data)
    plan = Plan.objects.filter(
        fund=ctx.fund, fiscal_year=data["fiscal_year"], issue=data["issue_code"]
    ).first()
    fields = {name: data[name] for name in ("situation", "objective", "approach")}
    fields["budget"] = data["budget"]
    if plan is None:
        plan_save(
            fund=ctx.fund,
            fiscal_year=data["fiscal_year"],
            issue=data["issue_code"],
            user=ctx.user,
            targets=[],
            projects=[],
            **fields,
        )
        return "created"
    if _same(PlanRowForm, data, exports.plan_record(plan)):
        return "unchanged"
    targets = [
        {"indicator": t.indicator, "problem": t.problem, "baseline": t.baseline, "target": t.target}
        for t in plan.targets.select_related("indicator")
    ]
    projects = [
        {
            "id": p.pk,
            "title": p.title,
            "support_type": p.support_type,
            "org_type": p.org_type,
            "budget": p.budget,
        }
        for p in plan.planned_projects.select_related("support_type", "org_type")
    ]
    plan_save(
        fund=ctx.fund,
        fiscal_year=plan.fiscal_year,
        issue=plan.issue,
        user=ctx.user,
        plan=plan,
        targets=targets,
        projects=projects,
        **fields,
    )
    return "updated"


def _each_row(write: Callable[[Context, Record], str]) -> Callable[[Context, list[tuple[int, Record]]], None]:
    def load(ctx: Context, rows: list[tuple[int, Record]]) -> None:
        for number, raw in rows:
            ctx.run(number, partial(write, ctx, raw))

    return load


def _situation_rows(ctx: Context, rows: list[tuple[int, Record]]) -> None:
    """Through the situation app's own bulk upsert (its validation, its messages)."""
    own = []
    for number, raw in rows:
        if str(raw.get("fund_code") or "").strip() != ctx.fund.code:
            ctx.errors.append(
                (number, _("this file may only hold rows of %(fund)s.") % {"fund": ctx.fund.code})
            )
        else:
            own.append(raw | {"row": number})
    try:
        saved = situation_values_bulk_upsert(user=ctx.user, rows=own)
    except RowErrors as exc:
        ctx.errors += exc.row_errors
        return
    ctx.outcome.updated += len(saved)


LOADERS: dict[str, Callable[[Context, list[tuple[int, Record]]], None]] = {
    "situation-values": _situation_rows,
    "plans": _each_row(_plan_row),
    "projects": _each_row(_project_row),
    "activities": _activity_rows,
    "budget-lines": _budget_line_rows,
    "activity-reports": _report_rows,
}


def records_import(*, user: User, fund: Fund, entity: str, rows: list[tuple[int, Record]]) -> Outcome:
    """Import `entity` records into `fund`, rows given as (row number, {column: value}): every row, or
    none (RowErrors lists each refused row with its Thai reason)."""
    if not rows:
        raise ValidationError(_("The file has no rows to import."))
    ctx = Context(user=user, fund=fund)
    with transaction.atomic():
        LOADERS[entity](ctx, rows)
        if ctx.errors:
            raise RowErrors(sorted(ctx.errors))
    return ctx.outcome


def file_import(*, user: User, fund: Fund, entity: str, upload: IO[bytes], filename: str) -> Outcome:
    """Import one file (.xlsx or .csv) of `entity` records."""
    rows = file_rows(upload=upload, filename=filename, columns=FORMATS[entity].columns)
    return records_import(user=user, fund=fund, entity=entity, rows=rows)


def rows_of(items: Iterable[Record]) -> list[tuple[int, Record]]:
    """Rows given as data (the API), numbered as a file's rows would be (the header is row 1)."""
    return list(enumerate(items, start=2))
