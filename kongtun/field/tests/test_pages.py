"""The field pages: the phone's home and entry pages, the service worker and manifest, the
officer's conflicts and invitations, and joining by an invitation link."""

from __future__ import annotations

import json
import uuid
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from kongtun.accounts.models import Membership, Role, User
from kongtun.conftest import login
from kongtun.field import services
from kongtun.field.models import RecordStatus, SyncRecord
from kongtun.followups.tests.factories import running_project
from kongtun.programme.models import Indicator
from kongtun.situations.models import SituationValue
from kongtun.situations.services import situation_value_save

pytestmark = pytest.mark.django_db


def test_the_collector_s_home_lists_the_survey_issues_to_keep_offline(story) -> None:  # type: ignore[no-untyped-def]
    page = login(story.collector_a).get(reverse("field:home"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "data-offline-page" in html and story.fund_a.name in html
    assert reverse("field:manifest") in html and "field/field.js" in html
    assert story.fund_b.name not in html


def test_the_survey_page_carries_the_version_of_each_value_and_posts_to_the_web_page(story) -> None:  # type: ignore[no-untyped-def]
    value = situation_value_save(
        fund=story.fund_a,
        fiscal_year=2569,
        indicator=Indicator.objects.get(code="tobacco-adults"),
        value=Decimal("20"),
    )
    url = reverse("field:situation", args=[story.fund_a.code, 2569, "tobacco"])
    html = login(story.collector_a).get(url).content.decode()
    assert f'name="tobacco-adults-version" value="{value.updated_at.isoformat()}"' in html
    assert reverse("situations:entry", args=[story.fund_a.code, 2569, "tobacco"]) in html
    assert 'data-kind="situation"' in html


@pytest.mark.parametrize(("who", "status"), [("officer_b", 404), ("committee_a", 403), ("proposer_a", 404)])
def test_only_those_who_enter_data_open_the_survey_page(story, who, status) -> None:  # type: ignore[no-untyped-def]
    url = reverse("field:situation", args=[story.fund_a.code, 2569, "tobacco"])
    assert login(getattr(story, who)).get(url).status_code == status


def test_the_proposer_opens_the_report_page_and_outsiders_do_not(story) -> None:  # type: ignore[no-untyped-def]
    project = running_project(story)
    url = reverse("field:report", args=[project.pk])
    html = login(story.proposer_a).get(url).content.decode()
    assert 'data-kind="report"' in html and 'name="photos"' in html
    assert login(story.officer_b).get(url).status_code == 404
    assert login(story.committee_a).get(url).status_code == 403


def test_the_session_gives_a_token_to_the_signed_in_and_401_to_others(story) -> None:  # type: ignore[no-untyped-def]
    assert login(story.collector_a).get(reverse("field:session")).json()["csrf"]
    assert Client().get(reverse("field:session")).status_code == 401


def test_the_service_worker_and_manifest_make_the_app_installable(story) -> None:  # type: ignore[no-untyped-def]
    client = Client()
    sw = client.get(reverse("field:sw"))
    assert sw["Content-Type"].startswith("text/javascript")
    assert sw["Service-Worker-Allowed"] == "/field/"
    assert "workbox-strategies.prod.js" in sw.content.decode()
    manifest = json.loads(client.get(reverse("field:manifest")).content)
    assert manifest["start_url"] == "/field/" and manifest["display"] == "standalone"
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}
    assert manifest["name"] == "กองทุน บันทึกข้อมูลภาคสนาม"


def _held(story) -> SyncRecord:  # type: ignore[no-untyped-def]
    situation_value_save(
        fund=story.fund_a,
        fiscal_year=2569,
        indicator=Indicator.objects.get(code="tobacco-adults"),
        value=Decimal("20"),
    )
    record = {
        "id": str(uuid.uuid4()),
        "kind": "situation",
        "fund": story.fund_a.code,
        "year": 2569,
        "issue": "tobacco",
        "fields": {"tobacco-adults-value": "31"},
    }
    services.sync_record(user=story.collector_a, record=record)
    return SyncRecord.objects.get()


def test_the_officer_compares_both_versions_and_keeps_the_phone_s(story) -> None:  # type: ignore[no-untyped-def]
    held = _held(story)
    client = login(story.officer_a)
    assert "เปรียบเทียบและเลือก" in client.get(reverse("field:conflicts")).content.decode()
    html = client.get(reverse("field:conflict", args=[held.pk])).content.decode()
    assert "31" in html and "20.00" in html
    response = client.post(reverse("field:conflict", args=[held.pk]), {"keep": "device"})
    assert response.status_code == 302
    assert SituationValue.objects.get().value == Decimal("31")
    assert SyncRecord.objects.get().status == RecordStatus.RESOLVED


def test_a_conflict_is_hidden_from_outsiders_and_read_only_for_the_collector(story) -> None:  # type: ignore[no-untyped-def]
    held = _held(story)
    url = reverse("field:conflict", args=[held.pk])
    assert login(story.officer_b).get(url).status_code == 404
    assert login(story.officer_b).post(url, {"keep": "device"}).status_code == 404
    assert login(story.collector_a).post(url, {"keep": "device"}).status_code == 403
    assert SituationValue.objects.get().value == Decimal("20")
    assert not login(story.officer_b).get(reverse("field:conflicts")).context["records"]


def test_the_officer_makes_an_invitation_with_a_qr_code_and_withdraws_it(story) -> None:  # type: ignore[no-untyped-def]
    client = login(story.officer_a)
    url = reverse("field:invites", args=[story.fund_a.code])
    client.post(url)
    invite = story.fund_a.field_invites.get()
    html = client.get(url).content.decode()
    assert reverse("field:join", args=[invite.token]) in html
    qr = client.get(reverse("field:invite_qr", args=[invite.pk]))
    assert qr["Content-Type"] == "image/svg+xml" and b"<svg" in qr.content and b"style=" not in qr.content
    client.post(reverse("field:invite_revoke", args=[invite.pk]))
    assert Client().get(reverse("field:join", args=[invite.token])).status_code == 404


@pytest.mark.parametrize(("who", "status"), [("officer_b", 404), ("collector_a", 403), ("committee_a", 403)])
def test_only_the_fund_officer_invites(story, who, status) -> None:  # type: ignore[no-untyped-def]
    assert (
        login(getattr(story, who)).post(reverse("field:invites", args=[story.fund_a.code])).status_code
        == status
    )


def test_a_volunteer_joins_by_the_link_and_may_enter_only_that_fund_s_survey(story) -> None:  # type: ignore[no-untyped-def]
    invite = services.invite_create(fund=story.fund_a, user=story.officer_a)
    client = Client()
    url = reverse("field:join", args=[invite.token])
    assert "เข้าร่วมเป็นอาสาสมัครเก็บข้อมูล" in client.get(url).content.decode()
    response = client.post(
        url, {"display_name": "สมศรี ใจดี", "phone": "081-234-5678", "password": "ขอบฟ้าสีคราม9"}
    )
    assert response.status_code == 302 and response["Location"] == reverse("field:home")
    volunteer = User.objects.get(username="0812345678")
    [membership] = Membership.objects.filter(user=volunteer)
    assert membership.role == Role.DATA_COLLECTOR and membership.fund == story.fund_a
    assert (
        client.get(reverse("field:situation", args=[story.fund_a.code, 2569, "tobacco"])).status_code == 200
    )
    assert (
        client.get(reverse("field:situation", args=[story.fund_b.code, 2569, "tobacco"])).status_code == 404
    )
    invite.refresh_from_db()
    assert invite.joined == 1


def test_joining_with_a_taken_number_or_a_weak_password_explains_in_thai(story) -> None:  # type: ignore[no-untyped-def]
    invite = services.invite_create(fund=story.fund_a, user=story.officer_a)
    url = reverse("field:join", args=[invite.token])
    User.objects.create_user(username="0812345678", password="x")
    page = Client().post(url, {"display_name": "ก", "phone": "0812345678", "password": "ขอบฟ้าสีคราม9"})
    assert "หมายเลขนี้มีบัญชีอยู่แล้ว" in page.content.decode()
    page = Client().post(url, {"display_name": "ก", "phone": "0899999999", "password": "123"})
    assert page.status_code == 200 and not User.objects.filter(username="0899999999").exists()


def test_a_signed_in_user_joins_with_one_tap(story) -> None:  # type: ignore[no-untyped-def]
    invite = services.invite_create(fund=story.fund_a2, user=story.officer_a)
    client = login(story.collector_a)
    assert client.post(reverse("field:join", args=[invite.token])).status_code == 302
    assert Membership.objects.filter(
        user=story.collector_a, fund=story.fund_a2, role=Role.DATA_COLLECTOR
    ).exists()


def test_the_fund_page_links_field_entry_and_invitations_for_the_officer(story) -> None:  # type: ignore[no-untyped-def]
    html = login(story.officer_a).get(reverse("funds:detail", args=[story.fund_a.code])).content.decode()
    assert reverse("field:invites", args=[story.fund_a.code]) in html
    html = login(story.collector_a).get(reverse("funds:detail", args=[story.fund_a.code])).content.decode()
    assert reverse("field:home") in html and reverse("field:invites", args=[story.fund_a.code]) not in html
