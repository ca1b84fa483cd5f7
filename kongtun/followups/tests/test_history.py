"""Every write of the follow-up leaves a row in the audit trail naming who made it, through the web
and through the API (token auth)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from kongtun.conftest import login
from kongtun.followups import services
from kongtun.followups.models import PaymentPeriod, ReportPhoto, ReportSpending
from kongtun.followups.tests.factories import running_project
from kongtun.followups.tests.photos import photo
from kongtun.followups.tests.test_api import BASE, _payload, api
from kongtun.followups.tests.test_views import _periods_post


def test_payment_periods_set_through_the_api_are_in_the_trail_with_the_officer(story: Any) -> None:
    project = running_project(story)
    url = f"{BASE}/projects/{project.pk}/periods"
    client = api(story.officer_a)
    client.put(url, [{"amount": "6000"}, {"amount": "4000"}], content_type="application/json")
    response = client.put(url, [{"amount": "7000"}, {"amount": "3000"}], content_type="application/json")
    assert response.status_code == 200
    first = PaymentPeriod.objects.get(project=project, number=1)
    versions = list(first.history.order_by("history_date"))
    assert [v.history_type for v in versions] == ["+", "~"]
    assert [v.amount for v in versions] == [6000, 7000]  # changed in place, not deleted and made again
    assert {v.history_user for v in versions} == {story.officer_a}


def test_spending_and_photos_sent_through_the_api_are_in_the_trail_with_the_proposer(story: Any) -> None:
    project = running_project(story)
    client = api(story.proposer_a)
    created = client.post(
        f"{BASE}/projects/{project.pk}/reports", _payload(project), content_type="application/json"
    )
    assert created.status_code == 201, created.content
    report_id = created.json()["id"]
    spending = ReportSpending.history.get(report_id=report_id)
    assert spending.history_type == "+" and spending.history_user == story.proposer_a
    client.post(f"{BASE}/reports/{report_id}/photos", {"photos": [photo("a.jpg")]})
    added = ReportPhoto.history.get(report_id=report_id)
    assert added.history_type == "+" and added.history_user == story.proposer_a


def test_choosing_photos_for_the_final_report_on_the_page_is_in_the_trail(story: Any) -> None:
    project = running_project(story)
    report = services.report_create(
        project=project, by=story.proposer_a, activity=project.activities.first(), date=dt.date(2025, 2, 10)
    )
    chosen = services.photo_add(report=report, upload=photo("a.jpg"))
    services.final_report_photos_choose(project=project, photo_ids=[chosen.pk])
    latest = chosen.history.latest()
    assert latest.history_type == "~" and latest.in_final_report is True
    assert latest.history_user is None  # a service called outside a request: the system


def test_a_web_save_of_payment_periods_names_the_officer(story: Any) -> None:
    project = running_project(story)
    response = login(story.officer_a).post(
        f"/followups/projects/{project.pk}/periods/", _periods_post(["6,000", "4,000", ""])
    )
    assert response.status_code == 302
    assert {r.history_user for r in PaymentPeriod.history.filter(project_id=project.pk)} == {story.officer_a}
