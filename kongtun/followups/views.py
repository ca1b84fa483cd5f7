from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kongtun.accounts.permissions import Action, can
from kongtun.followups import selectors
from kongtun.followups.access import project_for


@login_required
def project_followup(request: HttpRequest, pk: int) -> HttpResponse:
    """The follow-up page of a running project: progress, periods, reports, closing."""
    project = project_for(request.user, pk, Action.VIEW)
    return render(
        request,
        "followups/project.html",
        {
            "project": project,
            "progress": selectors.project_progress(project),
            "periods": selectors.period_list(project),
            "reports": selectors.report_list(project),
            "can_report": can(request.user, Action.REPORT, project),
            "can_receive": can(request.user, Action.RECEIVE, project),
        },
    )


@login_required
def final_report(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_for(request.user, pk, Action.VIEW)
    return render(request, "followups/final_report.html", {"project": project})
