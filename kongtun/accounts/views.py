from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kongtun.accounts import services
from kongtun.accounts.forms import ProfileForm, TokenForm
from kongtun.accounts.models import Notification
from kongtun.accounts.permissions import memberships
from kongtun.accounts.types import AuthedRequest


@login_required
def profile(request: AuthedRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.profile_update(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your profile was saved."))
        response = redirect("accounts:profile")
        response.set_cookie("django_language", form.cleaned_data["language"])
        return response
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "token_form": TokenForm(),
            "tokens": request.user.api_tokens.all(),
            "memberships": memberships(request.user),
        },
    )


@login_required
@require_POST
def token_create(request: AuthedRequest) -> HttpResponse:
    form = TokenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the token a name."))
        return redirect("accounts:profile")
    _token, key = services.api_token_create(user=request.user, name=form.cleaned_data["name"])
    messages.success(
        request, _("Your new token is %(key)s — copy it now, it will not be shown again.") % {"key": key}
    )
    return redirect("accounts:profile")


@login_required
@require_POST
def token_delete(request: AuthedRequest, token_id: int) -> HttpResponse:
    services.api_token_delete(user=request.user, token_id=token_id)
    messages.success(request, _("The token was deleted."))
    return redirect("accounts:profile")


@login_required
def notifications(request: AuthedRequest) -> HttpResponse:
    items = list(Notification.objects.filter(user=request.user)[:100])
    services.notifications_mark_read(user=request.user)
    return render(request, "accounts/notifications.html", {"items": items})
