"""Background jobs of the whole site. The domain's own jobs live in their apps' tasks.py."""

from __future__ import annotations

from django_tasks import task


@task()
def worker_check(token: str) -> str:
    """Answers with the token it was given: `manage.py worker_check` enqueues it and waits, to show
    that a worker takes jobs from the queue and runs them."""
    return token
