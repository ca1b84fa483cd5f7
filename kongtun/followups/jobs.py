"""The final report's PDF made by the queue (WeasyPrint takes seconds for a long report): the page's
print button asks for it, and the job's page offers the file when it is ready."""

from __future__ import annotations

from typing import Any, BinaryIO

from django.http import HttpRequest, HttpResponseRedirect
from django.utils.translation import gettext as _

from kongtun.followups.access import reads_as_public
from kongtun.followups.documents import final_report_document
from kongtun.projects.models import APPROVED_STATUSES, Project
from kongtun.reports.background import export_job_redirect
from kongtun.reports.exporters import Output, Progress, exporter
from kongtun.reports.formats import document_pdf

FINAL_REPORT = "followups.final_report"


@exporter(FINAL_REPORT)
def final_report_pdf(params: dict[str, Any], out: BinaryIO, progress: Progress) -> Output:
    """The report as its asker may read it (`public`: without personal data), as it stands when the
    job runs."""
    project = Project.objects.select_related("fund").get(pk=params["project"], status__in=APPROVED_STATUSES)
    document = final_report_document(project, public=params["public"])
    out.write(document_pdf(document))
    return Output(f"{document.filename}.pdf", rows=None)


def final_report_print(request: HttpRequest, project: Project) -> HttpResponseRedirect:
    params = {"project": project.pk, "public": reads_as_public(request.user, project)}
    title = _("Final report (PDF): %(title)s") % {"title": project.title}
    return export_job_redirect(request, kind=FINAL_REPORT, params=params, title=title)
