from __future__ import annotations

import pytest

from kongtun.dashboards.tests.data import YEAR, rollup_data


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_visitor_drills_down_from_the_district_dashboard_to_the_projects(story, browser_page, tmp_path):
    data = rollup_data(story)
    page = browser_page
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto(f"{page.base_url}/dashboards/district/9003/?year={YEAR}")
    assert page.locator("[data-figure=approved]").inner_text().strip() == "4"
    page.wait_for_function("document.querySelector('#chart-issues').width > 0")
    page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
    page.locator("[data-figure=approved]").click()
    page.wait_for_url("**/dashboards/projects/**")
    text = page.locator("#project-results").inner_text()
    assert data.p1.title in text and data.p3.title not in text
    page.screenshot(path=str(tmp_path / "projects.png"), full_page=True)
    # HTMX's own indicator <style> is refused by the CSP on every page, and Chromium asks for a
    # favicon; neither is this page's error. Failed responses of the page's own files are.
    ignored = ("inline style", "Failed to load resource")
    assert not [e for e in errors if not e.startswith(ignored) and "inline style" not in e], errors


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_trend_page_reads_on_a_phone_with_a_table_under_each_chart(story, browser_page, tmp_path):
    from kongtun.dashboards.tests.test_trends import add_targets

    add_targets(story)
    page = browser_page
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(f"{page.base_url}/dashboards/district/9003/trends/?year=2569")
    page.wait_for_function("document.querySelector('#chart-plans').width > 0")
    # The chart is as wide as the phone's page, takes the page's Thai font, and has its table.
    width = page.evaluate("document.querySelector('#chart-plans').getBoundingClientRect().width")
    assert 300 < width <= 390
    assert "Sarabun" in page.evaluate("Chart.defaults.font.family")
    table = page.locator("#trend-plans table").inner_text()
    assert "2568" in table and "ค่ามัธยฐานของอำเภอในสงขลา" in table
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.screenshot(path=str(tmp_path / "trends.png"), full_page=False)
    page.locator("#trend-met_share").screenshot(path=str(tmp_path / "trend-met-share.png"))
    ignored = ("inline style", "Failed to load resource")
    assert not [e for e in errors if not e.startswith(ignored) and "inline style" not in e], errors
