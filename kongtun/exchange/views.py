"""A fund's records out and in: the exchange page, one file per entity, and the formats page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from kongtun.accounts.permissions import Action, can, is_admin, signed_in
from kongtun.exchange import dhis2, exports, opendata, services
from kongtun.exchange.forms import Dhis2ImportForm, ImportForm, columns_of
from kongtun.funds.access import fund_for
from kongtun.funds.models import Fund
from kongtun.reports.selectors import public_files
from kongtun.situations.services import RowErrors

KINDS = ("xlsx", "csv")


@login_required
def fund_page(request: HttpRequest, code: str) -> HttpResponse:
    fund = fund_for(request.user, code, Action.VIEW)
    context = {"fund": fund, "entities": exports.FORMATS, "can_import": can(request.user, Action.EDIT, fund)}
    if request.method == "POST":
        fund = fund_for(request.user, code, Action.EDIT)
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                context["outcome"] = services.file_import(
                    user=request.user,  # type: ignore[arg-type]
                    fund=fund,
                    entity=form.cleaned_data["entity"],
                    upload=upload,
                    filename=upload.name,
                )
                form = ImportForm()
            except RowErrors as exc:
                context["row_errors"] = exc.row_errors
            except ValidationError as exc:
                form.add_error("file", exc)
    else:
        form = ImportForm()
    return render(request, "exchange/fund.html", context | {"form": form})


@login_required
def fund_export(request: HttpRequest, code: str, entity: str, kind: str) -> HttpResponse:
    fund = fund_for(request.user, code, Action.VIEW)
    if entity not in exports.FORMATS or kind not in KINDS:
        raise Http404
    content, content_type, filename = exports.export_file(fund, entity, kind)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def dhis2_export(request: HttpRequest, code: str, kind: str) -> HttpResponse:
    """The fund's situation values as a DHIS2 dataValueSet (json) or ADX (xml); `?year=2568`."""
    fund = fund_for(request.user, code, Action.VIEW)
    year = request.GET.get("year", "")
    fiscal_year = int(year) if year.isdigit() else None
    funds = Fund.objects.filter(pk=fund.pk)
    response: HttpResponse
    if kind == "json":
        response = JsonResponse(
            dhis2.data_value_set(funds, fiscal_year), json_dumps_params={"ensure_ascii": False}
        )
    elif kind == "adx":
        response = HttpResponse(dhis2.adx(funds, fiscal_year), content_type="application/adx+xml")
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{fund.code}-dhis2.{kind}"'
    return response


@login_required
def dhis2_import(request: HttpRequest, code: str) -> HttpResponse:
    fund = fund_for(request.user, code, Action.ENTER_DATA)
    context: dict[str, object] = {"fund": fund}
    form = Dhis2ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        kind = "adx" if upload.name.lower().endswith((".xml", ".adx")) else "json"
        try:
            context["saved"] = dhis2.dhis2_import(
                user=request.user,  # type: ignore[arg-type]
                fund=fund,
                content=upload.read(),
                kind=kind,
            )
            form = Dhis2ImportForm()
        except RowErrors as exc:
            context["row_errors"] = exc.row_errors
        except ValidationError as exc:
            form.add_error("file", exc)
    return render(request, "exchange/dhis2.html", context | {"form": form})


def formats(request: HttpRequest) -> HttpResponse:
    """The documented formats, for anyone (other systems' developers too)."""
    entities = [(f, columns_of(name)) for name, f in exports.FORMATS.items()]
    return render(request, "exchange/formats.html", {"entities": entities})


def open_data(request: HttpRequest) -> HttpResponse:
    """The programme's public data per fiscal year, for everyone: each year's newest ready zip."""
    files = public_files(opendata.OPEN_DATA, "year")
    rows = [(year, files.get(year)) for year in opendata.open_data_years()]
    context = {"rows": rows, "entities": opendata.ENTITIES, "may_make": is_admin(request.user)}
    return render(request, "exchange/open_data.html", context)


@login_required
@require_POST
def open_data_make(request: HttpRequest, year: int) -> HttpResponse:
    """A programme admin asks the queue for a year's file (made again with today's data)."""
    if not is_admin(request.user):
        raise PermissionDenied
    job = opendata.open_data_start(year=year, user=signed_in(request.user))
    return redirect("reports:job", pk=job.pk)
