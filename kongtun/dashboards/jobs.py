"""The project list behind the dashboards' numbers as a workbook: every row the filters give (a
national year holds ~48,000), written as it is read. A short list is sent at once; a long one is
made by the queue (`reports.background`)."""

from __future__ import annotations

import io
from typing import Any, BinaryIO

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from kongtun.accounts.models import User
from kongtun.accounts.permissions import AnyUser
from kongtun.core.thai import format_date
from kongtun.dashboards.documents import project_list_columns, project_list_row
from kongtun.dashboards.selectors import ProjectFilter, project_rows, visible_projects
from kongtun.projects.models import Project
from kongtun.reports.background import export_job_redirect
from kongtun.reports.exporters import Output, Progress, chunked, exporter
from kongtun.reports.formats import FORMATS
from kongtun.reports.to_xlsx import write_xlsx_rows

PROJECTS = "dashboards.projects"
DIRECT_ROWS = 3000  # up to this many rows (a fund's, a district's list) the file is sent at once
NOT_FILTERS = ("format", "page")


def _filtered(user: AnyUser, query: dict[str, str]) -> QuerySet[Project]:
    return project_rows(ProjectFilter(query or None, queryset=visible_projects(user)).qs)


def _workbook(
    out: BinaryIO, projects: QuerySet[Project], query: dict[str, str], progress: Progress | None
) -> int:
    filters = ", ".join(f"{key}={value}" for key, value in sorted(query.items()) if value) or _("none")
    return write_xlsx_rows(
        out,
        title=_("Projects"),
        columns=project_list_columns(),
        rows=(project_list_row(p) for p in chunked(projects, progress)),
        about=[(_("Filters"), filters), (_("Made on"), format_date(timezone.localdate()))],
    )


@exporter(PROJECTS)
def projects_export(params: dict[str, Any], out: BinaryIO, progress: Progress) -> Output:
    """The job: the projects its asker may see (as they may when it runs), under the filters given."""
    asker = params.get("user")
    user: AnyUser = (User.objects.filter(pk=asker).first() if asker else None) or AnonymousUser()
    projects = _filtered(user, params["query"])
    progress(0, projects.count())
    return Output("projects.xlsx", _workbook(out, projects, params["query"], progress))


def project_list_file(request: HttpRequest) -> HttpResponse:
    """The list's workbook: at once when short, otherwise the job's page."""
    query = {key: str(value) for key, value in request.GET.items() if key not in NOT_FILTERS}
    projects = _filtered(request.user, query)
    if projects.count() > DIRECT_ROWS:
        user = request.user.pk if request.user.is_authenticated else None
        params = {"query": query, "user": user}
        return export_job_redirect(
            request, kind=PROJECTS, params=params, title=_("Projects (Excel workbook)")
        )
    out = io.BytesIO()
    _workbook(out, projects, query, None)
    response = HttpResponse(out.getvalue(), content_type=FORMATS["xlsx"].content_type)
    response["Content-Disposition"] = content_disposition_header(True, "projects.xlsx") or ""
    return response
