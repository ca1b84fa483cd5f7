"""A proposer writes a proposal from the plan on a phone-sized Chromium, fixes what the quality
check flags, and submits it."""

from __future__ import annotations

import os
from typing import Any

import pytest
from django.urls import reverse

from kongtun.conftest import login
from kongtun.projects.models import Project, Status
from kongtun.projects.tests.helpers import make_planned

SHOTS = "/tmp/kongtun-shots"


def sign_in(page: Any, user: Any) -> None:
    client = login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": page.base_url}]
    )


def start_from_plan(page: Any, story: Any) -> Project:
    """The proposer opens the plan's project to do and starts a proposal from it."""
    planned = make_planned(story)
    sign_in(page, story.proposer_a)
    page.goto(page.base_url + reverse("projects:start_from_planned", args=[planned.pk]))
    page.click("main button[type=submit]")
    page.wait_for_url("**/edit/1/")
    return Project.objects.get(planned_project=planned)


def next_step(page: Any) -> None:
    page.click("button[name=next]")
    page.wait_for_load_state()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_proposer_writes_from_the_plan_and_submits_on_a_phone(browser_page: Any, story: Any) -> None:
    os.makedirs(SHOTS, exist_ok=True)
    page = browser_page
    project = start_from_plan(page, story)
    # The quality check beside the form lists what is still missing.
    page.wait_for_selector("#quality .findings.errors li")
    page.screenshot(path=f"{SHOTS}/proposal-step1.png", full_page=True)

    page.fill("#id_organisation", "ชมรม อสม. บ้านนา")
    page.fill("#id_responsible_people", "นางสมศรี ใจดี")
    page.fill("#id_location", "หมู่ 1–3")
    next_step(page)
    page.select_option("#id_main_target_group", index=4)
    assert page.is_checked("input[name=plans]")
    next_step(page)
    next_step(page)  # situation carried over from the plan
    assert page.input_value("#id_objectives-0-target") == "25.00"
    next_step(page)
    page.fill("#id_groups-0-name", "ผู้ใหญ่ที่สูบบุหรี่")
    page.fill("#id_groups-0-planned_count", "40")
    next_step(page)
    page.fill("#id_start_date", "01/11/2568")
    page.fill("#id_end_date", "31/08/2569")
    next_step(page)

    page.click("text=เพิ่มกิจกรรม")
    page.fill("#id_title", "อบรมผู้สูบบุหรี่")
    page.fill("#id_planned_output", "ผู้สูบ 40 คนได้รับการอบรม")
    page.fill("#id_start_date", "01/12/2568")
    page.select_option("#id_lines-0-expense_group", "services")
    page.fill("#id_lines-0-description", "ค่าอาหาร")
    page.fill("#id_lines-0-quantity", "40")
    page.fill("#id_lines-0-unit_cost", "150")
    page.click(".js-add-row")
    page.select_option("#id_lines-2-expense_group", "materials")
    page.fill("#id_lines-2-description", "ป้ายไวนิล")
    page.fill("#id_lines-2-unit_cost", "500")
    assert page.inner_text(".js-total") == "6,500.00"  # summed live: 40 × 150 + 500
    page.screenshot(path=f"{SHOTS}/proposal-activity.png", full_page=True)
    page.click("main button:has-text('บันทึกกิจกรรม')")
    page.wait_for_url("**/edit/7/")
    page.click("text=ไปขั้นต่อไป")
    page.fill("#id_expected_results", "ผู้ใหญ่สูบบุหรี่ลดลงจากร้อยละ 30 เหลือ 25")
    next_step(page)

    page.wait_for_url("**/review/")
    assert "พร้อมส่ง" in page.inner_text("#quality")
    page.screenshot(path=f"{SHOTS}/proposal-review.png", full_page=True)
    page.click("text=ส่งข้อเสนอโครงการให้กองทุน")
    page.wait_for_url(f"**{project.get_absolute_url()}")
    project.refresh_from_db()
    assert project.status == Status.SUBMITTED
    assert project.requested_budget == 6500
    assert "ส่งกองทุนแล้ว" in page.content()
    page.screenshot(path=f"{SHOTS}/proposal-submitted.png", full_page=True)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_step_saves_itself_and_the_check_updates_without_pressing_save(
    browser_page: Any, story: Any
) -> None:
    page = browser_page
    project = start_from_plan(page, story)
    page.goto(page.base_url + reverse("projects:edit", args=[project.pk, 6]))
    page.wait_for_selector("#quality .findings.errors li")
    assert "ระยะเวลา" in page.inner_text("#quality")
    page.fill("#id_start_date", "01/11/2568")
    page.fill("#id_end_date", "31/08/2569")
    page.locator("#id_end_date").blur()
    page.wait_for_selector("#autosave-status .autosave.ok")
    assert "ระยะเวลา" not in page.inner_text("#quality .findings.errors")
    project.refresh_from_db()
    assert project.end_date is not None
    # Typed, then left at once by a step link: the beacon still saves it.
    page.goto(page.base_url + reverse("projects:edit", args=[project.pk, 8]))
    page.fill("#id_expected_results", "ผู้สูบลดลง")
    page.click(".steps a[href$='/edit/7/']")
    page.wait_for_url("**/edit/7/")
    page.wait_for_timeout(500)
    project.refresh_from_db()
    assert project.expected_results == "ผู้สูบลดลง"
