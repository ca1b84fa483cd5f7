"""The foundation's path in a real phone-sized Chromium: the Thai home page, an officer logs in,
edits their fund and sees the change; the officer of another fund gets the Thai 404 page."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from kongtun.conftest import PASSWORD

SHOTS = Path(os.environ.get("KONGTUN_SHOTS", "/tmp/shots"))


def _shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"foundation-{name}.png"), full_page=True)


def _no_sideways_scroll(page: Any) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px on a phone"


def _log_in(page: Any, username: str) -> None:
    page.goto(page.base_url + "/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้หรืออีเมล").fill(username)
    page.locator("input[type=password]").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(page.base_url + "/")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_officer_edits_their_fund_on_a_phone_and_an_outsider_gets_404(
    story: SimpleNamespace, browser_page: Any
) -> None:
    page = browser_page
    page.goto(page.base_url + "/")
    assert page.locator("h1").inner_text() == "ระบบกองทุนหลักประกันสุขภาพตำบล"
    _no_sideways_scroll(page)
    _shot(page, "1-home")

    # On a phone the menu folds into its button; opened, it shows every item within the screen.
    assert not page.get_by_role("link", name="เข้าสู่ระบบ").is_visible()
    menu = page.get_by_role("button", name="เมนู")
    menu.click()
    assert menu.get_attribute("aria-expanded") == "true"
    login_link = page.get_by_role("link", name="เข้าสู่ระบบ")
    box = login_link.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    _no_sideways_scroll(page)
    _shot(page, "1-menu")
    login_link.click()
    page.get_by_label("ชื่อผู้ใช้หรืออีเมล").fill("officer_a")
    page.locator("input[type=password]").fill(PASSWORD)
    _shot(page, "2-login")
    page.locator("main button[type=submit]").click()
    page.wait_for_url(page.base_url + "/")
    assert "กองทุนของฉัน" in page.content()

    page.get_by_role("link", name=story.fund_a.name).click()
    page.wait_for_url(f"{page.base_url}/funds/L9001/")
    _no_sideways_scroll(page)
    _shot(page, "3-fund")

    page.get_by_role("link", name="แก้ไขข้อมูลกองทุน").click()
    page.wait_for_url(f"{page.base_url}/funds/L9001/edit/")
    page.get_by_label("โทรศัพท์").fill("074-123456")
    page.get_by_label("ที่อยู่").fill("หมู่ 3 ตำบลบ้านนา อำเภอจะนะ จังหวัดสงขลา")
    _no_sideways_scroll(page)
    _shot(page, "4-edit")
    page.get_by_role("button", name="บันทึก").click()
    page.wait_for_url(f"{page.base_url}/funds/L9001/")
    assert "บันทึกข้อมูลกองทุนแล้ว" in page.content()
    assert "074-123456" in page.content()
    _shot(page, "5-saved")
    story.fund_a.refresh_from_db()
    assert story.fund_a.phone == "074-123456"

    page.context.clear_cookies()
    _log_in(page, "officer_b")
    response = page.goto(f"{page.base_url}/funds/L9001/edit/")
    assert response is not None and response.status == 404
    assert page.locator("h1").inner_text() == "ไม่พบหน้านี้"
    assert "074-123456" not in page.content()
    _shot(page, "6-outsider-404")
