"""Writes for funds. Web views and the API both call these."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from kongtun.accounts.models import Membership, Role, User
from kongtun.accounts.services import FUND_ROLES
from kongtun.areas.models import Subdistrict
from kongtun.core import limits
from kongtun.core.events import changed
from kongtun.funds.models import Fund, FundYear

FUND_FIELDS = ("name", "lg_type", "lg_name", "address", "phone", "email", "is_active")


def _home_area(fund: Fund, subdistricts: list[Subdistrict]) -> None:
    if not subdistricts:
        raise ValidationError({"subdistricts": _("Choose at least one sub-district that the fund covers.")})
    provinces = {s.district.province_id for s in subdistricts}
    if len(provinces) > 1:
        raise ValidationError({"subdistricts": _("All sub-districts of a fund must be in one province.")})
    # The home district stays put while the fund still covers a sub-district of it: the order in
    # which a form sends the sub-districts must not move the fund.
    districts = [s.district for s in subdistricts]
    home = next((d for d in districts if d.pk == fund.district_id), districts[0])
    fund.district = home
    fund.province = home.province
    fund.region_id = home.province.region_id


def _subdistricts(codes: Iterable[str | Subdistrict]) -> list[Subdistrict]:
    wanted = [c.code if isinstance(c, Subdistrict) else c for c in codes]
    found = {
        s.code: s for s in Subdistrict.objects.select_related("district__province").filter(code__in=wanted)
    }
    missing = [c for c in wanted if c not in found]
    if missing:
        raise ValidationError(
            {"subdistricts": _("Unknown sub-district code: %(codes)s") % {"codes": ", ".join(missing)}}
        )
    return [found[c] for c in wanted]


@transaction.atomic
def fund_create(*, code: str, subdistricts: Iterable[str | Subdistrict], **fields: Any) -> Fund:
    code = code.strip().upper()
    if Fund.objects.filter(code=code).exists():
        raise ValidationError({"code": _("A fund with code %(code)s already exists.") % {"code": code}})
    fund = Fund(code=code, **{k: v for k, v in fields.items() if k in FUND_FIELDS})
    areas = _subdistricts(subdistricts)
    _home_area(fund, areas)
    fund.full_clean()
    fund.save()
    fund.subdistricts.set(areas)
    changed(fund)
    return fund


@transaction.atomic
def fund_update(
    *, fund: Fund, subdistricts: Iterable[str | Subdistrict] | None = None, **fields: Any
) -> Fund:
    for name, value in fields.items():
        if name in FUND_FIELDS:
            setattr(fund, name, value)
    areas = _subdistricts(subdistricts) if subdistricts is not None else None
    if areas is not None:
        _home_area(fund, areas)
    fund.full_clean()
    fund.save()
    if areas is not None:
        fund.subdistricts.set(areas)
    changed(fund)
    return fund


def fund_year_save(
    *,
    fund: Fund,
    fiscal_year: int,
    programme_role: str,
    registered_population: int | None = None,
    lg_revenue: Decimal | None = None,
    carry_over: Decimal | None = None,
) -> FundYear:
    limits.check(
        fiscal_year=("fiscal_year", fiscal_year),
        registered_population=("count", registered_population),
        lg_revenue=("money", lg_revenue),
        carry_over=("money", carry_over),
    )
    row, _created = FundYear.objects.update_or_create(
        fund=fund,
        fiscal_year=fiscal_year,
        defaults={
            "programme_role": programme_role,
            "registered_population": registered_population,
            "lg_revenue": lg_revenue,
            "carry_over": carry_over,
        },
    )
    return row


# People of a fund ------------------------------------------------------------------------------


@transaction.atomic
def fund_member_invite(
    *,
    fund: Fund,
    email: str,
    role: str,
    display_name: str,
    invited_by: User,
    request: HttpRequest | None = None,
) -> Membership:
    """Give someone a role at a fund. A new person gets an account and a link to set a password."""
    if role not in FUND_ROLES:
        raise ValidationError({"role": _("This role cannot be given at a fund.")})
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    created = user is None
    if user is None:
        user = User.objects.create_user(username=email, email=email, display_name=display_name)
        user.set_unusable_password()
        user.save(update_fields=["password"])
    membership, _created = Membership.objects.get_or_create(
        user=user, role=role, fund=fund, defaults={"created_by": invited_by}
    )
    if created:
        _invite_mail(user=user, fund=fund, role=role, invited_by=invited_by, request=request)
    return membership


def _invite_mail(*, user: User, fund: Fund, role: str, invited_by: User, request: HttpRequest | None) -> None:
    """The link to set a first password. (PasswordResetForm.save() would skip this user: it mails
    only accounts that already have a usable password.)"""
    site = get_current_site(request) if request is not None else None
    context = {
        "email": user.email,
        "domain": site.domain if site else "localhost",
        "site_name": site.name if site else "Kongtun",
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "user": user,
        "token": default_token_generator.make_token(user),
        "protocol": "https" if request is not None and request.is_secure() else "http",
        "fund_name": fund.name,
        "role": str(Role(role).label),
        "invited_by": str(invited_by),
    }
    transaction.on_commit(
        lambda: PasswordResetForm().send_mail(
            "funds/email/invite_subject.txt", "funds/email/invite_body.txt", context, None, user.email
        )
    )
