"""API: issues and indicators (public), situation values (list by fund/year; bulk upsert with the
same validation and permissions as the import)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.http import HttpRequest
from ninja import Field, Router, Schema

from kongtun.accounts.permissions import Action
from kongtun.core.limits import Date, FiscalYear, Number
from kongtun.funds.access import fund_for
from kongtun.programme.models import Indicator, Issue
from kongtun.situations import selectors, services
from kongtun.situations.models import SituationValue

router = Router(tags=["situations"])


class IndicatorOut(Schema):
    code: str
    issue: str = Field(alias="issue.code")
    name: str
    unit: str
    direction: str
    definition: str
    min_value: Decimal
    max_value: Decimal | None
    typical_change: Decimal | None


class IssueOut(Schema):
    code: str
    name_th: str
    name_en: str
    kind: str
    indicators: list[IndicatorOut]

    @staticmethod
    def resolve_indicators(obj: Issue) -> list[Indicator]:
        return list(selectors.issue_indicators(obj).select_related("issue"))


class ValueOut(Schema):
    fund_code: str = Field(alias="fund.code")
    fiscal_year: int
    indicator_code: str = Field(alias="indicator.code")
    value: Decimal
    source: str
    survey_date: dt.date | None


class ValueIn(Schema):
    fund_code: str
    fiscal_year: FiscalYear
    indicator_code: str
    value: Number
    unit: str = ""
    source: str = ""
    survey_date: Date | None = None


class BulkIn(Schema):
    values: list[ValueIn]


class BulkOut(Schema):
    saved: int


@router.get("/issues", response=list[IssueOut], auth=None)
def list_issues(request: HttpRequest, year: int | None = None) -> list[Issue]:
    """The issues of a programme year (every issue when no year is given) with their indicators."""
    return selectors.year_issues(year) if year else list(Issue.objects.all())


@router.get("/indicators", response=list[IndicatorOut], auth=None)
def list_indicators(request: HttpRequest, issue: str | None = None) -> list[Indicator]:
    indicators = Indicator.objects.filter(is_active=True).select_related("issue")
    if issue:
        indicators = indicators.filter(issue__code=issue)
    return list(indicators)


@router.get("/values", response=list[ValueOut])
def list_values(request: HttpRequest, fund: str, year: int | None = None) -> list[SituationValue]:
    """A fund's situation values, of one fiscal year or all."""
    the_fund = fund_for(request.user, fund, Action.VIEW)
    return list(
        selectors.values_for_export(funds=type(the_fund).objects.filter(pk=the_fund.pk), fiscal_year=year)
    )


@router.post("/values/bulk", response=BulkOut)
def bulk_upsert(request: HttpRequest, payload: BulkIn) -> dict[str, int]:
    """Save many values at once: every row is checked (fund, indicator, range, unit, the caller's
    right to enter data for the fund); nothing is saved unless all rows are valid (422 lists them)."""
    rows = [{**v.dict(), "row": n} for n, v in enumerate(payload.values, start=1)]
    return {"saved": len(services.situation_values_bulk_upsert(user=request.user, rows=rows))}
