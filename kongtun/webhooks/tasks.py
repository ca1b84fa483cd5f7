"""The background task that sends a webhook delivery (django-tasks: immediate in tests and
development, `manage.py db_worker` with the database backend in production)."""

from __future__ import annotations

from django_tasks import task

from kongtun.webhooks.models import Delivery, DeliveryStatus
from kongtun.webhooks.services import delivery_attempt


@task()
def webhook_deliver(delivery_id: int) -> str:
    """Send one delivery; if it failed, enqueue the next try at its time (where the backend can
    wait: the immediate one cannot, and `manage.py webhooks_retry` sends those)."""
    delivery = Delivery.objects.filter(pk=delivery_id).first()
    if delivery is None:
        return "gone"
    delivery = delivery_attempt(delivery=delivery)
    if delivery.status == DeliveryStatus.RETRYING and webhook_deliver.get_backend().supports_defer:
        webhook_deliver.using(run_after=delivery.next_attempt_at).enqueue(delivery.pk)
    return str(delivery.status)
