"""The queue's job that makes an export's file (django-tasks: in the request with the immediate
backend, on `manage.py db_worker` with the database backend)."""

from __future__ import annotations

from django_tasks import task

from kongtun.reports.services import export_job_run


@task()
def export_run(job_id: int) -> int | None:
    """Make the file of export job `job_id`; returns the rows it holds (None if it failed or ran already)."""
    return export_job_run(job_id=job_id)
