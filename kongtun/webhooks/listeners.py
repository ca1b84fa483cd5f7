"""Webhooks hear of every committed write (`kongtun.core.events`) and turn three kinds into
events for the subscribers: a change of a project's status (its `Transition` row), a new activity
report (announced with `created=True`), and a month of the books closed or opened again."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from django.conf import settings
from django.urls import reverse

from kongtun.core.events import Change
from kongtun.finance.models import MonthClose
from kongtun.followups.models import ActivityReport
from kongtun.funds.models import Fund
from kongtun.projects.models import Project, Transition
from kongtun.webhooks.models import EventType
from kongtun.webhooks.services import event_publish

Event = tuple[Fund, str, dict[str, Any]]


def _link(name: str, pk: int) -> str:
    return settings.KONGTUN_SITE_URL.rstrip("/") + reverse(name, args=[pk])


def _project(project: Project) -> dict[str, Any]:
    return {
        "id": project.pk,
        "code": project.code,
        "title": project.title,
        "status": project.status,
        "url": _link("projects:detail", project.pk),
    }


def _transition(change: Change) -> Event | None:
    row = Transition.objects.select_related("project__fund").filter(pk=change.pk).first()
    if row is None:
        return None
    data = {"project": _project(row.project), "from": row.from_status, "to": row.to_status, "at": row.at}
    return row.project.fund, EventType.PROJECT_STATUS, data


def _report(change: Change) -> Event | None:
    if not change.extra.get("created"):
        return None
    report = ActivityReport.objects.select_related("project__fund").filter(pk=change.pk).first()
    if report is None:
        return None
    data = {
        "report": {
            "id": report.pk,
            "title": report.title,
            "date": report.date,
            "url": _link("followups:report", report.pk),
        },
        "project": _project(report.project),
    }
    return report.project.fund, EventType.REPORT_CREATED, data


def _month(change: Change) -> Event | None:
    close = MonthClose.objects.select_related("fund").filter(pk=change.pk).first()
    if close is None:
        return None
    data = {"month_end": close.month_end, "fiscal_year": close.fiscal_year, "closed_at": close.closed_at}
    if close.reopened_at is None:
        return close.fund, EventType.MONTH_CLOSED, data
    return close.fund, EventType.MONTH_REOPENED, {**data, "reopened_at": close.reopened_at}


EVENTS: dict[str, Callable[[Change], Event | None]] = {
    "projects.transition": _transition,
    "followups.activityreport": _report,
    "finance.monthclose": _month,
}


def on_changes(changes: Sequence[Change]) -> None:
    for change in changes:
        make = EVENTS.get(change.model)
        if make is None or change.deleted:
            continue
        event = make(change)
        if event is not None:
            fund, kind, data = event
            event_publish(fund=fund, event=kind, data=data)
