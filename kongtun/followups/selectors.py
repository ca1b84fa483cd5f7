"""Reads for the follow-up of running projects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from django.db.models import QuerySet, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kongtun.core.thai import baht_in_words, format_baht, format_date
from kongtun.followups.checklists import ITEM_LABEL
from kongtun.followups.models import (
    ActivityReport,
    ClosingProblem,
    PaymentPeriod,
    ProjectClosing,
    ReportParticipant,
    ReportPhoto,
    ReportSpending,
    SatisfactionAnswer,
    ValueAssessment,
    ValueDimension,
)
from kongtun.projects.models import APPROVED_STATUSES, Activity, Project, ProjectTargetGroup, Status


@dataclass
class Progress:
    """How far a running project has come: activities, money and deadlines."""

    activities_planned: int = 0
    activities_done: int = 0
    unplanned_reports: int = 0
    reports: int = 0
    approved: Decimal = Decimal("0")
    spent: Decimal = Decimal("0")
    periods_total: Decimal = Decimal("0")
    due_date: dt.date | None = None
    is_late: bool = False
    late_reports: list[ActivityReport] = field(default_factory=list)
    overdue_activities: list[Any] = field(default_factory=list)

    @property
    def activities_percent(self) -> int:
        if not self.activities_planned:
            return 0
        return min(100, round(100 * self.activities_done / self.activities_planned))

    @property
    def spent_percent(self) -> int:
        if not self.approved:
            return 0
        return min(100, round(100 * self.spent / self.approved))

    @property
    def activities_bar(self) -> int:
        """The percentage rounded to tens, for the CSS width classes (no inline styles)."""
        return round(self.activities_percent, -1)

    @property
    def spent_bar(self) -> int:
        return round(self.spent_percent, -1)

    @property
    def remaining(self) -> Decimal:
        return self.approved - self.spent


def report_list(project: Project) -> QuerySet[ActivityReport]:
    return (
        ActivityReport.objects.filter(project=project)
        .annotate(total_spent=Sum("spending__amount"))
        .select_related("activity", "reporter")
        .prefetch_related("participants", "spending", "photos")
    )


def project_photos(project: Project) -> QuerySet[ReportPhoto]:
    """Every photo of the project's activity reports, in the order of the reports."""
    return (
        ReportPhoto.objects.filter(report__project=project)
        .select_related("report")
        .order_by("report__date", "report_id", "pk")
    )


def period_list(project: Project) -> QuerySet[PaymentPeriod]:
    return PaymentPeriod.objects.filter(project=project)


def project_spent(project: Project) -> Decimal:
    total = ReportSpending.objects.filter(report__project=project).aggregate(s=Sum("amount"))["s"]
    return total or Decimal("0")


def project_progress(project: Project, *, today: dt.date | None = None) -> Progress:
    today = today or timezone.localdate()
    reports = list(ActivityReport.objects.filter(project=project).only("pk", "activity_id", "date", "title"))
    activities = list(project.activities.all())
    done_ids = {r.activity_id for r in reports if r.activity_id}
    due = project.report_due_date
    still_running = project.status == Status.RUNNING
    progress = Progress(
        activities_planned=len(activities),
        activities_done=len([a for a in activities if a.pk in done_ids]),
        unplanned_reports=len([r for r in reports if r.activity_id is None]),
        reports=len(reports),
        approved=project.approved_budget or Decimal("0"),
        spent=project_spent(project),
        periods_total=PaymentPeriod.objects.filter(project=project).aggregate(s=Sum("amount"))["s"]
        or Decimal("0"),
        due_date=due,
    )
    if due is not None:
        progress.late_reports = [r for r in reports if r.date > due]
        progress.is_late = still_running and today > due
    progress.overdue_activities = [
        a for a in activities if still_running and a.pk not in done_ids and a.end_date and a.end_date < today
    ]
    return progress


def closing_of(project: Project) -> ProjectClosing | None:
    """The project's closing in force (not reopened), if it is closed."""
    return ProjectClosing.objects.filter(project=project, reopened_at=None).first()


def value_assessment_of(project: Project) -> dict[str, ValueAssessment]:
    return {v.item: v for v in ValueAssessment.objects.filter(project=project)}


def satisfaction_of(project: Project) -> dict[int, int]:
    return dict(SatisfactionAnswer.objects.filter(project=project).values_list("question_id", "score"))


def report_output(report: ActivityReport) -> int:
    """What a report counts as its activity's output: the count it gives or, when it gives none, the
    persons who took part (an output is most often the number of people at a meeting or trained, as
    the final report's note says), so that reporting the participants is enough."""
    if report.actual_output_count is not None:
        return report.actual_output_count
    return sum(p.actual for p in report.participants.all())


@dataclass
class ActivityResult:
    """Part 1 of the final report: one planned activity and what its reports say."""

    number: int
    title: str
    planned_output: str
    planned_count: int
    actual_count: int
    reports: list[ActivityReport]
    activity: Activity | None = None

    @property
    def dates(self) -> list[dt.date]:
        return [r.date for r in self.reports]

    @property
    def photos(self) -> list[ReportPhoto]:
        """The photos of its reports chosen for the final report."""
        return [p for r in self.reports for p in r.photos.all() if p.in_final_report]


@dataclass
class GroupCount:
    """One target group in Part 2: the persons planned, and those who took part as the activity
    reports add them up, unless a different number was entered on the results page (when the same
    people came to several activities, the sum counts them more than once)."""

    name: str
    planned: int
    reported: int
    corrected: int | None = None
    group: ProjectTargetGroup | None = None

    @property
    def actual(self) -> int:
        return self.reported if self.corrected is None else self.corrected


def participants_by_group(project: Project) -> list[GroupCount]:
    """Per target group of the project, planned and actual persons; then any group the reports
    counted that the project did not plan for."""
    sums = (
        ReportParticipant.objects.filter(report__project=project)
        .values("group_id", "name")
        .annotate(total=Sum("actual"))
        .order_by("group_id", "name")
    )
    reported: dict[int, int] = {}
    unplanned: dict[str, int] = {}
    for row in sums:
        if row["group_id"] is not None:
            reported[row["group_id"]] = reported.get(row["group_id"], 0) + row["total"]
        elif row["total"]:
            unplanned[row["name"]] = unplanned.get(row["name"], 0) + row["total"]
    counts = [
        GroupCount(g.name, g.planned_count, reported.get(g.pk, 0), g.actual_count, g)
        for g in project.target_groups.all()
    ]
    return counts + [GroupCount(name, 0, total) for name, total in unplanned.items()]


def activity_results(project: Project) -> list[ActivityResult]:
    reports = list(report_list(project).order_by("date", "pk"))
    by_activity: dict[int | None, list[ActivityReport]] = {}
    for report in reports:
        by_activity.setdefault(report.activity_id, []).append(report)
    results = []
    for number, activity in enumerate(project.activities.all(), start=1):
        own = by_activity.get(activity.pk, [])
        results.append(
            ActivityResult(
                number=number,
                title=activity.title,
                planned_output=activity.planned_output,
                planned_count=activity.planned_output_count or 0,
                actual_count=sum(report_output(r) for r in own),
                reports=own,
                activity=activity,
            )
        )
    for report in by_activity.get(None, []):
        results.append(
            ActivityResult(
                number=len(results) + 1,
                title=report.title,
                planned_output="",
                planned_count=0,
                actual_count=report_output(report),
                reports=[report],
            )
        )
    return results


@dataclass
class Gap:
    """One thing missing before printing, and where to put it right."""

    text: str
    url: str = ""
    fix: str = ""

    def __str__(self) -> str:
        return self.text


def readiness_gaps(
    project: Project,
    results: list[ActivityResult] | None = None,
    counts: list[GroupCount] | None = None,
) -> list[Gap]:
    """What is missing before the final report can be printed, in the order of the report."""
    results = activity_results(project) if results is None else results
    counts = participants_by_group(project) if counts is None else counts
    results_url = reverse("followups:results", args=[project.pk])
    final_url = reverse("followups:final_report", args=[project.pk]) + "#readiness"
    gaps: list[Gap] = []
    if not project.abstract.strip():
        gaps.append(
            Gap(_("No abstract has been written."), f"{results_url}#id_abstract", _("Write the abstract"))
        )
    if not any(c.group for c in counts):
        gaps.append(Gap(_("No target group has been entered.")))
    reports_url = reverse("followups:project", args=[project.pk]) + "#reports"
    for count in counts:
        if count.group is None:
            continue
        if not count.planned:
            gaps.append(
                Gap(
                    _("Target group “%(group)s” has 0 persons planned.") % {"group": count.name},
                    f"{results_url}#id_planned_{count.group.pk}",
                    _("Enter the number planned"),
                )
            )
        if not count.actual:
            gaps.append(
                Gap(
                    _("Target group “%(group)s”: the number of persons who took part is 0.")
                    % {"group": count.name},
                    reports_url,
                    _("Enter the persons taking part in the activity reports"),
                )
            )
    for result in results:
        names = {"n": result.number, "title": result.title}
        if result.activity is not None and not result.reports:
            url = reverse("followups:report_create", args=[project.pk])
            url += f"?activity={result.activity.pk}&next={quote(final_url)}"
            gaps.append(
                Gap(_("Activity %(n)s “%(title)s” has no activity report.") % names, url, _("Report it"))
            )
        if not result.actual_count:
            url = (
                reverse("followups:report_edit", args=[result.reports[0].pk])
                + f"?next={quote(final_url)}#id_actual_output_count"
                if result.reports
                else ""
            )
            gaps.append(
                Gap(
                    _("Activity %(n)s “%(title)s”: the actual output is 0.") % names,
                    url,
                    _("Enter the output"),
                )
            )
    for number, objective in enumerate(project.objectives.all(), start=1):
        indicators = list(objective.indicators.all())
        if not indicators or any(i.result is None for i in indicators):
            anchor = f"#id_result_{indicators[0].pk}" if indicators else ""
            gaps.append(
                Gap(
                    _("Objective %(n)s has no result for its indicators.") % {"n": number},
                    f"{results_url}{anchor}",
                    _("Enter the result"),
                )
            )
    if not project_spent(project):
        url = reverse("followups:project", args=[project.pk]) + "#reports"
        gaps.append(Gap(_("No spending has been reported."), url, _("Add spending to an activity report")))
    return gaps


def readiness(project: Project, results: list[ActivityResult] | None = None) -> list[str]:
    return [gap.text for gap in readiness_gaps(project, results)]


def reported_problems(results: list[ActivityResult]) -> list[ClosingProblem]:
    """The problems and suggestions the activity reports noted: the final report's table until
    the proposer writes one of their own on the results page."""
    return [
        ClosingProblem(problem=r.problems, suggestion=r.suggestions)
        for res in results
        for r in res.reports
        if r.problems.strip()
    ]


def _area(project: Project) -> str:
    return project.location or project.fund.name


def final_report_context(project: Project, *, public: bool = False) -> dict[str, Any]:
    """Everything the final report prints, in the order of the field's รายงานฉบับสมบูรณ์."""
    project = Project.objects.select_related("fund__province", "fund__district", "main_target_group").get(
        pk=project.pk
    )
    results = activity_results(project)
    groups = participants_by_group(project)
    objectives = list(project.objectives.prefetch_related("indicators"))
    funder = project.fund.name
    area = _area(project)
    planned_total = sum(g.planned for g in groups)
    actual_total = sum(g.actual for g in groups)
    group_names = ", ".join(g.name for g in groups if g.group) or (
        project.main_target_group.name if project.main_target_group else _("members of the community")
    )
    approved = project.approved_budget or Decimal("0")
    period = f"{format_date(project.start_date)} - {format_date(project.end_date)}"
    acknowledgement = [
        _(
            "“%(title)s” was carried out successfully with the cooperation of the members of the "
            "community of %(area)s."
        )
        % {"title": project.title, "area": area},
        _(
            "The project team thanks %(funder)s for funding the project, the partner networks of "
            "the area for their support, help and advice, and finally everyone not named here who "
            "played an important part in making the work last in the area."
        )
        % {"funder": funder},
    ]
    abstract_intro = _(
        "The project “%(title)s” was carried out in %(area)s, project code %(code)s, from "
        "%(period)s, with a budget of %(amount)s (%(words)s) from %(funder)s to carry out its "
        "activities, for %(groups)s, %(count)s persons. At the end of the project, the results were as "
        "follows."
    ) % {
        "title": project.title,
        "area": area,
        "code": project.code or "-",
        "period": period,
        "amount": format_baht(approved),
        "words": baht_in_words(approved),
        "funder": funder,
        "groups": group_names,
        "count": f"{planned_total:,}",
    }
    problems = list(ClosingProblem.objects.filter(project=project)) or reported_problems(results)
    scores = list(SatisfactionAnswer.objects.filter(project=project).select_related("question"))
    values = [v for v in ValueAssessment.objects.filter(project=project) if v.achieved]
    return {
        "project": project,
        "fund": project.fund,
        "funder": funder,
        "area": area,
        "province": project.fund.province.name_th if project.fund.province_id else "",
        "leaders": "" if public else project.responsible_people,
        "period": period,
        "acknowledgement": acknowledgement,
        "abstract_intro": abstract_intro,
        "objectives": objectives,
        "results": results,
        "target_groups": groups,
        "planned_total": planned_total,
        "actual_total": actual_total,
        "problems": problems,
        "satisfaction": scores,
        "satisfaction_average": (sum(s.score for s in scores) / len(scores)) if scores else None,
        "values": [(v, ITEM_LABEL.get(v.item, v.item), ValueDimension(v.dimension).label) for v in values],
        "closing": closing_of(project),
        "spent": project_spent(project),
        "approved": approved,
        "public": public,
    }


def fund_followups(fund: Any, *, today: dt.date | None = None) -> list[tuple[Project, Progress]]:
    """The approved projects of a fund with their progress, late ones first."""
    projects = Project.objects.filter(fund=fund, status__in=APPROVED_STATUSES).prefetch_related("activities")
    rows = [(p, project_progress(p, today=today)) for p in projects.order_by("-fiscal_year", "title")]
    return sorted(rows, key=lambda row: (not row[1].is_late, not row[1].overdue_activities))
