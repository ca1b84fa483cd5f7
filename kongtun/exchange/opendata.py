"""The whole programme's public data of one fiscal year as open data: one CSV and one Excel file per
entity (funds, plans, approved projects, their activity reports, situation values) in a zip with a
README of the columns, made by the queue (`reports.exporters`) and listed on a public page.

Only what the public may read goes in: approved projects and their reports, never a draft; no
column that holds personal data (leaders, reporters, contacts, the fund's phone, the mentor's
exchange with the proposer), and every free text passes `core.privacy.redact`, which masks phone
numbers, e-mail addresses and ID numbers that were typed into it.
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, BinaryIO

from django.db.models import Model, Prefetch, QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kongtun.accounts.models import User
from kongtun.core.privacy import hidden_mark, redact
from kongtun.followups.models import ActivityReport
from kongtun.funds.models import Fund, FundYear
from kongtun.plans.models import Plan
from kongtun.programme.models import ProgrammeYear
from kongtun.projects.models import PUBLIC_STATUSES, Project
from kongtun.reports.document import Column, Kind
from kongtun.reports.exporters import Output, Progress, chunked, exporter
from kongtun.reports.models import ExportJob
from kongtun.reports.services import export_job_start
from kongtun.reports.to_csv import write_csv_rows
from kongtun.reports.to_xlsx import write_xlsx_rows
from kongtun.situations.models import SituationValue

OPEN_DATA = "exchange.open_data"


@dataclass(frozen=True)
class Field:
    name: str
    about: str | Promise
    kind: Kind = "text"


@dataclass(frozen=True)
class Entity:
    """One file of the export: its columns and how its rows are read for a fiscal year."""

    name: str
    label: str | Promise
    fields: list[Field]
    rows: Callable[[int], QuerySet[Any]]
    row: Callable[[Any], list[Any]]


def _text(value: str) -> str:
    return redact(value or "")


def _date(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def _code(obj: Model | None) -> str:
    return str(getattr(obj, "code", "")) if obj is not None else ""


FY = Field("fiscal_year", gettext_lazy("Fiscal year (Buddhist Era)"), "int")
FUND_CODE = Field("fund_code", gettext_lazy("Fund code (as on the site)"))


def _funds(year: int) -> QuerySet[Fund]:
    """The active funds, with their figures of the year where they have them."""
    this_year = Prefetch("years", FundYear.objects.filter(fiscal_year=year), to_attr="this_year")
    return (
        Fund.objects.filter(is_active=True)
        .select_related("district", "province", "region")
        .prefetch_related(this_year)
        .order_by("code")
    )


def _fund_row(f: Any) -> list[Any]:
    year = f.this_year[0] if f.this_year else None
    return [
        f.code,
        f.name,
        f.get_lg_type_display(),
        f.lg_name,
        f.district_id,
        str(f.district),
        f.province_id,
        str(f.province),
        f.region.number,
        year.registered_population if year else None,
        year.programme_role if year else "",
    ]


def _plans(year: int) -> QuerySet[Plan]:
    return (
        Plan.objects.filter(fiscal_year=year)
        .select_related("fund", "issue")
        .order_by("fund__code", "issue__code")
    )


def _plan_row(p: Plan) -> list[Any]:
    return [
        p.fund.code,
        p.fiscal_year,
        p.issue.code,
        str(p.issue),
        _text(p.situation),
        _text(p.objective),
        _text(p.approach),
        p.budget,
    ]


def _projects(year: int) -> QuerySet[Project]:
    return (
        Project.objects.filter(fiscal_year=year, status__in=PUBLIC_STATUSES)
        .select_related("fund", "support_type", "org_type", "main_target_group")
        .prefetch_related(Prefetch("plans", Plan.objects.select_related("issue")))
        .order_by("fund__code", "pk")
    )


def _project_row(p: Project) -> list[Any]:
    return [
        p.pk,
        p.fund.code,
        p.fiscal_year,
        p.code or "",
        _text(p.title),
        p.status,
        _text(p.organisation),
        ";".join(sorted({plan.issue.code for plan in p.plans.all()})),
        _code(p.support_type),
        _code(p.org_type),
        _code(p.main_target_group),
        _text(p.rationale),
        _date(p.start_date),
        _date(p.end_date),
        _text(p.expected_results),
        _text(p.abstract),
        p.requested_budget,
        p.approved_budget,
    ]


def _reports(year: int) -> QuerySet[ActivityReport]:
    return (
        ActivityReport.objects.filter(project__fiscal_year=year, project__status__in=PUBLIC_STATUSES)
        .select_related("project__fund")
        .prefetch_related("participants", "spending")
        .order_by("project__fund__code", "project_id", "date", "pk")
    )


def _report_row(r: ActivityReport) -> list[Any]:
    participants = list(r.participants.all())
    return [
        r.pk,
        r.project_id,
        r.project.fund.code,
        _date(r.date),
        _text(r.title),
        _text(r.done),
        _text(r.results),
        r.actual_output_count,
        r.rating,
        _text(r.problems),
        _text(r.suggestions),
        sum(p.planned for p in participants),
        sum(p.actual for p in participants),
        sum((line.amount for line in r.spending.all()), Decimal(0)),
    ]


def _situation(year: int) -> QuerySet[SituationValue]:
    return (
        SituationValue.objects.filter(fiscal_year=year)
        .select_related("fund", "indicator")
        .order_by("fund__code", "indicator__code")
    )


def _situation_row(v: SituationValue) -> list[Any]:
    return [
        v.fund.code,
        v.fiscal_year,
        v.indicator.code,
        v.indicator.name,
        v.indicator.unit,
        v.value,
        _text(v.source),
        _date(v.survey_date),
    ]


ENTITIES: list[Entity] = [
    Entity(
        "funds",
        gettext_lazy("Funds"),
        [
            FUND_CODE,
            Field("name", gettext_lazy("Fund name")),
            Field("lg_type", gettext_lazy("Type of local government")),
            Field("lg_name", gettext_lazy("Local government")),
            Field("district_code", gettext_lazy("District (DOPA code, 4 digits)")),
            Field("district", gettext_lazy("District name")),
            Field("province_code", gettext_lazy("Province (DOPA code, 2 digits)")),
            Field("province", gettext_lazy("Province name")),
            Field("nhso_region", gettext_lazy("NHSO region (1-13)"), "int"),
            Field("registered_population", gettext_lazy("Registered population of the year"), "int"),
            Field("programme_role", gettext_lazy("The fund's programme role in the year")),
        ],
        _funds,
        _fund_row,
    ),
    Entity(
        "plans",
        gettext_lazy("Plans"),
        [
            FUND_CODE,
            FY,
            Field("issue_code", gettext_lazy("Issue code")),
            Field("issue", gettext_lazy("Issue")),
            Field("situation", gettext_lazy("Situation and problems")),
            Field("objective", gettext_lazy("Objective")),
            Field("approach", gettext_lazy("Approach")),
            Field("budget", gettext_lazy("Budget (baht)"), "money"),
        ],
        _plans,
        _plan_row,
    ),
    Entity(
        "projects",
        gettext_lazy("Approved projects"),
        [
            Field("project_id", gettext_lazy("Project number on the site (/projects/<number>/)"), "int"),
            FUND_CODE,
            FY,
            Field("code", gettext_lazy("Project code")),
            Field("title", gettext_lazy("Title")),
            Field("status", gettext_lazy("Status (approved, running, completed, terminated, suspended)")),
            Field("organisation", gettext_lazy("Proposing organisation")),
            Field("issues", gettext_lazy("Issue codes of its plans, separated by ;")),
            Field("support_type", gettext_lazy("Support type (10(1)-10(5))")),
            Field("org_type", gettext_lazy("Type of responsible organisation")),
            Field("main_target_group", gettext_lazy("Main target group")),
            Field("rationale", gettext_lazy("Rationale")),
            Field("start_date", gettext_lazy("Start (YYYY-MM-DD, Christian Era)")),
            Field("end_date", gettext_lazy("End (YYYY-MM-DD, Christian Era)")),
            Field("expected_results", gettext_lazy("Expected results")),
            Field("abstract", gettext_lazy("Abstract")),
            Field("requested_budget", gettext_lazy("Requested budget (baht)"), "money"),
            Field("approved_budget", gettext_lazy("Approved budget (baht)"), "money"),
        ],
        _projects,
        _project_row,
    ),
    Entity(
        "activity-reports",
        gettext_lazy("Activity reports"),
        [
            Field("report_id", gettext_lazy("Report number"), "int"),
            Field("project_id", gettext_lazy("Project number (projects.project_id)"), "int"),
            FUND_CODE,
            Field("date", gettext_lazy("Date of the activity (YYYY-MM-DD)")),
            Field("title", gettext_lazy("Activity")),
            Field("done", gettext_lazy("What was done")),
            Field("results", gettext_lazy("What came of it (outputs / outcomes)")),
            Field("actual_output_count", gettext_lazy("Actual output (count)"), "int"),
            Field("rating", gettext_lazy("Achievement (1-5)"), "int"),
            Field("problems", gettext_lazy("Problems")),
            Field("suggestions", gettext_lazy("Suggestions")),
            Field("participants_planned", gettext_lazy("Participants planned (persons)"), "int"),
            Field("participants_actual", gettext_lazy("Participants actual (persons)"), "int"),
            Field("spent", gettext_lazy("Money spent (baht)"), "money"),
        ],
        _reports,
        _report_row,
    ),
    Entity(
        "situation-values",
        gettext_lazy("Situation values"),
        [
            FUND_CODE,
            FY,
            Field("indicator_code", gettext_lazy("Indicator code")),
            Field("indicator", gettext_lazy("Indicator")),
            Field("unit", gettext_lazy("Unit")),
            Field("value", gettext_lazy("Value"), "number"),
            Field("source", gettext_lazy("Source")),
            Field("survey_date", gettext_lazy("Survey date (YYYY-MM-DD)")),
        ],
        _situation,
        _situation_row,
    ),
]


def _rows(entity: Entity, year: int, progress: Progress, done: int) -> Iterator[list[Any]]:
    return (entity.row(obj) for obj in chunked(entity.rows(year), progress, done=done))


def _entry(book: zipfile.ZipFile, name: str) -> BinaryIO:
    entry = zipfile.ZipInfo(name, date_time=timezone.localtime().timetuple()[:6])
    entry.compress_type = zipfile.ZIP_DEFLATED
    return book.open(entry, "w")  # type: ignore[return-value]  # a binary file opened for writing


def open_data_zip(year: int, out: BinaryIO, progress: Progress) -> int:
    """Write the year's zip to `out`; returns the number of records (each is in its CSV and its
    workbook). The rows are read twice, once per format, never held in memory."""
    counts = {entity.name: entity.rows(year).count() for entity in ENTITIES}
    total = sum(counts.values())
    progress(0, 2 * total)
    written: dict[str, int] = {}
    done = 0
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        for entity in ENTITIES:
            header = [field.name for field in entity.fields]
            with _entry(book, f"{entity.name}.csv") as csv_file:
                written[entity.name] = write_csv_rows(csv_file, header, _rows(entity, year, progress, done))
            done += written[entity.name]
            columns = [Column(field.name, 3, field.kind) for field in entity.fields]
            with tempfile.TemporaryFile() as workbook:
                write_xlsx_rows(
                    workbook,
                    title=f"{entity.name}-{year}",
                    columns=columns,
                    rows=_rows(entity, year, progress, done),
                    about=[(_("Fiscal year"), year), (_("Contents"), str(entity.label))],
                )
                workbook.seek(0)
                with _entry(book, f"{entity.name}.xlsx") as xlsx_file:
                    shutil.copyfileobj(workbook, xlsx_file)
            done += written[entity.name]
        with _entry(book, "README.md") as readme:
            readme.write(readme_text(year, written).encode("utf-8"))
    return sum(written.values())


def readme_text(year: int, counts: dict[str, int]) -> str:
    lines = [
        "# " + _("Open data of the community health funds, fiscal year %(year)s") % {"year": year},
        "",
        _("Made on %(date)s by Kongtun.") % {"date": timezone.localdate().isoformat()},
        "",
        _(
            "Public data only: approved projects and their activity reports, never a draft. Names of "
            "leaders, reporters and contacts, phone numbers and the exchange with mentors are left "
            "out; phone numbers, e-mail addresses and ID numbers typed into the texts are replaced "
            "by “%(mark)s”."
        )
        % {"mark": hidden_mark()},
        "",
        _(
            "Each file comes twice, as CSV (UTF-8 with a byte-order mark; text that would start a "
            "formula begins with an apostrophe) and as an Excel workbook. Dates are YYYY-MM-DD in "
            "the Christian Era; fiscal years are Buddhist Era; money is in baht."
        ),
    ]
    for entity in ENTITIES:
        lines += [
            "",
            f"## {entity.name}.csv, {entity.name}.xlsx — {entity.label}",
            "",
            _("%(count)s rows.") % {"count": f"{counts.get(entity.name, 0):,}"},
            "",
            "| " + _("column") + " | " + _("what it holds") + " |",
            "|---|---|",
            *[f"| `{field.name}` | {field.about} |" for field in entity.fields],
        ]
    return "\n".join(lines) + "\n"


@exporter(OPEN_DATA)
def open_data_export(params: dict[str, Any], out: BinaryIO, progress: Progress) -> Output:
    year = int(params["year"])
    return Output(f"kongtun-open-data-{year}.zip", open_data_zip(year, out, progress))


def open_data_years() -> list[int]:
    """The fiscal years of the programme and of its approved projects, newest first."""
    years = set(ProgrammeYear.objects.values_list("fiscal_year", flat=True))
    approved = Project.objects.filter(status__in=PUBLIC_STATUSES)
    years |= set(approved.values_list("fiscal_year", flat=True).distinct())
    return sorted(years, reverse=True)


def open_data_start(*, year: int, user: User | None) -> ExportJob:
    """Ask the queue for the year's open-data file (public once ready)."""
    title = _("Open data, fiscal year %(year)s") % {"year": year}
    return export_job_start(kind=OPEN_DATA, params={"year": year}, title=title, user=user, public=True)
