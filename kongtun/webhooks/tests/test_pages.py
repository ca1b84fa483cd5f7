"""Webhook pages and API: the fund officer (a fund's) and the area officers (an area's) manage
webhooks; a read-only role gets 403, someone with no role there 404; the API runs the same
services."""

from __future__ import annotations

import json
from typing import Any

import pytest

from kongtun.conftest import login
from kongtun.webhooks.models import Delivery, DeliveryStatus, EventType, Subscription
from kongtun.webhooks.services import subscription_create
from kongtun.webhooks.tests.receivers import StubReceiver

pytestmark = pytest.mark.django_db
HOOK = "https://hooks.example.org/kongtun"


@pytest.fixture(autouse=True)
def receiver(monkeypatch: pytest.MonkeyPatch, settings: Any) -> StubReceiver:
    settings.KONGTUN_WEBHOOKS_ALLOW_PRIVATE = True
    stub = StubReceiver()
    monkeypatch.setattr("kongtun.webhooks.transport.post", stub.post)
    return stub


def fund_hook(story: Any) -> Subscription:
    return subscription_create(
        scope=story.fund_a, url=HOOK, events=[EventType.PROJECT_STATUS], by=story.officer_a
    )


def test_the_fund_officer_adds_a_webhook_and_sees_its_secret(story) -> None:  # type: ignore[no-untyped-def]
    client = login(story.officer_a)
    url = f"/webhooks/fund/{story.fund_a.code}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"url": HOOK, "events": [EventType.PROJECT_STATUS, EventType.REPORT_CREATED]})
    hook = Subscription.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/webhooks/{hook.pk}/"
    assert hook.fund == story.fund_a and hook.created_by == story.officer_a
    assert hook.events == [EventType.PROJECT_STATUS, EventType.REPORT_CREATED]
    page = client.get(f"/webhooks/{hook.pk}/").content.decode()
    assert hook.secret in page and "Kongtun-Signature" in page


def test_the_fund_page_links_the_officer_to_webhooks_and_not_the_committee(story) -> None:  # type: ignore[no-untyped-def]
    link = f"/webhooks/fund/{story.fund_a.code}/"
    assert link in login(story.officer_a).get(f"/funds/{story.fund_a.code}/").content.decode()
    assert link not in login(story.committee_a).get(f"/funds/{story.fund_a.code}/").content.decode()


def test_a_wrong_address_is_refused_with_the_reason(story, settings) -> None:  # type: ignore[no-untyped-def]
    settings.KONGTUN_WEBHOOKS_ALLOW_PRIVATE = False
    response = login(story.officer_a).post(
        f"/webhooks/fund/{story.fund_a.code}/",
        {"url": "http://127.0.0.1:9000/", "events": [EventType.PROJECT_STATUS]},
    )
    assert response.status_code == 200 and not Subscription.objects.exists()
    assert response.context["form"].errors["url"]


def test_read_only_roles_get_403_and_outsiders_404(story) -> None:  # type: ignore[no-untyped-def]
    hook = fund_hook(story)
    for path in (f"/webhooks/fund/{story.fund_a.code}/", f"/webhooks/{hook.pk}/"):
        assert login(story.committee_a).get(path).status_code == 403
        assert login(story.mentor).get(path).status_code == 403
        assert login(story.officer_b).get(path).status_code == 404
        assert login(story.nobody).get(path).status_code == 404
    assert login(story.committee_a).post(f"/webhooks/{hook.pk}/test/").status_code == 403
    assert login(story.officer_b).post(f"/webhooks/{hook.pk}/delete/").status_code == 404
    assert Subscription.objects.filter(pk=hook.pk).exists() and not Delivery.objects.exists()


def test_an_area_officer_subscribes_for_the_area_and_the_mentor_may_not(story) -> None:  # type: ignore[no-untyped-def]
    path = "/webhooks/district/9003/"
    client = login(story.district_officer)
    assert client.get(path).status_code == 200
    client.post(path, {"url": HOOK, "events": [EventType.REPORT_CREATED]})
    assert Subscription.objects.get().district_id == "9003"
    assert "/webhooks/district/9003/" in client.get("/areas/district/9003/").content.decode()
    assert login(story.province_officer).get("/webhooks/province/90/").status_code == 200
    assert login(story.region_officer).get("/webhooks/region/12/").status_code == 200
    assert login(story.mentor).get(path).status_code == 403
    assert login(story.officer_b).get(path).status_code == 404
    assert login(story.district_officer).get("/webhooks/province/93/").status_code == 404


def test_send_test_logs_the_delivery_on_the_page(story, receiver) -> None:  # type: ignore[no-untyped-def]
    hook = fund_hook(story)
    receiver.answers = [500]
    client = login(story.officer_a)
    response = client.post(f"/webhooks/{hook.pk}/test/", follow=True)
    assert receiver.events() == ["ping"]
    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.RETRYING and delivery.status_code == 500
    assert 'data-delivery="retrying"' in response.content.decode()


def test_the_officer_pauses_and_removes_a_webhook(story) -> None:  # type: ignore[no-untyped-def]
    hook = fund_hook(story)
    client = login(story.officer_a)
    client.post(f"/webhooks/{hook.pk}/", {"url": HOOK, "events": [EventType.MONTH_CLOSED]})
    hook.refresh_from_db()
    assert hook.events == [EventType.MONTH_CLOSED] and not hook.is_active
    response = client.post(f"/webhooks/{hook.pk}/delete/")
    assert response["Location"] == f"/webhooks/fund/{story.fund_a.code}/"
    assert not Subscription.objects.exists()


# API -------------------------------------------------------------------------------------------


def api_post(client: Any, path: str, data: dict[str, Any] | None = None) -> Any:
    return client.post(path, json.dumps(data or {}), content_type="application/json")


def test_the_api_subscribes_lists_tests_and_shows_the_log(story, receiver) -> None:  # type: ignore[no-untyped-def]
    client = login(story.officer_a)
    base = f"/api/v1/webhooks/fund/{story.fund_a.code}"
    response = api_post(client, base, {"url": HOOK, "events": ["month.closed"], "description": "ระบบบัญชี"})
    assert response.status_code == 201, response.content
    hook = response.json()
    assert hook["secret"].startswith("whsec_") and hook["events"] == ["month.closed"]
    assert [h["id"] for h in client.get(base).json()] == [hook["id"]]
    tested = api_post(client, f"/api/v1/webhooks/subscriptions/{hook['id']}/test")
    assert tested.status_code == 201 and tested.json()["status"] == "delivered"
    [logged] = client.get(f"/api/v1/webhooks/subscriptions/{hook['id']}/deliveries").json()
    assert logged["event"] == "ping" and logged["status_code"] == 200 and logged["attempts"] == 1
    assert client.delete(f"/api/v1/webhooks/subscriptions/{hook['id']}").status_code == 204


def test_the_api_refuses_as_the_pages_do(story, settings) -> None:  # type: ignore[no-untyped-def]
    hook = fund_hook(story)
    base = f"/api/v1/webhooks/fund/{story.fund_a.code}"
    assert login(story.committee_a).get(base).status_code == 403
    assert login(story.officer_b).get(base).status_code == 404
    assert login(story.officer_b).get(f"/api/v1/webhooks/subscriptions/{hook.pk}").status_code == 404
    assert (
        api_post(login(story.committee_a), f"/api/v1/webhooks/subscriptions/{hook.pk}/test").status_code
        == 403
    )
    unknown = api_post(login(story.officer_a), base, {"url": HOOK, "events": ["everything"]})
    assert unknown.status_code == 422 and "events" in [e["field"] for e in unknown.json()["errors"]]
    settings.KONGTUN_WEBHOOKS_ALLOW_PRIVATE = False
    refused = api_post(login(story.officer_a), base, {"url": "http://10.0.0.1/", "events": ["month.closed"]})
    assert refused.status_code == 422 and "url" in [e["field"] for e in refused.json()["errors"]]
