"""The whole path in a phone-sized Chromium: an officer enters this year's situation for an issue,
writes a plan with a suggested target and prints it; the mentor sees it in the district plan."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from kongtun.conftest import login
from kongtun.plans.models import Plan
from kongtun.situations.access import current_year

SHOTS = "/tmp/kongtun-shots"


def sign_in(page: Any, user: Any) -> None:
    client = login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": page.base_url}]
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_officer_enters_situation_writes_plan_prints_it_and_district_sees_it(
    browser_page: Any, story: Any
) -> None:
    import os

    os.makedirs(SHOTS, exist_ok=True)
    page, year, fund = browser_page, current_year(), story.fund_a
    sign_in(page, story.officer_a)

    page.goto(page.base_url + reverse("situations:entry", args=[fund.code, year, "tobacco"]))
    page.fill("#id_tobacco-adults-value", "30")
    page.fill("#id_tobacco-adults-source", "สำรวจโดย อสม.")
    page.fill("#id_tobacco-adults-survey_date", "15/03/2569")
    page.screenshot(path=f"{SHOTS}/situation-entry.png", full_page=True)
    page.click("main button[type=submit]")
    page.wait_for_url("**/situations/fund/**")
    assert "บันทึกสถานการณ์ประเด็นยาสูบแล้ว" in page.content()

    page.goto(page.base_url + reverse("plans:fund", args=[fund.code]) + f"?year={year}")
    page.click(f"a[href='{reverse('plans:create', args=[fund.code, year, 'tobacco'])}']")
    baseline = page.locator("input[name$='-baseline']").first
    assert baseline.input_value() == "30.00"
    suggest = page.locator("button[data-suggest-for]").first
    assert "28" in suggest.inner_text()
    suggest.click()
    assert page.locator("input[name$='-target']").first.input_value() == "28"
    page.locator("button[data-example]").first.click()
    assert page.input_value("#id_objective").startswith("เพื่อลด")
    page.fill("#id_budget", "50000")
    page.fill("#id_projects-0-title", "ชุมชนปลอดบุหรี่")
    page.select_option("#id_projects-0-support_type", index=1)
    page.select_option("#id_projects-0-org_type", index=1)
    page.fill("#id_projects-0-budget", "20000")
    page.screenshot(path=f"{SHOTS}/plan-form.png", full_page=True)
    page.click("main button[type=submit]")
    page.wait_for_url("**/plans/*/")
    plan = Plan.objects.get(fund=fund, fiscal_year=year)
    assert str(plan.targets.get(indicator__code="tobacco-adults").target) == "28.00"
    page.screenshot(path=f"{SHOTS}/plan-detail.png", full_page=True)

    pdf = page.request.get(page.base_url + reverse("plans:pdf", args=[plan.pk]))
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf" and pdf.body().startswith(b"%PDF")

    sign_in(page, story.mentor)
    page.goto(page.base_url + reverse("plans:area", args=["district", fund.district_id, year]))
    body = page.content()
    assert "แผนอำเภอ" in body and fund.name in body and "ชุมชนปลอดบุหรี่" in body
    page.screenshot(path=f"{SHOTS}/district-plan.png", full_page=True)
