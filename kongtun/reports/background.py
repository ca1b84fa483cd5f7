"""What a view of an upper app calls to make a file in the background rather than in the request:
`export_job_redirect(request, kind=…, params=…, title=…)` records the job for whoever asks (their
account, or a visitor's session) and sends them to the job's page, which shows its progress and
offers the file when it is ready."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils import translation

from kongtun.accounts.models import User
from kongtun.reports.services import export_job_start


def export_job_redirect(
    request: HttpRequest, *, kind: str, params: dict[str, Any], title: str
) -> HttpResponseRedirect:
    user = request.user if isinstance(request.user, User) else None
    session_key = ""
    if user is None:
        if request.session.session_key is None:
            request.session.save()  # a visitor's job belongs to their session
        session_key = request.session.session_key or ""
    job = export_job_start(
        kind=kind,
        params=params,
        title=title,
        user=user,
        session_key=session_key,
        language=translation.get_language(),
    )
    return redirect("reports:job", pk=job.pk)
