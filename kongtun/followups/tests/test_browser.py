"""On a phone-sized Chromium: the proposer reports an activity with two photos from the camera; a
broken photo is refused with a clear Thai message and nothing else of the report is lost."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from kongtun.conftest import PASSWORD
from kongtun.followups.models import ActivityReport
from kongtun.followups.tests.factories import running_project
from kongtun.followups.tests.photos import jpeg_bytes

SHOTS = Path(os.environ.get("KONGTUN_SHOTS", "/tmp/shots"))


def _shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"followups-{name}.png"), full_page=True)


def _log_in(page: Any, username: str) -> None:
    page.goto(page.base_url + "/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้หรืออีเมล").fill(username)
    page.locator("input[type=password]").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(page.base_url + "/")


def _no_sideways_scroll(page: Any) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px on a phone"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_proposer_reports_an_activity_with_two_photos_and_a_bad_photo_loses_nothing(
    story: SimpleNamespace, browser_page: Any, tmp_path: Path
) -> None:
    project = running_project(story)
    first = tmp_path / "IMG_0001.jpg"
    first.write_bytes(jpeg_bytes(1200, 900, orientation=6))
    second = tmp_path / "IMG_0002.jpg"
    second.write_bytes(jpeg_bytes(900, 1200))
    broken = tmp_path / "IMG_0003.jpg"
    broken.write_bytes(jpeg_bytes(900, 1200)[:400])

    page = browser_page
    _log_in(page, "proposer_a")
    page.goto(f"{page.base_url}/followups/projects/{project.pk}/")
    _no_sideways_scroll(page)
    page.get_by_role("link", name="รายงานกิจกรรม").first.click()

    page.locator("#id_activity").select_option(label="ประชุมชี้แจง")
    page.locator("#id_date").fill("10/02/2568")
    page.locator("#id_done").fill("ประชุมชี้แจงผู้สูงอายุ 28 คน")
    page.locator("#id_results").fill("ผู้สูงอายุเข้าใจและสมัครเข้าร่วม")
    page.locator("#id_actual_output_count").fill("28")
    page.locator("input[name=rating][value='3']").check()
    page.locator("input[type=file]").set_input_files([str(first), str(second)])
    _no_sideways_scroll(page)
    _shot(page, "1-report-form")
    page.get_by_role("button", name="บันทึกรายงาน").click()

    page.wait_for_url(f"{page.base_url}/followups/reports/**")
    assert page.locator(".photo-grid img").count() == 2
    assert "ประชุมชี้แจงผู้สูงอายุ 28 คน" in page.content()
    _shot(page, "2-report-saved")
    report = ActivityReport.objects.get()
    assert report.photos.count() == 2 and report.reporter == story.proposer_a

    # A second report with a broken photo: refused with a clear message, the text kept and saved.
    page.goto(f"{page.base_url}/followups/projects/{project.pk}/reports/new/")
    page.locator("#id_activity").select_option(label="ออกกำลังกายร่วมกัน")
    page.locator("#id_date").fill("05/04/2568")
    page.locator("#id_done").fill("ออกกำลังกายด้วยยางยืดที่ศาลาหมู่บ้าน")
    page.locator("#id_problems").fill("ฝนตกในช่วงเย็น")
    page.locator("input[type=file]").set_input_files([str(broken)])
    page.get_by_role("button", name="บันทึกรายงาน").click()

    error = page.locator(".errorlist").first
    error.wait_for()
    assert "IMG_0003.jpg" in error.inner_text() and "ไฟล์เสียหาย" in error.inner_text()
    assert page.locator("#id_done").input_value() == "ออกกำลังกายด้วยยางยืดที่ศาลาหมู่บ้าน"
    assert page.locator("#id_problems").input_value() == "ฝนตกในช่วงเย็น"
    _no_sideways_scroll(page)
    _shot(page, "3-bad-photo")
    saved = ActivityReport.objects.get(activity__title="ออกกำลังกายร่วมกัน")
    assert saved.problems == "ฝนตกในช่วงเย็น" and not saved.photos.exists()

    # Saving again edits the same report rather than making a second one.
    page.get_by_role("button", name="บันทึกรายงาน").click()
    page.wait_for_url(f"{page.base_url}/followups/reports/{saved.pk}/")
    assert ActivityReport.objects.count() == 2

    # The final report lists what is still missing before printing, and fits the phone.
    page.goto(f"{page.base_url}/followups/projects/{project.pk}/final-report/")
    assert "ยังไม่ได้เขียนบทคัดย่อ" in page.locator("#readiness").inner_text()
    _no_sideways_scroll(page)
    _shot(page, "4-final-report")
