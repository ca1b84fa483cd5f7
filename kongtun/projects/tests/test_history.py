"""Writes to a proposal's parts leave a row in the audit trail naming who made them."""

from __future__ import annotations

from typing import Any

from django.test import Client

from kongtun.conftest import login
from kongtun.followups.tests.test_api import api
from kongtun.projects.models import Activity, BudgetLine, Comment
from kongtun.projects.tests.helpers import proposal, submitted
from kongtun.projects.tests.test_api import BASE, _json

LINE = {"expense_group": "services", "description": "อาหาร", "quantity": 30, "unit_cost": 100}


def _activities(client: Any, project_id: int, quantity: int) -> Any:
    body = {"activities": [{"title": "อบรม", "budget_lines": [{**LINE, "quantity": quantity}]}]}
    return _json(client, "put", f"{BASE}/{project_id}/activities", body)


def test_budget_lines_saved_through_the_api_are_in_the_trail_with_the_proposer(story: Any) -> None:
    project = proposal(story)
    client = api(story.proposer_a)
    assert _activities(client, project.pk, 30).status_code == 200
    assert Activity.history.filter(project_id=project.pk, history_user=story.proposer_a).exists()
    line = BudgetLine.objects.get(activity__project=project)
    assert line.history.get().history_user == story.proposer_a


def test_an_activity_saved_again_changes_its_budget_line_in_place(story: Any) -> None:
    project = proposal(story)
    activity = project.activities.get()
    line = activity.budget_lines.first()
    assert line is not None
    response = login(story.proposer_a).post(
        f"/projects/{project.pk}/activities/{activity.pk}/",
        {
            "title": activity.title,
            "lines-TOTAL_FORMS": "1",
            "lines-INITIAL_FORMS": "0",
            "lines-0-expense_group": line.expense_group,
            "lines-0-description": line.description,
            "lines-0-quantity": "2",
            "lines-0-unit_cost": str(line.unit_cost),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    changed = BudgetLine.objects.get(pk=line.pk).history.latest()
    assert changed.history_type == "~" and changed.quantity == 2
    assert changed.history_user == story.proposer_a


def test_a_comment_on_the_page_is_in_the_trail_with_the_mentor(story: Any) -> None:
    project = submitted(story)
    response = login(story.mentor).post(
        f"/projects/{project.pk}/comments/", {"section": "1", "body": "ควรระบุพื้นที่"}
    )
    assert response.status_code == 302
    assert Comment.objects.get(project=project).history.get().history_user == story.mentor


def test_the_history_page_shows_who_changed_what_old_to_new_to_the_fund_only(story: Any) -> None:
    project = proposal(story)
    client = api(story.proposer_a)
    response = _json(client, "put", f"{BASE}/{project.pk}/results", {"expected_results": "ผู้สูบลดลงครึ่งหนึ่ง"})
    assert response.status_code == 200
    url = f"/projects/{project.pk}/history/"
    page = login(story.officer_a).get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "proposer_a" in text and "ผลที่คาดว่าจะได้รับ" in text  # the field's Thai label
    assert text.index("ผู้สูบลดลง<") < text.index("ผู้สูบลดลงครึ่งหนึ่ง")  # old, then new
    for user in (story.committee_a, story.mentor, story.proposer_a):
        assert login(user).get(url).status_code == 200
    assert login(story.officer_b).get(url).status_code == 404
    assert login(story.nobody).get(url).status_code == 404
    assert "/accounts/login/" in Client().get(url)["Location"]
    assert url in login(story.officer_a).get(f"/projects/{project.pk}/").content.decode()
