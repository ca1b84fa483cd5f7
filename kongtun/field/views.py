"""Pages of field entry: the phone's home and entry pages (they work offline: field.js keeps each
record in IndexedDB and sends it to the sync API), the officer's conflicts and invitations, the
join page of an invitation, and the web app's service worker and manifest."""

from __future__ import annotations

import uuid

import segno
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kongtun.accounts.permissions import Action, signed_in
from kongtun.accounts.types import AuthedRequest
from kongtun.field import selectors, services
from kongtun.field.access import invite_for, open_invite, record_for
from kongtun.field.forms import JoinForm, ResolveForm
from kongtun.followups.access import followup_for
from kongtun.followups.forms import ActivityReportForm
from kongtun.funds.access import fund_for
from kongtun.situations.access import current_year, issue_for
from kongtun.situations.forms import SituationValueForm
from kongtun.situations.selectors import situation_sheet, year_issues


@login_required
def home(request: AuthedRequest) -> HttpResponse:
    """What this person enters in the field; every page linked here is kept for offline use."""
    year = current_year()
    return render(
        request,
        "field/home.html",
        {
            "year": year,
            "funds": selectors.entry_funds(request.user),
            "issues": year_issues(year),
            "projects": selectors.reportable_projects(request.user),
            "conflicts": selectors.conflicts(request.user).count(),
        },
    )


@login_required
def situation_entry(request: AuthedRequest, code: str, year: int, issue: str) -> HttpResponse:
    """The survey sheet of one issue, as on the web (it posts there without script), with the
    version of each value this phone read."""
    fund = fund_for(request.user, code, Action.ENTER_DATA)
    the_issue = issue_for(year, issue)
    rows = [
        (
            row,
            SituationValueForm(indicator=row.indicator, current=row.current),
            selectors.version(row.current),
        )
        for row in situation_sheet(fund=fund, fiscal_year=year, issue=the_issue)
    ]
    return render(
        request,
        "field/situation.html",
        {"fund": fund, "year": year, "issue": the_issue, "rows": rows, "record_id": uuid.uuid4()},
    )


@login_required
def report_entry(request: AuthedRequest, pk: int) -> HttpResponse:
    project = followup_for(request.user, pk, Action.REPORT)
    return render(
        request,
        "field/report.html",
        {"project": project, "form": ActivityReportForm(project=project), "record_id": uuid.uuid4()},
    )


def session(request: HttpRequest) -> JsonResponse:
    """Asked by the phone before it sends: still logged in? and a fresh CSRF token (a page kept
    offline may hold an old one)."""
    if not request.user.is_authenticated:
        return JsonResponse({"detail": _("Log in to send what this phone keeps.")}, status=401)
    return JsonResponse({"csrf": get_token(request), "user": str(request.user)})


def service_worker(request: HttpRequest) -> HttpResponse:
    response = render(request, "field/sw.js", content_type="text/javascript")
    response["Service-Worker-Allowed"] = reverse("field:home")
    response["Cache-Control"] = "no-cache"
    return response


def manifest(request: HttpRequest) -> JsonResponse:
    icons = [
        {"src": static(f"field/icons/icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png"}
        for size in (192, 512)
    ]
    icons.append({**icons[-1], "purpose": "maskable"})
    home_url = reverse("field:home")
    data = {
        "name": _("Kongtun field entry"),
        "short_name": _("Kongtun"),
        "description": _("Enter the situation survey and activity reports, with or without signal."),
        "lang": "th",
        "start_url": home_url,
        "scope": home_url,
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#2e7d5b",
        "icons": icons,
    }
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    return response


@login_required
def conflicts(request: AuthedRequest) -> HttpResponse:
    return render(request, "field/conflicts.html", {"records": selectors.conflicts(request.user)})


@login_required
def conflict(request: AuthedRequest, pk: int) -> HttpResponse:
    """Both versions side by side; the officer keeps one."""
    record = record_for(request.user, pk, Action.VIEW)
    form = ResolveForm(request.POST or None)
    if request.method == "POST":
        record = record_for(request.user, pk, Action.EDIT)
        if form.is_valid():
            try:
                services.conflict_resolve(record=record, user=request.user, keep=form.cleaned_data["keep"])
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("The record was resolved."))
                return redirect("field:conflicts")
    return render(request, "field/conflict.html", {"record": record, "form": form})


@login_required
def invites(request: AuthedRequest, code: str) -> HttpResponse:
    fund = fund_for(request.user, code, Action.MANAGE_MEMBERS)
    if request.method == "POST":
        services.invite_create(fund=fund, user=request.user)
        messages.success(request, _("A new invitation link was made. Show its QR code to the volunteers."))
        return redirect("field:invites", fund.code)
    links = [
        (invite, request.build_absolute_uri(reverse("field:join", args=[invite.token])))
        for invite in selectors.active_invites(fund)
    ]
    return render(request, "field/invites.html", {"fund": fund, "links": links})


@login_required
@require_POST
def invite_revoke(request: AuthedRequest, pk: int) -> HttpResponse:
    invite = invite_for(request.user, pk, Action.MANAGE_MEMBERS)
    services.invite_revoke(invite=invite)
    messages.success(request, _("The invitation link was withdrawn: it no longer works."))
    return redirect("field:invites", invite.fund.code)


@login_required
def invite_qr(request: AuthedRequest, pk: int) -> HttpResponse:
    invite = invite_for(request.user, pk, Action.MANAGE_MEMBERS)
    url = request.build_absolute_uri(reverse("field:join", args=[invite.token]))
    svg = segno.make(url, error="m").svg_inline(scale=6, border=2, omitsize=True)
    return HttpResponse(svg, content_type="image/svg+xml")


def join(request: HttpRequest, token: str) -> HttpResponse:
    """Where the QR code leads: a volunteer makes an account (or, logged in, just joins)."""
    invite = open_invite(token)
    user = signed_in(request.user)
    form = JoinForm(request.POST or None) if user is None else None
    if request.method == "POST" and (form is None or form.is_valid()):
        try:
            joined = services.invite_accept(invite=invite, user=user, **(form.cleaned_data if form else {}))
        except ValidationError as exc:
            assert form is not None  # a signed-in user's joining raises nothing
            form.add_error(None, exc)
        else:
            if user is None:
                login(request, joined, backend="kongtun.accounts.backends.UsernameOrEmailBackend")
            messages.success(request, _("Welcome: you enter data for %(fund)s.") % {"fund": invite.fund.name})
            return redirect("field:home")
    return render(request, "field/join.html", {"invite": invite, "form": form})
