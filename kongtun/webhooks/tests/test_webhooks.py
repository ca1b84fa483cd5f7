"""Webhooks: a fund's or area's subscriber is told, signed and after commit, of status changes,
new activity reports and closed months; a failed send is tried again later and each try is in
the delivery log; addresses on private networks are refused in production."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from kongtun.areas.models import District
from kongtun.finance.services import month_close, month_reopen
from kongtun.followups.services import report_create, report_update
from kongtun.followups.tests.factories import running_project
from kongtun.projects.services import project_finish, project_reopen
from kongtun.webhooks import addresses, services, signing, transport
from kongtun.webhooks.models import Delivery, DeliveryStatus, EventType, Subscription
from kongtun.webhooks.services import MAX_ATTEMPTS, deliveries_retry_due, subscription_create
from kongtun.webhooks.tasks import webhook_deliver
from kongtun.webhooks.tests.receivers import LocalReceiver, StubReceiver, serve

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _local_receivers_allowed(settings: Any) -> None:
    settings.KONGTUN_WEBHOOKS_ALLOW_PRIVATE = True


@pytest.fixture
def receiver(monkeypatch: pytest.MonkeyPatch) -> StubReceiver:
    stub = StubReceiver()
    monkeypatch.setattr(transport, "post", stub.post)
    return stub


@pytest.fixture
def local_receiver() -> Iterator[LocalReceiver]:
    yield from serve(LocalReceiver())


def subscribe(scope: Any, user: Any, *events: str) -> Subscription:
    return subscription_create(
        scope=scope, url="https://hooks.example.org/kongtun", events=list(events) or EventType.values, by=user
    )


def test_a_change_of_status_tells_the_fund_s_webhook_with_a_signed_message(story, receiver) -> None:  # type: ignore[no-untyped-def]
    project = running_project(story)
    hook = subscribe(story.fund_a, story.officer_a, EventType.PROJECT_STATUS)
    project_finish(project=project, user=story.officer_a, status="completed")
    [sent] = receiver.sent
    message = sent.message
    assert message["type"] == "project.status_changed" and sent.headers["Kongtun-Event"] == message["type"]
    assert message["fund"]["code"] == story.fund_a.code
    assert message["data"]["project"]["id"] == project.pk
    assert (message["data"]["from"], message["data"]["to"]) == ("running", "completed")
    assert signing.verify(hook.secret, sent.body, sent.headers[signing.HEADER])
    assert not signing.verify("whsec_another", sent.body, sent.headers[signing.HEADER])
    assert not signing.verify(hook.secret, sent.body + b" ", sent.headers[signing.HEADER])
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.status_code) == (DeliveryStatus.DELIVERED, 1, 200)
    assert str(delivery.event_id) == message["id"] == sent.headers["Kongtun-Delivery"]


def test_an_old_signature_is_refused_as_a_replay() -> None:
    header = signing.sign("whsec_x", b"{}", timestamp=1_000_000)
    assert signing.verify("whsec_x", b"{}", header, now=1_000_000 + 60)
    assert not signing.verify("whsec_x", b"{}", header, now=1_000_000 + 10 * 60)


def test_a_district_webhook_hears_of_a_new_report_of_a_fund_in_it_once_not_of_its_edits(
    story, receiver
) -> None:  # type: ignore[no-untyped-def]
    chana = District.objects.get(code="9003")
    subscribe(chana, story.district_officer, EventType.REPORT_CREATED)
    subscribe(story.fund_b, story.officer_b, EventType.REPORT_CREATED)  # another fund's: hears nothing
    project = running_project(story)
    report = report_create(project=project, by=story.proposer_a, title="ประชุมชี้แจง", date=dt.date(2025, 2, 10))
    report_update(report=report, title="ประชุมชี้แจงผู้สูงอายุ", date=report.date)
    assert receiver.events() == ["activity_report.created"]
    data = receiver.sent[0].message["data"]
    assert data["report"]["id"] == report.pk and data["report"]["date"] == "2025-02-10"
    assert data["report"]["url"].endswith(f"/followups/reports/{report.pk}/")


def test_a_webhook_hears_only_the_events_it_chose(story, receiver) -> None:  # type: ignore[no-untyped-def]
    subscribe(story.fund_a, story.officer_a, EventType.MONTH_CLOSED)
    project = running_project(story)
    report_create(project=project, by=story.proposer_a, title="ประชุม", date=dt.date(2025, 2, 10))
    project_finish(project=project, user=story.officer_a, status="completed")
    assert receiver.sent == []


def test_closing_a_month_tells_and_opening_it_again_tells_too(story, receiver) -> None:  # type: ignore[no-untyped-def]
    subscribe(story.fund_a, story.officer_a, EventType.MONTH_CLOSED, EventType.MONTH_REOPENED)
    month_close(fund=story.fund_a, month_end=dt.date(2025, 10, 31), by=story.officer_a)
    month_reopen(fund=story.fund_a, by=story.officer_a, reason="ลงรายการผิดบัญชี")
    assert receiver.events() == ["month.closed", "month.reopened"]
    assert receiver.sent[0].message["data"]["month_end"] == "2025-10-31"
    assert receiver.sent[0].message["data"]["fiscal_year"] == 2569


def test_nothing_is_sent_for_a_write_that_rolled_back(story, receiver) -> None:  # type: ignore[no-untyped-def]
    project = running_project(story)
    subscribe(story.fund_a, story.officer_a)
    with pytest.raises(ValidationError):
        project_reopen(project=project, user=story.officer_a, reason="")
    assert receiver.sent == [] and not Delivery.objects.exists()


def test_a_subscriber_who_lost_the_role_hears_nothing_more(story, receiver) -> None:  # type: ignore[no-untyped-def]
    subscribe(story.fund_a, story.officer_a)
    story.officer_a.memberships.all().delete()
    month_close(fund=story.fund_a, month_end=dt.date(2025, 10, 31), by=story.officer_a)
    assert receiver.sent == []


def test_a_failed_send_is_tried_again_later_with_growing_waits_and_logged(story, receiver) -> None:  # type: ignore[no-untyped-def]
    receiver.answers = [500, ConnectionRefusedError("connection refused")]
    subscribe(story.fund_a, story.officer_a)
    month_close(fund=story.fund_a, month_end=dt.date(2025, 10, 31), by=story.officer_a)
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.status_code) == (DeliveryStatus.RETRYING, 1, 500)
    assert "500" in delivery.last_error
    assert delivery.next_attempt_at is not None
    first_wait = delivery.next_attempt_at - timezone.now()
    assert dt.timedelta(seconds=50) < first_wait <= dt.timedelta(minutes=1)

    assert deliveries_retry_due(now=timezone.now() + dt.timedelta(seconds=30)) == 0  # not yet
    assert deliveries_retry_due(now=timezone.now() + dt.timedelta(minutes=2)) == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.status_code) == (DeliveryStatus.RETRYING, 2, None)
    assert "connection refused" in delivery.last_error
    assert delivery.next_attempt_at is not None
    assert delivery.next_attempt_at - timezone.now() > dt.timedelta(minutes=3)  # 4 minutes this time

    deliveries_retry_due(now=timezone.now() + dt.timedelta(minutes=5))
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.status_code) == (DeliveryStatus.DELIVERED, 3, 200)
    assert delivery.last_error == "" and delivery.next_attempt_at is None
    bodies = {s.body for s in receiver.sent}
    assert len(receiver.sent) == 3 and len(bodies) == 1  # the same message each time


def test_it_gives_up_after_the_last_attempt(story, receiver) -> None:  # type: ignore[no-untyped-def]
    receiver.answers = [503] * MAX_ATTEMPTS
    subscribe(story.fund_a, story.officer_a)
    month_close(fund=story.fund_a, month_end=dt.date(2025, 10, 31), by=story.officer_a)
    for _ in range(MAX_ATTEMPTS):
        deliveries_retry_due(now=timezone.now() + dt.timedelta(days=1))
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.FAILED, MAX_ATTEMPTS)
    assert len(receiver.sent) == MAX_ATTEMPTS


def test_with_the_database_backend_the_next_try_waits_in_the_queue(story, receiver, settings) -> None:  # type: ignore[no-untyped-def]
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    receiver.answers = [500]
    subscribe(story.fund_a, story.officer_a)
    month_close(fund=story.fund_a, month_end=dt.date(2025, 10, 31), by=story.officer_a)
    delivery = Delivery.objects.get()
    assert receiver.sent == [] and delivery.status == DeliveryStatus.PENDING  # waits for the worker
    [queued] = DBTaskResult.objects.all()
    webhook_deliver.call(*queued.args_kwargs["args"])  # what the worker runs
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.RETRYING
    retry = DBTaskResult.objects.exclude(pk=queued.pk).get()
    assert retry.args_kwargs["args"] == [delivery.pk]
    assert delivery.next_attempt_at is not None
    assert abs(retry.run_after - delivery.next_attempt_at) < dt.timedelta(seconds=1)


def test_the_test_message_reaches_a_real_receiver_that_checks_the_signature(story, local_receiver) -> None:  # type: ignore[no-untyped-def]
    hook = subscription_create(
        scope=story.fund_a, url=local_receiver.url, events=[EventType.PROJECT_STATUS], by=story.officer_a
    )
    local_receiver.secret = hook.secret
    delivery = services.subscription_test(subscription=hook)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.status_code) == (DeliveryStatus.DELIVERED, 200)
    [(valid, message)] = local_receiver.received
    assert valid and message["type"] == "ping"

    local_receiver.secret = "whsec_not_this_one"  # a receiver that does not know the secret refuses it
    delivery = services.subscription_test(subscription=hook)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.status_code) == (DeliveryStatus.RETRYING, 401)


# Addresses -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/hook",
        "http://localhost/hook",
        "https://10.1.2.3/hook",
        "https://192.168.1.20/hook",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/hook",
        "https://100.64.0.1/hook",
        "ftp://hooks.example.org/",
        "javascript:alert(1)",
        "https://user:secret@hooks.example.org/",
    ],
)
def test_in_production_private_local_and_non_http_addresses_are_refused(url: str, settings: Any) -> None:
    settings.KONGTUN_WEBHOOKS_ALLOW_PRIVATE = False
    with pytest.raises(ValidationError):
        addresses.check_url(url)


def test_in_production_a_name_on_the_internet_is_accepted_and_one_pointing_inside_is_not(
    settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.KONGTUN_WEBHOOKS_ALLOW_PRIVATE = False
    monkeypatch.setattr(addresses, "resolve", lambda host, port: ["93.184.215.14"])
    assert addresses.check_url("https://hooks.example.org/k") == "https://hooks.example.org/k"
    monkeypatch.setattr(addresses, "resolve", lambda host, port: ["93.184.215.14", "10.0.0.7"])
    with pytest.raises(ValidationError):
        addresses.check_url("https://hooks.example.org/k")


def test_a_name_pointed_inside_after_it_was_saved_is_not_sent_to(
    story, receiver, settings, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    subscribe(story.fund_a, story.officer_a)
    settings.KONGTUN_WEBHOOKS_ALLOW_PRIVATE = False
    monkeypatch.setattr(addresses, "resolve", lambda host, port: ["127.0.0.1"])
    month_close(fund=story.fund_a, month_end=dt.date(2025, 10, 31), by=story.officer_a)
    delivery = Delivery.objects.get()
    assert receiver.sent == [] and delivery.status == DeliveryStatus.RETRYING
    assert "เครือข่ายภายใน" in delivery.last_error
