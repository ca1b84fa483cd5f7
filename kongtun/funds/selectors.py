"""Reads of funds."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from kongtun.accounts.models import ApiToken, Membership
from kongtun.accounts.permissions import Action, AnyUser, fund_scope
from kongtun.areas.models import District, Province, Region
from kongtun.areas.selectors import Area, area_fund_filter
from kongtun.core.choices import ConfigChoiceFilter, ConfigChoices
from kongtun.core.history import Change, changes_of
from kongtun.funds.models import Fund, FundYear, ProgrammeRole


def fund_list(*, area: Area | None = None) -> QuerySet[Fund]:
    funds = Fund.objects.filter(is_active=True).select_related("district", "province", "region")
    if area is not None:
        funds = funds.filter(area_fund_filter(area))
    return funds


class FundFilter(ConfigChoices, django_filters.FilterSet):
    """The filters of the fund list (page and API): area, programme role in a year, name search."""

    q = django_filters.CharFilter(label=_("Name or code"), method="filter_q")
    region = ConfigChoiceFilter(label=_("NHSO region"), queryset=Region.objects.all(), empty_label=_("All"))
    province = ConfigChoiceFilter(label=_("Province"), queryset=Province.objects.all(), empty_label=_("All"))
    district = django_filters.ModelChoiceFilter(
        label=_("District"), queryset=District.objects.none(), empty_label=_("All")
    )
    year = django_filters.NumberFilter(label=_("Fiscal year (B.E.)"), method="filter_year")
    role = django_filters.ChoiceFilter(
        label=_("Programme role"), choices=ProgrammeRole.choices, method="filter_role", empty_label=_("All")
    )

    class Meta:
        model = Fund
        fields = ["q", "region", "province", "district", "year", "role"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Offer only the districts of the chosen province: 928 options are useless on a phone.
        province = self.data.get("province") if self.data else None
        field = self.filters["district"]
        field.queryset = (
            District.objects.filter(province_id=province) if province else District.objects.none()
        )  # type: ignore[attr-defined]
        if self.data and self.data.get("district") and not province:
            field.queryset = District.objects.filter(pk=self.data.get("district"))  # type: ignore[attr-defined]

    def filter_q(self, queryset: QuerySet[Fund], name: str, value: str) -> QuerySet[Fund]:
        value = value.strip()
        return queryset.filter(Q(name__icontains=value) | Q(code__iexact=value) | Q(lg_name__icontains=value))

    def filter_year(self, queryset: QuerySet[Fund], name: str, value: int) -> QuerySet[Fund]:
        return queryset.filter(years__fiscal_year=value).distinct()

    def filter_role(self, queryset: QuerySet[Fund], name: str, value: str) -> QuerySet[Fund]:
        year = self.data.get("year")
        rows = FundYear.objects.filter(programme_role=value)
        if year and str(year).isdigit():
            rows = rows.filter(fiscal_year=int(year))
        return queryset.filter(pk__in=rows.values("fund_id"))


def fund_year_current(fund: Fund, fiscal_year: int) -> FundYear | None:
    return fund.years.filter(fiscal_year=fiscal_year).first()


def fund_year_initial(fund: Fund, fiscal_year: int) -> dict[str, object]:
    """What the fiscal-year form starts with: the saved facts of that year, if any."""
    row = fund_year_current(fund, fiscal_year)
    if row is None:
        return {"fiscal_year": fiscal_year}
    fields = ("fiscal_year", "programme_role", "registered_population", "lg_revenue", "carry_over")
    return {name: getattr(row, name) for name in fields}


def user_funds(user: AnyUser | None, action: Action = Action.VIEW) -> QuerySet[Fund]:
    """The funds a user works with, for menus and 'my funds' lists."""
    return Fund.objects.filter(fund_scope(user, action)).select_related("district", "province")


ALL = _("All")  # the empty choice of a filter


class AreaYearFilter(ConfigChoices, django_filters.FilterSet):
    """Where and when: the filters of every list of rows with a `fund` and a `fiscal_year` (plans,
    projects, search documents). Regions and provinces are chosen by name; a district or fund by
    its name or its code."""

    region = ConfigChoiceFilter(
        label=_("NHSO region"), queryset=Region.objects.all(), method="filter_area", empty_label=ALL
    )
    province = ConfigChoiceFilter(
        label=_("Province"), queryset=Province.objects.all(), method="filter_area", empty_label=ALL
    )
    district = django_filters.CharFilter(label=_("District (name or code)"), method="filter_district")
    fund = django_filters.CharFilter(label=_("Fund (name or code)"), method="filter_fund")
    year = django_filters.NumberFilter(label=_("Fiscal year (B.E.)"), field_name="fiscal_year")

    def filter_area(self, queryset: QuerySet[Any], name: str, value: Region | Province) -> QuerySet[Any]:
        # The area's fund ids rather than a join: PostgreSQL can then AND the fund index with the
        # full-text index (a word inside a province: 78 → 31 ms over 1.6 million documents).
        funds = Fund.objects.filter(**{name: value}).values_list("id", flat=True)
        return queryset.filter(fund_id__in=list(funds))

    def filter_district(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        value = value.strip()
        if value.isdigit():
            return queryset.filter(fund__district_id=value)
        return queryset.filter(fund__district__name_th=value.removeprefix("อำเภอ").strip())

    def filter_fund(self, queryset: QuerySet[Any], name: str, value: str) -> QuerySet[Any]:
        value = value.strip()
        return queryset.filter(Q(fund__code__iexact=value) | Q(fund__name__icontains=value))


def fund_member_changes(fund: Fund) -> list[Change]:
    """The trail of the fund's roles (given, changed, taken) and of the API tokens of everyone who
    ever held one, newest first; the tokens show their name and prefix, never a secret."""
    members = Membership.history.filter(fund_id=fund.pk).values("user_id")
    return changes_of(
        [Membership.history.filter(fund_id=fund.pk), ApiToken.history.filter(user_id__in=members)]
    )
