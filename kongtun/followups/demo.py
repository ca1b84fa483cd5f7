"""Demo step: the project of seed 002 entered whole under its real funder in Ratchaburi (idempotent).

Works with or without the projects app's demo step: everything it needs is made here with the ORM.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from kongtun.accounts.models import User
from kongtun.areas.models import District
from kongtun.core.thai import fiscal_year_of
from kongtun.followups import seed002, services
from kongtun.funds.models import Fund
from kongtun.projects.models import (
    Activity,
    Objective,
    ObjectiveIndicator,
    Project,
    ProjectTargetGroup,
    Status,
)


@transaction.atomic
def seed002_project(*, fund: Fund, proposer: Any = None) -> Project:
    """The seed-002 project with its 13 activities and their reports, as the seed prints them."""
    existing = Project.objects.filter(fund=fund, title=seed002.TITLE).first()
    if existing is not None:
        return existing
    start, end = dt.date(*seed002.START), dt.date(*seed002.END)
    project = Project.objects.create(
        fund=fund,
        fiscal_year=fiscal_year_of(start),
        title=seed002.TITLE,
        status=Status.RUNNING,
        proposer=proposer,
        organisation=fund.name,
        responsible_people=seed002.LEADERS,
        location=seed002.LOCATION,
        rationale=seed002.RATIONALE,
        start_date=start,
        end_date=end,
        requested_budget=Decimal(seed002.BUDGET),
        approved_budget=Decimal(seed002.BUDGET),
        report_due_date=end + dt.timedelta(days=30),
    )
    for order, (text, indicator, target) in enumerate(seed002.OBJECTIVES, start=1):
        objective = Objective.objects.create(project=project, text=text, order=order)
        ObjectiveIndicator.objects.create(objective=objective, name=indicator, target=Decimal(target))
    ProjectTargetGroup.objects.create(project=project, name=seed002.TARGET_GROUP, planned_count=0)
    for order, (title, day, planned, done, results) in enumerate(seed002.ACTIVITIES, start=1):
        date = dt.date(*day)
        activity = Activity.objects.create(
            project=project,
            order=order,
            title=title,
            planned_output_count=planned,
            start_date=date,
            end_date=date,
        )
        # The seed prints an actual output of 0 for every activity: kept, so the readiness check shows it.
        services.report_create(
            project=project,
            by=proposer,
            activity=activity,
            date=date,
            done=done,
            results=results,
            actual_output_count=0,
        )
    return project


def reports_for_running_projects() -> None:
    """The first half of the activities of every other running demo project, reported as planned,
    so that progress, spending and the dashboards have something to show this year."""
    running = Project.objects.filter(status=Status.RUNNING).exclude(title=seed002.TITLE)
    for project in running.filter(activity_reports__isnull=True).prefetch_related(
        "activities__budget_lines", "target_groups"
    ):
        activities = list(project.activities.all())
        groups = list(project.target_groups.all())
        for activity in activities[: (len(activities) + 1) // 2]:
            services.report_create(
                project=project,
                by=project.proposer,
                activity=activity,
                date=activity.start_date or project.start_date or timezone.localdate(),
                done=activity.details or activity.title,
                results=activity.planned_output or activity.title,
                actual_output_count=activity.planned_output_count,
                rating=3,
                participants=[{"project_target_group": g, "actual": g.planned_count} for g in groups],
                spending=[
                    {"expense_group": b.expense_group, "description": b.description, "amount": b.amount}
                    for b in activity.budget_lines.all()
                ],
            )


def seed002_funder() -> Fund | None:
    """The funder of seed 002 (สนส. ม.อ.) as the fund it reports to, in เมืองราชบุรี; None where the
    areas of Ratchaburi are not loaded."""
    district = District.objects.select_related("province").filter(pk=seed002.FUNDER_DISTRICT).first()
    if district is None:
        return None
    fund, _created = Fund.objects.get_or_create(
        code=seed002.FUNDER_CODE,
        defaults={
            "name": seed002.FUNDER,
            "lg_type": "",  # an institute, not a local government
            "lg_name": "สนส. ม.อ.",
            "district": district,
            "province": district.province,
            "region_id": district.province.region_id,
        },
    )
    return fund


def load(size: str) -> None:
    if size == "small":
        reports_for_running_projects()
    fund = (
        seed002_funder()
        or Fund.objects.filter(district_id="9003").order_by("code").first()
        or Fund.objects.order_by("code").first()
    )
    if fund is None:
        return
    seed002_project(fund=fund, proposer=User.objects.filter(username="proposer").first())
