"""The sync API: a phone's records are checked as the web checks them, saved once, and a value
changed on the server meanwhile is held for the officer, never overwritten."""

from __future__ import annotations

import json
import uuid
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from kongtun.accounts.models import Notification
from kongtun.conftest import login
from kongtun.field import services
from kongtun.field.models import RecordStatus, Resolution, SyncPhoto, SyncRecord
from kongtun.field.selectors import version
from kongtun.followups.models import ActivityReport, ReportPhoto
from kongtun.followups.tests.factories import running_project
from kongtun.followups.tests.photos import not_an_image, photo
from kongtun.programme.models import Indicator
from kongtun.situations.models import SituationValue
from kongtun.situations.services import situation_value_save

pytestmark = pytest.mark.django_db
SYNC = "/api/v1/field/sync"
PHOTOS = "/api/v1/field/photos"


def survey(story: Any, fields: dict[str, str], **extra: Any) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "kind": "situation",
        "fund": story.fund_a.code,
        "year": 2569,
        "issue": "tobacco",
        "fields": fields,
        **extra,
    }


def send(client: Client, *records: dict[str, Any]) -> list[dict[str, Any]]:
    response = client.post(SYNC, json.dumps({"records": list(records)}), content_type="application/json")
    assert response.status_code == 200, response.content
    return response.json()["results"]


def smoking() -> Indicator:
    return Indicator.objects.get(code="tobacco-adults")


def test_a_collector_s_survey_is_accepted_and_saved_with_who_entered_it(story) -> None:  # type: ignore[no-untyped-def]
    record = survey(story, {"tobacco-adults-value": "30", "tobacco-adults-survey_date": "15/03/2569"})
    [answer] = send(login(story.collector_a), record)
    assert answer["status"] == "accepted"
    value = SituationValue.objects.get(fund=story.fund_a, fiscal_year=2569, indicator=smoking())
    assert value.value == Decimal("30") and value.entered_by == story.collector_a
    assert SyncRecord.objects.get(client_id=record["id"]).status == RecordStatus.ACCEPTED


def test_a_record_sent_twice_is_saved_once_and_answered_the_same(story) -> None:  # type: ignore[no-untyped-def]
    client = login(story.collector_a)
    record = survey(story, {"tobacco-adults-value": "30"})
    first = send(client, record)
    SituationValue.objects.update(value=Decimal("12"))  # changed since: a second save would show
    again = send(client, record, record)
    assert [a["status"] for a in first + again] == ["accepted"] * 3
    assert SituationValue.objects.get().value == Decimal("12")
    assert SyncRecord.objects.count() == 1


def test_an_out_of_range_value_is_refused_with_the_thai_reason_and_nothing_is_kept(story) -> None:  # type: ignore[no-untyped-def]
    [answer] = send(login(story.collector_a), survey(story, {"tobacco-adults-value": "130"}))
    assert answer["status"] == "refused"
    assert answer["reason"].startswith("เซิร์ฟเวอร์ไม่รับ")
    assert any("ต้องอยู่ระหว่าง 0 ถึง 100" in e for e in answer["errors"])
    assert not SituationValue.objects.exists() and not SyncRecord.objects.exists()


def test_a_refused_record_corrected_and_sent_again_under_its_id_is_accepted(story) -> None:  # type: ignore[no-untyped-def]
    client = login(story.collector_a)
    record = survey(story, {"tobacco-adults-value": "abc"})
    assert send(client, record)[0]["status"] == "refused"
    record["fields"]["tobacco-adults-value"] = "25"
    assert send(client, record)[0]["status"] == "accepted"


@pytest.mark.parametrize("who", ["officer_b", "committee_a", "proposer_a", "nobody"])
def test_people_who_may_not_enter_the_fund_s_data_are_refused(story, who) -> None:  # type: ignore[no-untyped-def]
    [answer] = send(login(getattr(story, who)), survey(story, {"tobacco-adults-value": "30"}))
    assert answer["status"] == "refused"
    assert not SituationValue.objects.exists()


def test_garbage_is_refused_per_record_never_a_500(story) -> None:  # type: ignore[no-untyped-def]
    client = login(story.collector_a)
    answers = send(
        client,
        {"id": "not-a-uuid", "kind": "situation"},
        survey(story, {}, kind="spaceship"),
        survey(story, {}, year=None, issue="no-such-issue"),
        survey(story, {}, fund="L0000"),
        {"id": str(uuid.uuid4()), "kind": "report", "project": 999999, "fields": {}},
    )
    assert [a["status"] for a in answers] == ["refused"] * 5
    assert client.post(SYNC, "{", content_type="application/json").status_code in (400, 422)


def test_anonymous_callers_must_log_in(story) -> None:  # type: ignore[no-untyped-def]
    response = Client().post(SYNC, json.dumps({"records": []}), content_type="application/json")
    assert response.status_code == 401


def test_a_value_changed_on_the_server_meanwhile_is_held_not_overwritten(story) -> None:  # type: ignore[no-untyped-def]
    before = situation_value_save(
        fund=story.fund_a, fiscal_year=2569, indicator=smoking(), value=Decimal("20")
    )
    read = version(before)
    situation_value_save(
        fund=story.fund_a, fiscal_year=2569, indicator=smoking(), value=Decimal("22"), user=story.officer_a
    )
    record = survey(story, {"tobacco-adults-value": "31", "tobacco-adults-version": read})
    [answer] = send(login(story.collector_a), record)
    assert answer["status"] == "conflict"
    assert "ไม่มีการบันทึกทับ" in answer["reason"]
    [item] = answer["items"]
    assert item["device"]["value"] == "31" and item["server"]["value"] == "22.00"
    assert SituationValue.objects.get().value == Decimal("22")
    assert Notification.objects.filter(user=story.officer_a, url__contains="/field/conflicts/").exists()


def test_a_value_based_on_the_current_version_or_equal_to_it_is_no_conflict(story) -> None:  # type: ignore[no-untyped-def]
    current = situation_value_save(
        fund=story.fund_a, fiscal_year=2569, indicator=smoking(), value=Decimal("20")
    )
    fields = {
        "tobacco-adults-value": "25",
        "tobacco-adults-version": version(current),
        "tobacco-youth-value": "5",  # no value on the server yet
    }
    assert send(login(story.collector_a), survey(story, fields))[0]["status"] == "accepted"
    # A phone that never saw a value, sending the one the server has now, is no conflict either.
    assert (
        send(login(story.collector_a), survey(story, {"tobacco-adults-value": "25"}))[0]["status"]
        == "accepted"
    )


def test_a_value_entered_on_the_server_before_the_phone_s_first_is_a_conflict(story) -> None:  # type: ignore[no-untyped-def]
    situation_value_save(fund=story.fund_a, fiscal_year=2569, indicator=smoking(), value=Decimal("20"))
    record = survey(story, {"tobacco-adults-value": "31", "tobacco-adults-version": ""})
    assert send(login(story.collector_a), record)[0]["status"] == "conflict"


def _conflict(story: Any) -> SyncRecord:
    situation_value_save(fund=story.fund_a, fiscal_year=2569, indicator=smoking(), value=Decimal("20"))
    record = survey(story, {"tobacco-adults-value": "31"})
    send(login(story.collector_a), record)
    return SyncRecord.objects.get(client_id=record["id"])


def test_the_officer_takes_the_phone_s_values_and_the_collector_is_told(story) -> None:  # type: ignore[no-untyped-def]
    held = _conflict(story)
    services.conflict_resolve(record=held, user=story.officer_a, keep=Resolution.DEVICE)
    assert SituationValue.objects.get().value == Decimal("31")
    held.refresh_from_db()
    assert held.status == RecordStatus.RESOLVED and held.resolved_by == story.officer_a
    assert Notification.objects.filter(user=story.collector_a).exists()
    # The phone asking again learns it is settled.
    [answer] = send(login(story.collector_a), held.payload)
    assert answer["status"] == "accepted"


def test_the_officer_keeps_the_server_s_values(story) -> None:  # type: ignore[no-untyped-def]
    held = _conflict(story)
    services.conflict_resolve(record=held, user=story.officer_a, keep=Resolution.SERVER)
    assert SituationValue.objects.get().value == Decimal("20")
    with pytest.raises(services.ValidationError):
        services.conflict_resolve(record=held, user=story.officer_a, keep=Resolution.DEVICE)


# Activity reports and their photos -------------------------------------------------------------


def report_record(project: Any, **fields: str) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "kind": "report",
        "project": project.pk,
        "fields": {"title": "ประชุมชี้แจง", "date": "10/02/2568", "done": "ประชุมชี้แจงผู้สูงอายุ", **fields},
    }


def test_an_activity_report_from_the_phone_is_saved_once_then_its_photos_once_each(story) -> None:  # type: ignore[no-untyped-def]
    project = running_project(story)
    activity = project.activities.get(order=1)
    group = project.target_groups.get()
    client = login(story.proposer_a)
    record = report_record(project, title="", activity=str(activity.pk), **{f"participants_{group.pk}": "25"})
    [answer] = send(client, record)
    assert answer["status"] == "accepted"
    report = ActivityReport.objects.get()
    assert answer["url"] == reverse("followups:report", args=[report.pk])
    assert report.title == activity.title and report.participants.get().actual == 25
    assert send(client, record)[0]["status"] == "accepted" and ActivityReport.objects.count() == 1
    photo_id = str(uuid.uuid4())
    for _attempt in range(2):
        response = client.post(PHOTOS, {"id": photo_id, "record": record["id"], "image": photo()})
        assert response.status_code == 200
    assert response.json()["stored"] is False
    assert ReportPhoto.objects.filter(report=report).count() == 1 and SyncPhoto.objects.count() == 1


def test_a_photo_sent_before_its_report_is_asked_again_later(story) -> None:  # type: ignore[no-untyped-def]
    response = login(story.proposer_a).post(
        PHOTOS, {"id": str(uuid.uuid4()), "record": str(uuid.uuid4()), "image": photo()}
    )
    assert response.status_code == 409
    assert "ยังไม่ได้บันทึก" in response.json()["detail"]


def test_a_file_that_is_not_a_photo_is_refused_with_the_reason(story) -> None:  # type: ignore[no-untyped-def]
    project = running_project(story)
    client = login(story.proposer_a)
    record = report_record(project)
    send(client, record)
    response = client.post(PHOTOS, {"id": str(uuid.uuid4()), "record": record["id"], "image": not_an_image()})
    assert response.status_code == 422
    assert "notes.jpg" in json.dumps(response.json(), ensure_ascii=False)
    assert not SyncPhoto.objects.exists()


def test_an_outsider_cannot_add_photos_to_a_report(story) -> None:  # type: ignore[no-untyped-def]
    project = running_project(story)
    record = report_record(project)
    send(login(story.proposer_a), record)
    response = login(story.officer_b).post(
        PHOTOS, {"id": str(uuid.uuid4()), "record": record["id"], "image": photo()}
    )
    assert response.status_code == 404


def test_a_report_missing_what_was_done_is_refused_with_the_field_named(story) -> None:  # type: ignore[no-untyped-def]
    project = running_project(story)
    [answer] = send(login(story.proposer_a), report_record(project, done=""))
    assert answer["status"] == "refused"
    assert any(e.startswith("กิจกรรมที่ปฏิบัติ") for e in answer["errors"]), answer["errors"]
    assert not ActivityReport.objects.exists()


def test_a_collector_may_not_report_activities(story) -> None:  # type: ignore[no-untyped-def]
    project = running_project(story)
    [answer] = send(login(story.collector_a), report_record(project))
    assert answer["status"] == "refused" and not ActivityReport.objects.exists()
