"""On a phone-sized Chromium with the network cut (Playwright's `set_offline`): a volunteer enters
the survey without signal, reloads, gets the signal back and sees it land once; a value changed on
the server meanwhile is flagged for the officer, who sees both versions; an activity report with a
photo entered offline lands once with its photo."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from kongtun.field.models import RecordStatus, SyncRecord
from kongtun.followups.models import ActivityReport, ReportPhoto
from kongtun.followups.tests.factories import running_project
from kongtun.followups.tests.photos import jpeg_bytes
from kongtun.followups.tests.test_browser import _log_in
from kongtun.programme.models import Indicator
from kongtun.situations.access import current_year
from kongtun.situations.models import SituationValue
from kongtun.situations.services import situation_value_save

SHOTS = Path(os.environ.get("KONGTUN_SHOTS", "/tmp/shots"))


def _shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"field-{name}.png"), full_page=True)


def _ready_offline(page: Any, url: str) -> None:
    """Open the field home with signal and wait until its service worker runs and `url` is kept."""
    page.goto(page.base_url + "/field/")
    page.wait_for_function("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function(
        "url => caches.open('kongtun-field-pages').then(c => c.match(url, {ignoreVary: true}))"
        ".then(r => !!r)",
        arg=url,
    )


def _queue(page: Any) -> Any:
    return page.locator("#field-queue [data-field-list]")


def smoking() -> Indicator:
    return Indicator.objects.get(code="tobacco-adults")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_survey_entered_offline_survives_a_reload_and_lands_once_when_online(
    story: SimpleNamespace, browser_page: Any
) -> None:
    page = browser_page
    year = current_year()
    url = f"/field/situation/{story.fund_a.code}/{year}/tobacco/"
    _log_in(page, "collector_a")
    _ready_offline(page, url)
    page.context.set_offline(True)
    page.locator(f"a[href='{url}']").click()
    page.locator("#id_tobacco-adults-value").fill("30")
    page.locator("#id_tobacco-adults-source").fill("สำรวจ อสม. หมู่ 3")
    page.get_by_role("button", name="บันทึก", exact=True).click()
    page.get_by_text("เก็บไว้ในโทรศัพท์แล้ว").wait_for()
    page.reload()
    _queue(page).get_by_text("รอส่ง").wait_for()
    assert "ไม่มีสัญญาณ" in page.locator("[data-field-net]").inner_text()
    _shot(page, "offline-queue")
    assert not SituationValue.objects.exists()

    page.context.set_offline(False)
    _queue(page).locator("li[data-status=sent]").wait_for()
    _shot(page, "landed")
    page.reload()  # the page load sends again whatever waits: nothing does
    _queue(page).locator("li[data-status=sent]").wait_for()
    value = SituationValue.objects.get()
    assert value.value == Decimal("30") and value.entered_by == story.collector_a
    assert SyncRecord.objects.filter(status=RecordStatus.ACCEPTED).count() == 1


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_value_changed_on_the_server_meanwhile_is_flagged_and_the_officer_chooses(
    story: SimpleNamespace, browser_page: Any
) -> None:
    page = browser_page
    year = current_year()
    situation_value_save(fund=story.fund_a, fiscal_year=year, indicator=smoking(), value=Decimal("20"))
    url = f"/field/situation/{story.fund_a.code}/{year}/tobacco/"
    _log_in(page, "collector_a")
    _ready_offline(page, url)
    page.context.set_offline(True)
    page.locator(f"a[href='{url}']").click()
    page.locator("#id_tobacco-adults-value").fill("31")
    page.get_by_role("button", name="บันทึก", exact=True).click()
    page.get_by_text("เก็บไว้ในโทรศัพท์แล้ว").wait_for()
    # Meanwhile the officer corrects the value on the web.
    situation_value_save(
        fund=story.fund_a, fiscal_year=year, indicator=smoking(), value=Decimal("22"), user=story.officer_a
    )
    page.context.set_offline(False)
    flagged = _queue(page).locator("li[data-status=conflict]")
    flagged.wait_for()
    assert "ไม่มีการบันทึกทับ" in flagged.inner_text()
    _shot(page, "conflict-on-phone")
    assert SituationValue.objects.get().value == Decimal("22")

    officer = page.context.browser.new_context(
        viewport={"width": 390, "height": 844}, locale="th-TH"
    ).new_page()
    officer.base_url = page.base_url
    _log_in(officer, "officer_a")
    officer.goto(officer.base_url + "/field/conflicts/")
    officer.get_by_role("link", name="เปรียบเทียบและเลือก").click()
    assert "31" in officer.locator("main").inner_text() and "22.00" in officer.locator("main").inner_text()
    _shot(officer, "conflict-both-versions")
    officer.get_by_label("ใช้ค่าจากโทรศัพท์ (บันทึกแทนค่าที่อยู่ในระบบ)").check()
    officer.get_by_role("button", name="บันทึกการเลือก").click()
    officer.wait_for_url("**/field/conflicts/")
    assert SituationValue.objects.get().value == Decimal("31")
    officer.context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_activity_report_with_a_photo_entered_offline_lands_once_with_its_photo(
    story: SimpleNamespace, browser_page: Any, tmp_path: Path
) -> None:
    project = running_project(story)
    picture = tmp_path / "IMG_0001.jpg"
    picture.write_bytes(jpeg_bytes(1200, 900, orientation=6))
    page = browser_page
    url = f"/field/report/{project.pk}/"
    _log_in(page, "proposer_a")
    _ready_offline(page, url)
    page.context.set_offline(True)
    page.locator(f"a[href='{url}']").click()
    page.locator("#id_activity").select_option(label="ประชุมชี้แจง")
    page.locator("#id_date").fill("10/02/2568")
    page.locator("#id_done").fill("ประชุมชี้แจงผู้สูงอายุ 28 คน")
    page.locator("#id_photos").set_input_files([str(picture)])
    page.get_by_role("button", name="บันทึกรายงาน").click()
    page.get_by_text("เก็บไว้ในโทรศัพท์แล้ว").wait_for()
    page.reload()
    # The queue is drawn from IndexedDB after the page loads: wait for it, not read it at once.
    _queue(page).get_by_text("1 ภาพรอส่ง").wait_for()
    _shot(page, "report-offline")

    page.context.set_offline(False)
    page.wait_for_function("() => !document.querySelector('#field-queue').innerText.includes('ภาพรอส่ง')")
    _queue(page).locator("li[data-status=sent]").wait_for()
    report = ActivityReport.objects.get()
    assert report.title == "ประชุมชี้แจง"
    assert ReportPhoto.objects.filter(report=report).count() == 1
