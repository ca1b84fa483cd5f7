"""Public dashboards (no personal data): figures, charts, drill-down lists, Excel and PDF."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext

from kongtun.core.pagecache import PAGE_SECONDS, lazy, page_key
from kongtun.dashboards import trends
from kongtun.dashboards.documents import (
    compare_document,
    progress_report_document,
    trend_document,
)
from kongtun.dashboards.finance import finance_board, reads_finance
from kongtun.dashboards.jobs import project_list_file
from kongtun.dashboards.selectors import (
    Dashboard,
    PlanFilter,
    ProjectFilter,
    Scope,
    books_scope_for,
    dashboard,
    fiscal_year_choices,
    generation,
    plan_rows,
    project_rows,
    scope_get,
    visible_projects,
)
from kongtun.plans.models import Plan
from kongtun.programme.models import Issue
from kongtun.projects.selectors import APPROVED
from kongtun.reports.formats import document_response

FUNDS_SHOWN = 200  # funds listed on an area's finance page; the areas below lead to the rest


def scope_for(request: HttpRequest, level: str, code: str) -> Scope:
    return scope_get(level, code, request.GET.get("year"))


def _links(scope: Scope) -> dict[str, str]:
    """Base URLs of the lists behind the numbers, already filtered to the scope."""
    params = scope.filter_params()
    projects = reverse("dashboards:projects") + "?" + urlencode(params)
    funds: dict[str, str | int] = {"year": scope.fiscal_year}
    if scope.level in ("region", "province", "district"):
        funds[scope.level] = scope.code
    return {
        "projects": projects,
        "approved": projects + "&" + urlencode({"status": APPROVED}),
        "funds": reverse("funds:index") + "?" + urlencode(funds),
    }


def _chart_data(board: Dashboard) -> dict[str, object]:
    issues = board.issues_at_work
    return {
        "issues": {
            "labels": [r.label for r in issues],
            "approved": [r.approved for r in issues],
            "plans": [r.plans for r in issues],
            "budget": [float(r.approved_budget) for r in issues],
            "names": {"approved": gettext("Approved projects"), "plans": gettext("Plans")},
        },
        "status": {
            "labels": [label for _k, label, n in board.by_status if n],
            "values": [n for *_x, n in board.by_status if n],
        },
        "support": {
            "labels": [r.label for r in board.by_support_type],
            "values": [r.approved for r in board.by_support_type],
        },
    }


def _crumbs(scope: Scope) -> list[object]:
    if scope.fund is not None:
        return list(scope.fund.breadcrumb())
    return list(scope.area.breadcrumb()) if scope.area is not None else []


def dashboard_page(request: HttpRequest, level: str = "nation", code: str = "") -> HttpResponse:
    """The same for everyone, so its content is kept in the page cache until a write in the scope
    commits; the figures are read only when it is not there."""
    scope = scope_for(request, level, code)
    board = lazy(lambda: dashboard(scope))
    context = {
        "page_key": page_key(request, [generation(scope)]),
        "page_seconds": PAGE_SECONDS,
        "board": board,
        "scope": scope,
        "links": _links(scope),
        "years": fiscal_year_choices(),
        "chart_data": lazy(lambda: _chart_data(board())),
        "plan_query": urlencode(scope.filter_params()),
        "crumbs": _crumbs(scope),
        "targets": lazy(lambda: trends.targets_by_issue(scope)),
        "reads_finance": reads_finance(request.user, scope),  # outside the cached content
    }
    return render(request, "dashboards/dashboard.html", context)


def finance_page(request: HttpRequest, level: str = "nation", code: str = "") -> HttpResponse:
    """The funds' money-use and balance rates against the spending-rate target, and their monthly
    closes, with the areas one level down and the funds (behind the target first) to drill into."""
    scope = books_scope_for(request.user, level, code, request.GET.get("year"))
    board = finance_board(scope)
    funds = sorted(board.funds, key=lambda f: (not board.behind(f), f.use_rate or 0, f.code))
    context = {
        "board": board,
        "scope": scope,
        "funds": funds[:FUNDS_SHOWN],
        "more_funds": max(len(funds) - FUNDS_SHOWN, 0),
        "years": sorted({*fiscal_year_choices(), scope.fiscal_year}, reverse=True),
        "crumbs": _crumbs(scope),
    }
    return render(request, "dashboards/finance.html", context)


def dashboard_file(
    request: HttpRequest, level: str = "nation", code: str = "", *, extension: str
) -> HttpResponse:
    """The area progress report: printed (PDF) or its tables in full as a workbook."""
    board = dashboard(scope_for(request, level, code))
    document = progress_report_document(board, printed_on=timezone.localdate())
    return document_response(document, extension, request=request)


def project_list(request: HttpRequest) -> HttpResponse:
    """The list behind every dashboard number: approved projects for all, drafts for those who may view."""
    filterset = ProjectFilter(request.GET or None, queryset=visible_projects(request.user))
    if request.GET.get("format") == "xlsx":
        return project_list_file(request)
    rows = project_rows(filterset.qs)
    page = Paginator(rows, 30).get_page(request.GET.get("page"))
    template = (
        "dashboards/_project_results.html" if getattr(request, "htmx", False) else "dashboards/projects.html"
    )
    return render(request, template, {"filter": filterset, "page": page})


def plan_list(request: HttpRequest) -> HttpResponse:
    """The plans behind the dashboards' plan counts (fund, issue, year and budget only)."""
    filterset = PlanFilter(request.GET or None, queryset=Plan.objects.all())
    page = Paginator(plan_rows(filterset.qs), 30).get_page(request.GET.get("page"))
    return render(request, "dashboards/plans.html", {"filter": filterset, "page": page})


def _trend_scope(request: HttpRequest, level: str, code: str) -> tuple[list[int], Scope]:
    years = trends.trend_years(request.GET.get("year"))
    return years, scope_get(level, code, years[-1])


def _trend(request: HttpRequest, level: str, code: str) -> trends.Trend:
    years, scope = _trend_scope(request, level, code)
    return trends.trend(scope, years, indicators=trends.trend_indicators())


def trend_page(request: HttpRequest, level: str = "nation", code: str = "") -> HttpResponse:
    """The area's figures over the last five fiscal years beside the median of its parent's areas;
    kept in the page cache until a write in the area or its parent commits."""
    years, scope = _trend_scope(request, level, code)
    the_trend = lazy(lambda: trends.trend(scope, years, indicators=trends.trend_indicators()))
    counted = [scope, *filter(None, [trends.parent_of(scope)])]
    context = {
        "page_key": page_key(request, [generation(s) for s in counted]),
        "page_seconds": PAGE_SECONDS,
        "trend": the_trend,
        "scope": scope,
        "first_year": years[0],
        "years": sorted({*fiscal_year_choices(), scope.fiscal_year}, reverse=True),
        "crumbs": _crumbs(scope),
        "chart_data": lazy(lambda: trends.trend_chart_data(the_trend())),
        "median_label": lazy(lambda: trends.median_label(the_trend())),
    }
    return render(request, "dashboards/trends.html", context)


def trend_file(
    request: HttpRequest, level: str = "nation", code: str = "", *, extension: str
) -> HttpResponse:
    document = trend_document(_trend(request, level, code), printed_on=timezone.localdate())
    return document_response(document, extension, request=request)


def _comparison(request: HttpRequest, level: str, code: str) -> tuple[trends.Comparison, int | None]:
    scope = scope_for(request, level, code)
    if scope.level == "fund":
        raise Http404
    issue = request.GET.get("issue", "")
    issue_id = int(issue) if issue.isdigit() and Issue.objects.filter(pk=int(issue)).exists() else None
    figure = request.GET.get("figure", "plans")
    return trends.compare(scope, figure, trends.trend_indicators(), issue_id), issue_id


def compare_page(request: HttpRequest, level: str = "nation", code: str = "") -> HttpResponse:
    """The areas one level down side by side for one figure, with the median and spread."""
    comparison, issue_id = _comparison(request, level, code)
    context = {
        "comparison": comparison,
        "scope": comparison.scope,
        "years": fiscal_year_choices(),
        "crumbs": _crumbs(comparison.scope),
        "figures": trends.figure_choices(trends.trend_indicators()),
        "issues": Issue.objects.all(),
        "issue_id": issue_id,
    }
    return render(request, "dashboards/compare.html", context)


def compare_file(
    request: HttpRequest, level: str = "nation", code: str = "", *, extension: str
) -> HttpResponse:
    comparison, _issue = _comparison(request, level, code)
    document = compare_document(comparison, printed_on=timezone.localdate())
    return document_response(document, extension, request=request)
