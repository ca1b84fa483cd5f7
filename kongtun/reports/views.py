"""The page of an export job: its progress (the page asks again every two seconds while it runs)
and, once ready, the file with the number of rows it holds."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.http import content_disposition_header

from kongtun.core.files import stored_file_response
from kongtun.reports.access import export_job_for
from kongtun.reports.models import JobStatus


def job_page(request: HttpRequest, pk: int) -> HttpResponse:
    job = export_job_for(request.user, pk, request.session.session_key)
    partial = getattr(request, "htmx", False)
    template = "reports/_job.html" if partial else "reports/job.html"
    return render(request, template, {"job": job})


def job_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    job = export_job_for(request.user, pk, request.session.session_key)
    if job.status != JobStatus.READY or not job.file:
        raise Http404
    response = stored_file_response(job.file, public=False)
    response["Content-Disposition"] = content_disposition_header(True, job.filename) or ""
    return response
