from __future__ import annotations

import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kongtun.conftest import login
from kongtun.programme.models import Indicator
from kongtun.situations import selectors, services
from kongtun.situations.models import SituationValue
from kongtun.situations.services import RowErrors

pytestmark = pytest.mark.django_db


def smoking() -> Indicator:
    return Indicator.objects.get(code="tobacco-adults")


def entry_url(story, year=2569, issue="tobacco"):  # type: ignore[no-untyped-def]
    return reverse("situations:entry", args=[story.fund_a.code, year, issue])


def test_it_saves_a_value_with_who_entered_it(story) -> None:  # type: ignore[no-untyped-def]
    row = services.situation_value_save(
        fund=story.fund_a, fiscal_year=2569, indicator=smoking(), value=Decimal("30"), user=story.officer_a
    )
    again = services.situation_value_save(
        fund=story.fund_a, fiscal_year=2569, indicator=smoking(), value=Decimal("29"), user=story.collector_a
    )
    assert again.pk == row.pk
    assert again.value == Decimal("29") and again.entered_by == story.collector_a


def test_it_refuses_a_value_above_the_indicator_maximum_in_thai(story) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as exc:
        services.situation_value_save(
            fund=story.fund_a, fiscal_year=2569, indicator=smoking(), value=Decimal("130")
        )
    assert "ต้องอยู่ระหว่าง 0 ถึง 100" in exc.value.messages[0]
    assert not SituationValue.objects.exists()


@pytest.mark.parametrize("who", ["officer_a", "collector_a"])
def test_officer_and_collector_enter_an_issue_on_the_phone_page(story, who) -> None:  # type: ignore[no-untyped-def]
    client = login(getattr(story, who))
    page = client.get(entry_url(story))
    assert page.status_code == 200
    assert "ร้อยละของผู้ใหญ่ที่สูบบุหรี่" in page.content.decode()
    response = client.post(
        entry_url(story),
        {
            "tobacco-adults-value": "30",
            "tobacco-adults-source": "สำรวจ อสม.",
            "tobacco-adults-survey_date": "15/03/2569",
        },
    )
    assert response.status_code == 302
    value = SituationValue.objects.get(fund=story.fund_a, indicator=smoking())
    assert value.value == Decimal("30") and value.survey_date is not None and value.survey_date.year == 2026


def test_entry_page_shows_previous_years_beside(story) -> None:  # type: ignore[no-untyped-def]
    services.situation_value_save(
        fund=story.fund_a, fiscal_year=2568, indicator=smoking(), value=Decimal("33.5")
    )
    page = login(story.officer_a).get(entry_url(story)).content.decode()
    assert "2568: 33.5" in page


def test_entry_rerenders_with_thai_error_and_keeps_what_was_typed(story) -> None:  # type: ignore[no-untyped-def]
    response = login(story.officer_a).post(
        entry_url(story), {"tobacco-adults-value": "150", "tobacco-adults-source": "สำรวจเอง"}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "ต้องอยู่ระหว่าง" in body and "สำรวจเอง" in body
    assert not SituationValue.objects.exists()


def test_committee_may_not_enter_data(story) -> None:  # type: ignore[no-untyped-def]
    assert login(story.committee_a).get(entry_url(story)).status_code == 403


def test_outsider_gets_404_on_entry_and_overview(story) -> None:  # type: ignore[no-untyped-def]
    client = login(story.officer_b)
    assert client.get(entry_url(story)).status_code == 404
    assert client.get(reverse("situations:fund", args=[story.fund_a.code])).status_code == 404


def test_fund_overview_shows_completeness(story) -> None:  # type: ignore[no-untyped-def]
    services.situation_value_save(
        fund=story.fund_a, fiscal_year=2569, indicator=smoking(), value=Decimal("30")
    )
    done, total = selectors.fund_completeness(fund=story.fund_a, fiscal_year=2569)
    assert done == 1 and total >= 10
    page = login(story.committee_a).get(reverse("situations:fund", args=[story.fund_a.code]) + "?year=2569")
    assert page.status_code == 200
    assert f"1/{total}" in page.content.decode()


def test_area_completeness_counts_each_fund(story) -> None:  # type: ignore[no-untyped-def]
    services.situation_value_save(
        fund=story.fund_a, fiscal_year=2569, indicator=smoking(), value=Decimal("30")
    )
    rows = {
        r.fund.code: r.issues_with_data
        for r in selectors.area_completeness(area=story.district, fiscal_year=2569)
    }
    assert rows == {"L9001": 1, "L9002": 0}


def test_area_pages_for_district_roles_not_for_outsiders(story) -> None:  # type: ignore[no-untyped-def]
    services.situation_value_save(
        fund=story.fund_a, fiscal_year=2568, indicator=smoking(), value=Decimal("32")
    )
    services.situation_value_save(
        fund=story.fund_a, fiscal_year=2569, indicator=smoking(), value=Decimal("30")
    )
    area = reverse("situations:area", args=["district", story.district.pk]) + "?year=2569"
    indicator = (
        reverse("situations:indicator", args=["district", story.district.pk, "tobacco-adults"]) + "?year=2569"
    )
    for user in (story.mentor, story.district_officer, story.province_officer):
        assert login(user).get(area).status_code == 200
    page = login(story.mentor).get(indicator)
    assert (
        page.status_code == 200
        and "-2" in page.content.decode()
        and 'id="chart-data"' in page.content.decode()
    )
    assert login(story.officer_b).get(area).status_code == 404
    assert login(story.officer_b).get(indicator).status_code == 404


def _csv(*rows: str) -> io.BytesIO:
    header = "fund_code,fiscal_year,indicator_code,indicator_name,unit,value,source,survey_date"
    return io.BytesIO(("\n".join([header, *rows]) + "\n").encode("utf-8"))


def test_bulk_upsert_writes_nothing_when_one_row_is_bad_and_names_the_row(story) -> None:  # type: ignore[no-untyped-def]
    upload = _csv(
        "L9001,2569,tobacco-adults,,%,30,,",
        "L9001,2569,tobacco-youth,,%,130,,",
        "L9999,2569,tobacco-youth,,%,3,,",
        "L9001,2569,no-such,,%,3,,",
        "L9001,2569,alcohol-adults,,คน,3,,",
        "L9301,2569,alcohol-adults,,%,3,,",
    )
    with pytest.raises(RowErrors) as exc:
        services.situation_import(
            user=story.officer_a, upload=upload, filename="x.csv", district=story.district
        )
    numbers = [n for n, _e in exc.value.row_errors]
    assert numbers == [3, 4, 5, 6, 7]
    assert exc.value.messages[0].startswith("แถวที่ 3")
    assert not SituationValue.objects.exists()


def test_import_refuses_a_fund_the_importer_may_not_enter(story) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(RowErrors) as exc:
        services.situation_import(
            user=story.officer_a, upload=_csv("L9002,2569,tobacco-adults,,%,30,,"), filename="x.csv"
        )
    assert "L9002" in exc.value.messages[0]


def test_import_page_all_or_nothing_and_names_the_row(story) -> None:  # type: ignore[no-untyped-def]
    url = reverse("situations:import") + f"?fund={story.fund_a.code}"
    client = login(story.collector_a)
    upload = _csv("L9001,2569,tobacco-adults,,%,30,,", "L9001,2569,tobacco-youth,,%,abc,,")
    upload.name = "values.csv"
    response = client.post(url, {"file": upload})
    assert response.status_code == 200
    assert "แถวที่ 3" in response.content.decode()
    assert not SituationValue.objects.exists()
    good = _csv("L9001,2569,tobacco-adults,,%,30,,15/03/2569")
    good.name = "values.csv"
    assert client.post(url, {"file": good}).status_code == 302
    saved = SituationValue.objects.get().survey_date
    assert saved is not None and saved.month == 3


def test_import_page_refuses_read_only_and_outsiders(story) -> None:  # type: ignore[no-untyped-def]
    url = reverse("situations:import") + f"?fund={story.fund_a.code}"
    assert login(story.committee_a).get(url).status_code == 403
    assert login(story.officer_b).get(url).status_code == 404


def test_excel_template_round_trips_through_the_import(story) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    client = login(story.officer_a)
    response = client.get(reverse("situations:template") + f"?fund={story.fund_a.code}&year=2569")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    sheet = book.worksheets[0]
    assert [c.value for c in sheet[1]][:3] == ["fund_code", "fiscal_year", "indicator_code"]
    for row in sheet.iter_rows(min_row=2):
        if row[2].value == "tobacco-adults":
            row[5].value = 27.5
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    saved = services.situation_import(user=story.officer_a, upload=out, filename="t.xlsx")
    assert [(v.indicator.code, v.value) for v in saved] == [("tobacco-adults", Decimal("27.5"))]


def test_export_gives_csv_and_excel_to_readers_only(story) -> None:  # type: ignore[no-untyped-def]
    services.situation_value_save(
        fund=story.fund_a, fiscal_year=2569, indicator=smoking(), value=Decimal("30")
    )
    url = reverse("situations:export") + f"?fund={story.fund_a.code}&format=csv"
    response = login(story.committee_a).get(url)
    assert response.status_code == 200
    assert "L9001,2569,tobacco-adults" in response.content.decode("utf-8-sig")
    district = reverse("situations:export") + f"?district={story.district.pk}"
    assert login(story.mentor).get(district).status_code == 200
    assert login(story.officer_b).get(url).status_code == 404


def test_excel_export_keeps_a_typed_formula_as_text_and_reads_it_back(story) -> None:  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    source = '=HYPERLINK("http://evil.example","สำรวจ")'
    services.situation_value_save(
        fund=story.fund_a, fiscal_year=2569, indicator=smoking(), value=Decimal("30"), source=source
    )
    response = login(story.officer_a).get(reverse("situations:export") + f"?fund={story.fund_a.code}")
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    cell = sheet.cell(row=2, column=7)
    assert (cell.value, cell.data_type, cell.quotePrefix) == (source, "s", True)
    assert sheet.cell(row=2, column=6).value == 30  # the value stays a number
    out = io.BytesIO(response.content)
    saved = services.situation_import(user=story.officer_a, upload=out, filename="values.xlsx")
    assert [v.source for v in saved] == [source]


def test_admin_pages_for_situation_values_plans_and_programme_years(story) -> None:  # type: ignore[no-untyped-def]
    services.situation_value_save(
        fund=story.fund_a, fiscal_year=2569, indicator=smoking(), value=Decimal("30")
    )
    story.admin.is_staff = True
    story.admin.is_superuser = True
    story.admin.save()
    client = login(story.admin)
    for name in ("situations_situationvalue", "plans_plan", "programme_programmeyear", "programme_indicator"):
        assert client.get(reverse(f"admin:{name}_changelist")).status_code == 200


def test_indicator_rows_say_whether_the_change_is_an_improvement(story) -> None:  # type: ignore[no-untyped-def]
    services.situation_value_save(
        fund=story.fund_a, fiscal_year=2568, indicator=smoking(), value=Decimal("32")
    )
    services.situation_value_save(
        fund=story.fund_a, fiscal_year=2569, indicator=smoking(), value=Decimal("30")
    )
    rows = selectors.indicator_area_rows(indicator=smoking(), area=story.district, fiscal_year=2569)
    row = next(r for r in rows if r.fund == story.fund_a)
    assert row.change == Decimal(-2) and row.improved is True
    assert next(r for r in rows if r.fund == story.fund_a2).improved is None
    activity = Indicator.objects.get(code="pa-adults")
    services.situation_value_save(
        fund=story.fund_a, fiscal_year=2568, indicator=activity, value=Decimal("40")
    )
    services.situation_value_save(
        fund=story.fund_a, fiscal_year=2569, indicator=activity, value=Decimal("38")
    )
    rows = selectors.indicator_area_rows(indicator=activity, area=story.district, fiscal_year=2569)
    assert next(r for r in rows if r.fund == story.fund_a).improved is False


def test_district_import_takes_every_fund_of_the_district_for_an_admin(story) -> None:  # type: ignore[no-untyped-def]
    url = reverse("situations:import") + f"?district={story.district.pk}"
    upload = _csv("L9001,2569,tobacco-adults,,%,30,,", "L9002,2569,tobacco-adults,,%,41,,")
    upload.name = "district.csv"
    assert login(story.admin).post(url, {"file": upload}).status_code == 302
    assert SituationValue.objects.count() == 2
    assert login(story.mentor).get(url).status_code == 403
    assert login(story.officer_b).get(url).status_code == 404


def test_district_import_refuses_a_fund_of_another_district(story) -> None:  # type: ignore[no-untyped-def]
    url = reverse("situations:import") + f"?district={story.district.pk}"
    upload = _csv("L9001,2569,tobacco-adults,,%,30,,", "L9301,2569,tobacco-adults,,%,41,,")
    upload.name = "district.csv"
    body = login(story.admin).post(url, {"file": upload}).content.decode()
    assert "แถวที่ 3" in body and "L9301" in body
    assert not SituationValue.objects.exists()


def test_fund_page_shows_this_years_completeness_to_its_people_only(story) -> None:  # type: ignore[no-untyped-def]
    from kongtun.situations.access import current_year

    services.situation_value_save(
        fund=story.fund_a, fiscal_year=current_year(), indicator=smoking(), value=Decimal("30")
    )
    url = reverse("funds:detail", args=[story.fund_a.code])
    total = len(selectors.year_issues(current_year()))
    assert f"1/{total}" in login(story.collector_a).get(url).content.decode()
    assert f"1/{total}" not in login(story.officer_b).get(url).content.decode()


def test_save_and_go_on_opens_the_next_issue(story) -> None:  # type: ignore[no-untyped-def]
    issues = selectors.year_issues(2569)
    first, second = issues[0], issues[1]
    response = login(story.collector_a).post(entry_url(story, issue=first.code), {"next": "1"})
    assert response["Location"] == entry_url(story, issue=second.code)


def test_import_page_shows_where_it_is_and_a_way_back(story) -> None:  # type: ignore[no-untyped-def]
    html = login(story.collector_a).get(reverse("situations:import") + f"?fund={story.fund_a.code}")
    body = html.content.decode()
    assert '<ol class="breadcrumb">' in body and story.district.name_th in body
    assert reverse("situations:fund", args=[story.fund_a.code]) in body
