from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from kongtun.accounts.permissions import Action, authorize
from kongtun.plans.models import PlannedProject
from kongtun.projects.access import project_for


def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = project_for(request.user, pk, Action.VIEW)
    return render(request, "projects/detail.html", {"project": project})


@login_required
def project_start_from_planned(request: HttpRequest, planned_project_id: int) -> HttpResponse:
    planned = get_object_or_404(PlannedProject.objects.select_related("plan__fund"), pk=planned_project_id)
    authorize(request.user, Action.PROPOSE, planned.plan.fund)
    return redirect(planned.plan.fund)
