"""The closing page of a project (followups' page links it through the `followup.closing` panel):
close with the money returned, or reopen a closing with a reason. Same services as the API."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kongtun.accounts.permissions import Action
from kongtun.accounts.types import AuthedRequest
from kongtun.finance.closing import closing_create, closing_reopen, closing_terms
from kongtun.followups.access import followup_for
from kongtun.followups.forms import ClosingForm, ClosingReopenForm


@login_required
def closing(request: AuthedRequest, pk: int) -> HttpResponse:
    project = followup_for(request.user, pk, Action.RECEIVE)
    form = ClosingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            closing_create(project=project, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, _("The project was closed."))
            return redirect("followups:project", pk=project.pk)
    context = {"project": project, "form": form, "terms": closing_terms(project)}
    return render(request, "finance/closing.html", context)


@login_required
@require_POST
def reopen(request: AuthedRequest, pk: int) -> HttpResponse:
    project = followup_for(request.user, pk, Action.RECEIVE)
    form = ClosingReopenForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Give the reason the project is reopened."))
        closing_reopen(project=project, by=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The closing was reopened; the project is running again."))
    return redirect("followups:project", pk=project.pk)
