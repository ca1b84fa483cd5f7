from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status

from kongtun.accounts.permissions import Action
from kongtun.core.limits import Count, Money
from kongtun.funds import services
from kongtun.funds.access import fund_create_check, fund_for
from kongtun.funds.models import Fund
from kongtun.funds.selectors import FundFilter, fund_list

router = Router(tags=["funds"])


class FundOut(Schema):
    code: str
    name: str
    lg_type: str
    lg_name: str
    district_code: str = Field(alias="district_id")
    district: str = Field(alias="district.name_th")
    province_code: str = Field(alias="province_id")
    province: str = Field(alias="province.name_th")
    region: int = Field(alias="region_id")
    subdistricts: list[str]
    phone: str
    email: str

    @staticmethod
    def resolve_subdistricts(obj: Fund) -> list[str]:
        return [s.code for s in obj.subdistricts.all()]


class FundFilters(Schema):
    q: str | None = None
    region: int | None = None
    province: str | None = None
    district: str | None = None
    year: int | None = None
    role: str | None = None
    limit: int = Field(100, ge=1, le=1000)
    offset: int = Field(0, ge=0)


class FundPage(Schema):
    count: int
    items: list[FundOut]


class FundIn(Schema):
    name: str
    lg_type: str
    lg_name: str
    subdistricts: list[str]
    address: str = ""
    phone: str = ""
    email: str = ""


class FundCreateIn(FundIn):
    code: str


class FundYearIn(Schema):
    programme_role: str = "none"
    registered_population: Count | None = None
    lg_revenue: Money | None = None
    carry_over: Money | None = None


@router.get("", response=FundPage, auth=None)
def list_funds(request: HttpRequest, filters: Query[FundFilters]) -> dict[str, object]:
    """Active funds, filtered like the fund list page; `limit`/`offset` page through them.

    (Paged here rather than with ninja's @paginate, whose wrapper hides this module's names from
    the schema builder under `from __future__ import annotations`.)"""
    data = {k: v for k, v in filters.dict(exclude={"limit", "offset"}).items() if v is not None}
    filterset = FundFilter(data, queryset=fund_list().prefetch_related("subdistricts"))
    if not filterset.is_valid():
        raise ValidationError(dict(filterset.errors))  # an unknown province must not list every fund
    funds = filterset.qs
    return {"count": funds.count(), "items": list(funds[filters.offset : filters.offset + filters.limit])}


@router.get("/{code}", response=FundOut, auth=None)
def get_fund(request: HttpRequest, code: str) -> Fund:
    return get_object_or_404(fund_list().prefetch_related("subdistricts"), code=code)


@router.post("", response={201: FundOut})
def create_fund(request: HttpRequest, payload: FundCreateIn) -> Status[Fund]:
    fund_create_check(request.user)
    return Status(201, services.fund_create(**payload.dict()))


@router.put("/{code}", response=FundOut)
def update_fund(request: HttpRequest, code: str, payload: FundIn) -> Fund:
    fund = fund_for(request.user, code, Action.EDIT)
    return services.fund_update(fund=fund, **payload.dict())


@router.put("/{code}/years/{fiscal_year}", response={200: dict})
def save_fund_year(
    request: HttpRequest, code: str, fiscal_year: int, payload: FundYearIn
) -> dict[str, object]:
    fund = fund_for(request.user, code, Action.EDIT)
    row = services.fund_year_save(fund=fund, fiscal_year=fiscal_year, **payload.dict())
    return {"fund": fund.code, "fiscal_year": row.fiscal_year, "programme_role": row.programme_role}
