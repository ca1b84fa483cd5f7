from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kongtun.accounts.permissions import Action, can
from kongtun.areas.models import District
from kongtun.core.panels import panels
from kongtun.funds.access import area_for, fund_for
from kongtun.funds.models import Fund
from kongtun.situations import exports, selectors, services
from kongtun.situations.access import (
    current_year,
    file_scope,
    import_scope,
    indicator_for,
    issue_for,
    year_from,
)
from kongtun.situations.forms import ImportForm, SituationValueForm
from kongtun.situations.services import RowErrors


def _years() -> list[int]:
    now = current_year()
    return [now - 2, now - 1, now]


@login_required
def fund_overview(request: HttpRequest, code: str) -> HttpResponse:
    """The fund's situation this year: each issue with how many indicators have a value."""
    fund = fund_for(request.user, code, Action.VIEW)
    year = year_from(request)
    statuses = selectors.fund_issue_status(fund=fund, fiscal_year=year)
    done, total = selectors.fund_completeness(fund=fund, fiscal_year=year)
    return render(
        request,
        "situations/fund.html",
        {
            "fund": fund,
            "year": year,
            "years": _years(),
            "statuses": statuses,
            "done": done,
            "total": total,
            "can_enter": can(request.user, Action.ENTER_DATA, fund),
        },
    )


@login_required
def entry(request: HttpRequest, code: str, year: int, issue: str) -> HttpResponse:
    """The phone page: one issue's indicators, value/source/date each, previous years beside."""
    fund = fund_for(request.user, code, Action.ENTER_DATA)
    the_issue = issue_for(year, issue)
    sheet = selectors.situation_sheet(fund=fund, fiscal_year=year, issue=the_issue)
    data = request.POST if request.method == "POST" else None
    rows = [(r, SituationValueForm(data, indicator=r.indicator, current=r.current)) for r in sheet]
    if data is not None and all(form.is_valid() for _row, form in rows):
        entries = [{"indicator": form.indicator, **form.cleaned_data} for _row, form in rows]
        services.situation_sheet_save(fund=fund, fiscal_year=year, entries=entries, user=request.user)
        messages.success(request, _("The situation of %(issue)s was saved.") % {"issue": the_issue})
        following = selectors.next_issue(fiscal_year=year, issue=the_issue)
        if "next" in request.POST and following is not None:
            return redirect("situations:entry", fund.code, year, following.code)
        return redirect(f"{fund_overview_url(fund)}?year={year}")
    has_errors = any(form.errors for _row, form in rows)
    return render(
        request,
        "situations/entry.html",
        {
            "fund": fund,
            "year": year,
            "issue": the_issue,
            "rows": rows,
            "has_errors": has_errors,
            "next_issue": selectors.next_issue(fiscal_year=year, issue=the_issue),
        },
    )


def fund_overview_url(fund: Fund) -> str:
    return reverse("situations:fund", args=[fund.code])


def _funds(fund: Fund | None, district: District | None) -> QuerySet[Fund]:
    if fund is not None:
        return Fund.objects.filter(pk=fund.pk)
    return Fund.objects.filter(district=district, is_active=True)


def _name(fund: Fund | None, district: District | None) -> str:
    return fund.code if fund is not None else str(district.pk if district is not None else "")


def _file(content: bytes, name: str, fmt: str) -> HttpResponse:
    kind = "text/csv" if fmt == "csv" else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(content, content_type=kind)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@login_required
def template_download(request: HttpRequest) -> HttpResponse:
    fund, district = file_scope(request, Action.VIEW)
    year, fmt = year_from(request), request.GET.get("format", "xlsx")
    rows = exports.template_rows(funds=_funds(fund, district), fiscal_year=year)
    content = exports.csv_bytes(rows) if fmt == "csv" else exports.xlsx_bytes(rows)
    return _file(
        content, f"situation-template-{_name(fund, district)}-{year}", "csv" if fmt == "csv" else "xlsx"
    )


@login_required
def export(request: HttpRequest) -> HttpResponse:
    fund, district = file_scope(request, Action.VIEW)
    year = year_from(request) if request.GET.get("year") else None
    fmt = "csv" if request.GET.get("format") == "csv" else "xlsx"
    rows = exports.export_rows(funds=_funds(fund, district), fiscal_year=year)
    content = exports.csv_bytes(rows) if fmt == "csv" else exports.xlsx_bytes(rows)
    return _file(content, f"situation-{_name(fund, district)}-{year or 'all'}", fmt)


@login_required
def import_file(request: HttpRequest) -> HttpResponse:
    """Upload a filled-in template; every row is checked, nothing is written unless all are good."""
    fund, district = import_scope(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            saved = services.situation_import(
                user=request.user,
                upload=upload,
                filename=upload.name,
                district=district or (fund.district if fund else None),
            )
        except RowErrors as exc:
            errors = exc.messages
        except ValidationError as exc:
            form.add_error("file", exc)
        else:
            messages.success(request, _("%(count)s values were imported.") % {"count": len(saved)})
            if fund is not None:
                return redirect(fund_overview_url(fund))
            return redirect("situations:area", "district", _name(fund, district))
    return render(
        request,
        "situations/import.html",
        {
            "fund": fund,
            "district": district,
            "form": form,
            "row_errors": errors,
            "year": year_from(request),
            "scope_query": f"fund={fund.code}" if fund else f"district={_name(fund, district)}",
        },
    )


@login_required
def area_overview(request: HttpRequest, level: str, code: str) -> HttpResponse:
    """Completeness of every fund of the area, and the indicators to look at."""
    area = area_for(request.user, level, code)
    year = year_from(request)
    rows = selectors.area_completeness(area=area, fiscal_year=year)
    complete = len([r for r in rows if r.issues_total and r.issues_with_data == r.issues_total])
    issues = [(i, list(selectors.issue_indicators(i))) for i in selectors.year_issues(year)]
    return render(
        request,
        "situations/area.html",
        {
            "area": area,
            "level": level,
            "year": year,
            "years": _years(),
            "rows": rows,
            "complete": complete,
            "issues": issues,
        },
    )


@login_required
def indicator_view(request: HttpRequest, level: str, code: str, indicator: str) -> HttpResponse:
    area = area_for(request.user, level, code)
    the_indicator = indicator_for(indicator)
    year = year_from(request)
    rows = selectors.indicator_area_rows(indicator=the_indicator, area=area, fiscal_year=year)
    chart = selectors.indicator_chart_data(rows, year)
    chart["label"] = the_indicator.unit
    return render(
        request,
        "situations/indicator.html",
        {
            "area": area,
            "level": level,
            "year": year,
            "years": _years(),
            "indicator": the_indicator,
            "rows": rows,
            "chart": chart,
            "section_panels": panels(
                "indicator.sections", request, selectors.AreaIndicator(area, the_indicator, year)
            ),
        },
    )
