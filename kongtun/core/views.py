from __future__ import annotations

import geothai
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from kongtun.accounts.permissions import user_funds
from kongtun.core.thai import fiscal_year_of
from kongtun.funds.models import Fund


def home(request: HttpRequest) -> HttpResponse:
    context = {
        "fund_count": Fund.objects.filter(is_active=True).count(),
        "fiscal_year": fiscal_year_of(timezone.localdate()),
    }
    if request.user.is_authenticated:
        context["my_funds"] = user_funds(request.user)[:20]
    return render(request, "core/home.html", context)


def about(request: HttpRequest) -> HttpResponse:
    return render(request, "core/about.html", {"geothai_version": geothai.DATA_VERSION})


def ratelimited(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(request, "core/ratelimited.html", status=429)
