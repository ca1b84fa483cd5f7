"""Access helper of export jobs: a job is its asker's alone (their account, or for a visitor the
browser session that asked); a public job (open data) is everyone's. Anyone else gets 404."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from kongtun.accounts.permissions import AnyUser
from kongtun.reports.models import ExportJob


def export_job_for(user: AnyUser, pk: int, session_key: str | None) -> ExportJob:
    job = get_object_or_404(ExportJob, pk=pk)
    if job.public:
        return job
    if job.user_id is not None:
        if user.is_authenticated and job.user_id == user.pk:
            return job
    elif session_key and job.session_key == session_key:
        return job
    raise Http404
