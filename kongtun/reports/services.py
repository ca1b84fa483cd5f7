"""Export jobs: asked for by a user (or a visitor's session), run once by the queue, the file kept in
the default storage (the media folder or the bucket, which the web and the worker share)."""

from __future__ import annotations

import logging
import tempfile
from typing import Any

from django.core.files import File
from django.utils import timezone, translation

from kongtun.accounts.models import User
from kongtun.core.events import after_commit
from kongtun.reports.exporters import exporter_get
from kongtun.reports.models import ExportJob, JobStatus

logger = logging.getLogger(__name__)


def export_job_start(
    *,
    kind: str,
    params: dict[str, Any],
    title: str,
    user: User | None = None,
    session_key: str = "",
    public: bool = False,
    language: str | None = None,
) -> ExportJob:
    """Ask for a file: a new job for the queue, or the owner's same job still waiting or running (so a
    second click does not make the file twice). The queue hears of it once the job is committed."""
    exporter_get(kind)  # an unknown kind fails here, not in the worker
    unfinished = ExportJob.objects.filter(
        kind=kind,
        user=user,
        session_key="" if user else session_key,
        public=public,
        status__in=[JobStatus.QUEUED, JobStatus.RUNNING],
    )
    for job in unfinished:
        if job.params == params:
            return job
    job = ExportJob.objects.create(
        kind=kind,
        params=params,
        title=title[:300],
        user=user,
        session_key="" if user else session_key,
        public=public,
        language=language or translation.get_language() or "th",
    )
    from kongtun.reports.tasks import export_run  # the task module imports this one

    job_id = job.pk

    def enqueue() -> None:
        export_run.enqueue(job_id)

    after_commit(enqueue)
    return job


def export_job_run(*, job_id: int) -> int | None:
    """Make the job's file (once: a job already taken by another worker is left alone), in the
    language it was asked in; its progress is written as it goes, outside any transaction, so that
    the job's page sees it."""
    now = timezone.now()
    if not ExportJob.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING, started_at=now
    ):
        return None
    job = ExportJob.objects.get(pk=job_id)

    def progress(done: int, total: int | None = None) -> None:
        fields: dict[str, Any] = {"rows_done": done}
        if total is not None:
            fields["rows_total"] = total
        ExportJob.objects.filter(pk=job_id).update(**fields)

    try:
        with translation.override(job.language), tempfile.TemporaryFile() as out:
            output = exporter_get(job.kind)(job.params, out, progress)
            out.seek(0)
            job.file.save(output.filename, File(out, name=output.filename), save=False)
    except Exception as error:
        logger.exception("export job %s (%s) failed", job_id, job.kind)
        ExportJob.objects.filter(pk=job_id).update(
            status=JobStatus.FAILED,
            error=f"{type(error).__name__}: {error}"[:2000],
            finished_at=timezone.now(),
        )
        return None
    ExportJob.objects.filter(pk=job_id).update(
        status=JobStatus.READY,
        file=job.file.name,
        row_count=output.rows,
        rows_done=output.rows or 0,
        finished_at=timezone.now(),
    )
    return output.rows
