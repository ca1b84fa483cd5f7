"""Pages of webhooks: a fund's or area's subscriptions (and a form to add one), one subscription
with its secret, its settings and its delivery log, and its "send a test" button."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kongtun.accounts.types import AuthedRequest
from kongtun.webhooks import selectors, services
from kongtun.webhooks.access import scope_for, subscription_for
from kongtun.webhooks.forms import SubscriptionForm
from kongtun.webhooks.signing import HEADER


@login_required
def subscriptions(request: AuthedRequest, level: str, code: str) -> HttpResponse:
    scope = scope_for(request.user, level, code)
    form = SubscriptionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            subscription = services.subscription_create(scope=scope, by=request.user, **form.service_kwargs())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The webhook was added. Keep its secret to check the signatures."))
            return redirect("webhooks:detail", subscription.pk)
    context = {"scope": scope, "subscriptions": selectors.subscriptions_of(scope), "form": form}
    return render(request, "webhooks/list.html", context)


@login_required
def subscription_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    subscription = subscription_for(request.user, pk)
    form = SubscriptionForm(
        request.POST or None,
        editing=True,
        initial={
            "url": subscription.url,
            "description": subscription.description,
            "events": subscription.events,
            "is_active": subscription.is_active,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.subscription_update(subscription=subscription, **form.service_kwargs())
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The webhook was saved."))
            return redirect("webhooks:detail", subscription.pk)
    context = {
        "subscription": subscription,
        "scope": subscription.scope,
        "level": selectors.scope_level(subscription.scope),
        "code": selectors.scope_code(subscription.scope),
        "deliveries": selectors.delivery_log(subscription),
        "form": form,
        "header": HEADER,
    }
    return render(request, "webhooks/detail.html", context)


@login_required
@require_POST
def subscription_test(request: AuthedRequest, pk: int) -> HttpResponse:
    subscription = subscription_for(request.user, pk)
    services.subscription_test(subscription=subscription)
    messages.success(request, _("A test message was sent. Its result is at the top of the log."))
    return redirect("webhooks:detail", subscription.pk)


@login_required
@require_POST
def subscription_delete(request: AuthedRequest, pk: int) -> HttpResponse:
    subscription = subscription_for(request.user, pk)
    scope = subscription.scope
    services.subscription_delete(subscription=subscription)
    messages.success(request, _("The webhook was removed: nothing more is sent to it."))
    return redirect("webhooks:list", selectors.scope_level(scope), selectors.scope_code(scope))
