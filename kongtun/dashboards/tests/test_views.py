from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from kongtun.conftest import login
from kongtun.dashboards.tests.data import YEAR, rollup_data
from kongtun.reports.tests.poppler import pdf_text


@pytest.fixture
def data(story):
    return rollup_data(story)


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("dashboards:nation", []),
        ("dashboards:region", ["12"]),
        ("dashboards:province", ["90"]),
        ("dashboards:district", ["9003"]),
        ("dashboards:fund", ["L9001"]),
    ],
)
def test_dashboards_are_public(story, data, name, args):
    response = Client().get(reverse(name, args=args), {"year": YEAR})
    assert response.status_code == 200
    assert "chart.umd.min.js" in response.text and 'id="dashboard-data"' in response.text


def test_district_dashboard_says_how_projects_in_two_plans_count(story, data):
    response = Client().get(reverse("dashboards:district", args=["9003"]), {"year": YEAR})
    assert response.context["board"]().approved == 4
    assert "projects:detail" not in response.text
    assert "4 " in response.text
    # The note explains the overlap between per-issue counts and the total.
    assert response.context["board"]().issue_project_sum == 5
    assert "4 โครงการ เมื่อรวมรายประเด็นได้ 5" in response.text


def test_dashboard_numbers_link_to_the_list_behind_them(story, data):
    response = Client().get(reverse("dashboards:district", args=["9003"]), {"year": YEAR})
    url = (
        reverse("dashboards:projects")
        + f"?year={YEAR}&amp;district=9003&amp;status=approved&amp;issue={data.tobacco.pk}"
    )
    assert url in response.text


def test_unknown_area_or_fund_is_404(story):
    assert Client().get(reverse("dashboards:district", args=["9999"])).status_code == 404
    assert Client().get(reverse("dashboards:fund", args=["NOPE"])).status_code == 404
    assert Client().get("/dashboards/planet/1/export/").status_code == 404


def test_a_bad_year_falls_back_to_the_default_year(story, data):
    response = Client().get(reverse("dashboards:nation"), {"year": "abc"})
    assert response.status_code == 200


def test_project_list_hides_drafts_from_the_public_and_from_officer_b(story, data):
    url = reverse("dashboards:projects")
    public = Client().get(url, {"district": "9003"})
    assert data.p1.title in public.text and data.p3.title not in public.text
    assert data.p3.title not in login(story.officer_b).get(url, {"district": "9003"}).text
    assert data.p3.title in login(story.officer_a).get(url, {"district": "9003"}).text


def test_project_list_filters_by_issue_and_status(story, data):
    response = Client().get(reverse("dashboards:projects"), {"issue": data.activity.pk, "status": "approved"})
    assert list(response.context["page"]) == [data.p1]


def test_project_list_exports_to_excel(story, data):
    response = Client().get(reverse("dashboards:projects"), {"district": "9003", "format": "xlsx"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    from io import BytesIO

    from openpyxl import load_workbook

    rows = list(load_workbook(BytesIO(response.content)).active.iter_rows(values_only=True))
    assert len(rows) == 1 + 4  # header + the approved projects of จะนะ


def test_plan_list_shows_the_plans_of_an_issue(story, data):
    response = Client().get(
        reverse("dashboards:plans"), {"issue": data.tobacco.pk, "district": "9003", "year": YEAR}
    )
    assert response.status_code == 200 and response.context["page"].paginator.count == 2


def test_dashboard_exports_to_excel(story, data):
    response = Client().get(reverse("dashboards:export", args=["district", "9003"]), {"year": YEAR})
    from io import BytesIO

    from openpyxl import load_workbook

    book = load_workbook(BytesIO(response.content))
    assert "สรุป" in book.sheetnames or "Summary" in book.sheetnames
    summary = {row[0]: row[1] for row in book.worksheets[0].iter_rows(values_only=True)}
    assert 4 in summary.values()


def test_progress_report_prints_as_pdf(story, data):
    response = Client().get(reverse("dashboards:report", args=["district", "9003"]), {"year": YEAR})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")


def test_the_fund_page_links_to_its_dashboard(story, data):
    response = Client().get(reverse("funds:detail", args=["L9001"]))
    assert reverse("dashboards:fund", args=["L9001"]) in response.text


def test_the_issue_table_ends_with_a_total_that_counts_each_project_once(story, data):
    response = Client().get(reverse("dashboards:district", args=["9003"]), {"year": YEAR})
    approved = reverse("dashboards:projects") + f"?year={YEAR}&amp;district=9003&amp;status=approved"
    assert f'<a data-figure="total-approved" href="{approved}">4</a>' in response.text
    assert "รวม (นับโครงการละครั้งเดียว)" in response.text


def test_the_district_area_table_names_funds_by_their_local_government(story, data):
    story.fund_a.lg_name = "เทศบาลตำบลบ้านนา"
    story.fund_a.save()
    response = Client().get(reverse("dashboards:district", args=["9003"]), {"year": YEAR})
    labels = [c.label for c in response.context["board"]().children]
    assert "เทศบาลตำบลบ้านนา" in labels and story.fund_a.name not in labels


def test_the_chart_shows_only_issues_with_plans_or_proposals(story, data):
    response = Client().get(reverse("dashboards:district", args=["9003"]), {"year": YEAR})
    board = response.context["board"]()
    assert {r.label for r in board.issues_at_work} == {
        data.tobacco.name_th,
        data.activity.name_th,
        "ไม่อยู่ในแผนงานใด",
    }


def test_progress_report_workbook_and_pdf_come_from_one_document(story, data):
    from io import BytesIO

    from openpyxl import load_workbook

    book = load_workbook(
        BytesIO(Client().get(reverse("dashboards:export", args=["district", "9003"]), {"year": YEAR}).content)
    )
    assert book.sheetnames == ["สรุป", "รายประเด็น", "รายพื้นที่", "รายประเภทการสนับสนุน", "ตามสถานะ"]
    issues = list(book["รายประเด็น"].iter_rows(values_only=True))
    assert "งบประมาณตามแผน (บาท)" in issues[0]  # a column of the workbook only
    assert issues[-1][0] == "รวม (นับโครงการละครั้งเดียว)" and 21000 in issues[-1]  # p1 + p2 + p5 + p6
    pdf = Client().get(reverse("dashboards:report", args=["district", "9003"]), {"year": YEAR}).content
    text = pdf_text(pdf)
    assert "รวม (นับโครงการละครั้งเดียว)" in text and "21,000.00" in text
    assert "งบประมาณตามแผน" not in text  # too wide for the page
