"""Files made in the background: who asked for what, how far it is, and the file when it is ready.

A page that would take long to build a file (a national project list, a final report's PDF, the
open-data export of a year) records an `ExportJob` and hands it to the queue (`reports.tasks`); the
user follows its progress on the job's page and downloads the file there. Only the one who asked
sees a job (their account, or their browser's session for a visitor); a public job (open data) is
for everyone. The job runs in the language the user read the site in, as pretix runs its exports.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting in the queue")
    RUNNING = "running", _("Being made")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


FINISHED = (JobStatus.READY, JobStatus.FAILED)


def _upload_to(job: ExportJob, filename: str) -> str:
    # A folder per job keeps the name the user downloads, and nobody guesses another job's file.
    return f"exports/{job.token}/{filename}"


class ExportJob(models.Model):
    kind = models.CharField(_("kind"), max_length=40)  # an exporter registered in reports.exporters
    params = models.JSONField(_("parameters"), default=dict)
    title = models.CharField(_("title"), max_length=300)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="export_jobs"
    )
    session_key = models.CharField(max_length=40, blank=True)  # a visitor's job
    public = models.BooleanField(_("public"), default=False)  # open data: for everyone
    language = models.CharField(_("language"), max_length=5, default="th")
    status = models.CharField(_("status"), max_length=10, choices=JobStatus, default=JobStatus.QUEUED)
    rows_done = models.PositiveIntegerField(_("rows written"), default=0)
    rows_total = models.PositiveIntegerField(_("rows expected"), null=True, blank=True)
    row_count = models.PositiveIntegerField(_("rows in the file"), null=True, blank=True)
    token = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    file = models.FileField(_("file"), upload_to=_upload_to, blank=True, max_length=300)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("asked at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("export job")
        verbose_name_plural = _("export jobs")
        indexes = [
            models.Index(fields=["user", "kind"], name="export_job_user_kind"),
            models.Index(fields=["kind", "public", "status"], name="export_job_public"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED

    @property
    def percent(self) -> int:
        """How far the job is, 0–100 (a job that cannot count its rows yet stays at 0)."""
        if self.status == JobStatus.READY:
            return 100
        if not self.rows_total:
            return 0
        return min(99, self.rows_done * 100 // self.rows_total)

    @property
    def filename(self) -> str:
        return (self.file.name or "").rsplit("/", 1)[-1]
