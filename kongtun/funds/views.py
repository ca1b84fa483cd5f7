from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kongtun.accounts.forms import InviteForm
from kongtun.accounts.models import Membership
from kongtun.accounts.permissions import Action, can, fund_actions
from kongtun.accounts.services import membership_delete
from kongtun.accounts.types import AuthedRequest, HtmxRequest
from kongtun.core.panels import panels
from kongtun.core.thai import fiscal_year_of
from kongtun.funds import services
from kongtun.funds.access import fund_for
from kongtun.funds.forms import FundForm, FundYearForm
from kongtun.funds.selectors import FundFilter, fund_list, fund_member_changes, fund_year_initial


def fund_index(request: HtmxRequest) -> HttpResponse:
    """The public registry of funds, filtered; HTMX swaps only the results as filters change."""
    filterset = FundFilter(request.GET or None, queryset=fund_list())
    page = Paginator(filterset.qs, 30).get_page(request.GET.get("page"))
    template = "funds/_results.html" if request.htmx else "funds/index.html"
    return render(request, template, {"filter": filterset, "page": page})


def fund_detail(request: AuthedRequest, code: str) -> HttpResponse:
    """Public facts of the fund; its workspace links only for those with a role over it."""
    fund = get_object_or_404(fund_list(), code=code)
    return render(
        request,
        "funds/detail.html",
        {
            "fund": fund,
            "years": fund.years.all()[:5],
            "subdistricts": fund.subdistricts.all(),
            "actions": fund_actions(request.user, fund) if request.user.is_authenticated else set(),
            "action_panels": panels("fund.actions", request, fund),
            "section_panels": panels("fund.sections", request, fund),
        },
    )


@login_required
def fund_edit(request: AuthedRequest, code: str) -> HttpResponse:
    fund = fund_for(request.user, code, Action.EDIT)
    form = FundForm(request.POST or None, instance=fund)
    if request.method == "POST" and form.is_valid():
        try:
            services.fund_update(fund=fund, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The fund was saved."))
            return redirect(fund)
    return render(request, "funds/edit.html", {"fund": fund, "form": form})


@login_required
def fund_year_edit(request: AuthedRequest, code: str) -> HttpResponse:
    fund = fund_for(request.user, code, Action.EDIT)
    year = request.GET.get("year", "")
    fiscal_year = int(year) if year.isdigit() else fiscal_year_of(timezone.localdate())
    form = FundYearForm(request.POST or None, initial=fund_year_initial(fund, fiscal_year))
    if request.method == "POST" and form.is_valid():
        services.fund_year_save(fund=fund, **form.cleaned_data)
        messages.success(request, _("The fiscal-year details were saved."))
        return redirect(fund)
    return render(request, "funds/year_edit.html", {"fund": fund, "form": form})


@login_required
def fund_members(request: AuthedRequest, code: str) -> HttpResponse:
    fund = fund_for(request.user, code, Action.VIEW)
    form = InviteForm(request.POST or None)
    if request.method == "POST":
        fund = fund_for(request.user, code, Action.MANAGE_MEMBERS)
        if form.is_valid():
            services.fund_member_invite(
                fund=fund, invited_by=request.user, request=request, **form.cleaned_data
            )
            messages.success(
                request, _("%(name)s was added to the fund.") % {"name": form.cleaned_data["display_name"]}
            )
            return redirect("funds:members", code=fund.code)
    members = (
        Membership.objects.filter(fund=fund).select_related("user").order_by("role", "user__display_name")
    )
    return render(
        request,
        "funds/members.html",
        {
            "fund": fund,
            "form": form,
            "members": members,
            "can_manage": can(request.user, Action.MANAGE_MEMBERS, fund),
        },
    )


@login_required
def fund_members_history(request: AuthedRequest, code: str) -> HttpResponse:
    """Who gave or took which role at the fund, and the members' API tokens: for its officer."""
    fund = fund_for(request.user, code, Action.MANAGE_MEMBERS)
    page = Paginator(fund_member_changes(fund), 50).get_page(request.GET.get("page"))
    return render(request, "funds/members_history.html", {"fund": fund, "page": page})


@login_required
@require_POST
def fund_member_remove(request: AuthedRequest, code: str, membership_id: int) -> HttpResponse:
    fund = fund_for(request.user, code, Action.MANAGE_MEMBERS)
    membership = get_object_or_404(Membership, pk=membership_id, fund=fund)
    try:
        membership_delete(membership=membership)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("The role was removed."))
    return redirect("funds:members", code=fund.code)
