"""A fund's records out and in: the exchange page, one file per entity, and the formats page."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from kongtun.accounts.permissions import Action, can
from kongtun.exchange import exports, services
from kongtun.exchange.forms import ImportForm, columns_of
from kongtun.funds.access import fund_for
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


def formats(request: HttpRequest) -> HttpResponse:
    """The documented formats, for anyone (other systems' developers too)."""
    entities = [(f, columns_of(name)) for name, f in exports.FORMATS.items()]
    return render(request, "exchange/formats.html", {"entities": entities})
