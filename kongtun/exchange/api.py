"""API of the exchange (token auth): a fund's records per entity as JSON rows (the columns of the
files), imported with the same services and checks as the files; situation values for DHIS2."""

from __future__ import annotations

import json
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from ninja import Router, Schema

from kongtun.accounts.permissions import Action
from kongtun.exchange import dhis2, exports, services
from kongtun.funds.access import fund_for
from kongtun.funds.models import Fund

router = Router(tags=["exchange"])


class RowsIn(Schema):
    rows: list[dict[str, Any]]


class OutcomeOut(Schema):
    created: int
    updated: int
    unchanged: int


class SavedOut(Schema):
    saved: int


class DataValueSet(Schema):
    dataValues: list[dict[str, Any]]  # DHIS2's name


def _format(entity: str) -> exports.Format:
    if entity not in exports.FORMATS:
        raise Http404
    return exports.FORMATS[entity]


@router.get("/funds/{code}/dhis2/dataValueSets", response=dict[str, Any])
def dhis2_export(request: HttpRequest, code: str, year: int | None = None) -> dict[str, Any]:
    """The fund's situation values as a DHIS2 dataValueSet (period: the October financial year)."""
    fund = fund_for(request.user, code, Action.VIEW)
    return dhis2.data_value_set(Fund.objects.filter(pk=fund.pk), year)


@router.get("/funds/{code}/dhis2/adx")
def dhis2_adx(request: HttpRequest, code: str, year: int | None = None) -> HttpResponse:
    fund = fund_for(request.user, code, Action.VIEW)
    return HttpResponse(dhis2.adx(Fund.objects.filter(pk=fund.pk), year), content_type="application/adx+xml")


@router.post("/funds/{code}/dhis2/dataValueSets", response=SavedOut)
def dhis2_import(request: HttpRequest, code: str, payload: DataValueSet) -> dict[str, int]:
    """Save a dataValueSet's values for the fund: all or none (422 lists the refused values)."""
    fund = fund_for(request.user, code, Action.ENTER_DATA)
    content = json.dumps(payload.dict()).encode()
    return {"saved": dhis2.dhis2_import(user=request.user, fund=fund, content=content, kind="json")}  # type: ignore[arg-type]


@router.get("/funds/{code}/{entity}", response=list[dict[str, Any]])
def records(request: HttpRequest, code: str, entity: str) -> list[dict[str, Any]]:
    """Every record of one entity of the fund (situation-values, plans, projects, activities,
    budget-lines, activity-reports), with the columns of the export files."""
    fmt = _format(entity)
    return fmt.records(fund_for(request.user, code, Action.VIEW))


@router.post("/funds/{code}/{entity}", response=OutcomeOut)
def records_import(request: HttpRequest, code: str, entity: str, payload: RowsIn) -> services.Outcome:
    """Import rows with the columns of the files: all or none (422 lists each refused row)."""
    _format(entity)
    fund = fund_for(request.user, code, Action.EDIT)
    rows = services.rows_of(payload.rows)
    return services.records_import(user=request.user, fund=fund, entity=entity, rows=rows)  # type: ignore[arg-type]
