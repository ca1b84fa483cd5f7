from __future__ import annotations

import geothai
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from kongtun.core.thai import fiscal_year_of
from kongtun.funds.models import Fund
from kongtun.projects.selectors import my_projects
from kongtun.workspace.selectors import workspace


def home(request: HttpRequest) -> HttpResponse:
    """The public front page; for a signed-in user, their workspace: their funds with this
    fiscal year's to-dos."""
    today = timezone.localdate()
    context: dict[str, object] = {
        "fund_count": Fund.objects.filter(is_active=True).count(),
        "fiscal_year": fiscal_year_of(today),
    }
    if request.user.is_authenticated:
        context["workspace"] = workspace(user=request.user, fiscal_year=fiscal_year_of(today), today=today)
        context["my_projects"] = my_projects(request.user)[:5]
    return render(request, "workspace/home.html", context)


def about(request: HttpRequest) -> HttpResponse:
    return render(request, "workspace/about.html", {"geothai_version": geothai.DATA_VERSION})


def ratelimited(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "workspace/ratelimited.html", status=429)
