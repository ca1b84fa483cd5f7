from __future__ import annotations

from kongtun.reports.models import ExportJob, JobStatus


def public_files(kind: str, key: str) -> dict[object, ExportJob]:
    """The newest ready public file of `kind` for each value of its parameter `key` (open data: the
    file of each fiscal year)."""
    newest: dict[object, ExportJob] = {}
    ready = ExportJob.objects.filter(kind=kind, public=True, status=JobStatus.READY).order_by("-finished_at")
    for job in ready.only("pk", "params", "title", "file", "row_count", "finished_at", "status"):
        newest.setdefault(job.params.get(key), job)
    return newest
