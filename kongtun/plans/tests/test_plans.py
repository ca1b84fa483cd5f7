from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from kongtun.conftest import login
from kongtun.plans import selectors, services
from kongtun.plans.models import Plan
from kongtun.programme.models import Indicator, Issue, OrgType, SupportType
from kongtun.situations.services import situation_value_save

pytestmark = pytest.mark.django_db


def smoking() -> Indicator:
    return Indicator.objects.get(code="tobacco-adults")


def tobacco() -> Issue:
    return Issue.objects.get(code="tobacco")


def project(title: str = "ชุมชนปลอดบุหรี่", budget: str = "20000") -> dict[str, Any]:
    return {
        "title": title,
        "support_type": SupportType.objects.order_by("order").first(),
        "org_type": OrgType.objects.order_by("order").first(),
        "budget": Decimal(budget),
    }


def make_plan(story: Any, **kwargs: Any) -> Plan:
    defaults: dict[str, Any] = {
        "fund": story.fund_a,
        "fiscal_year": 2569,
        "issue": tobacco(),
        "objective": "ลดการสูบบุหรี่",
        "budget": Decimal("50000"),
        "targets": [
            {"indicator": smoking(), "problem": "สูบบุหรี่", "baseline": Decimal(30), "target": Decimal(28)}
        ],
        "projects": [project()],
    }
    return services.plan_save(**{**defaults, **kwargs})


def test_it_suggests_one_typical_change_in_the_good_direction(story: Any) -> None:
    assert services.target_suggest(indicator=smoking(), baseline=Decimal(30)) == Decimal(28)
    activity = Indicator.objects.get(code="pa-adults")
    assert services.target_suggest(indicator=activity, baseline=Decimal(98)) == Decimal(100)
    assert services.target_suggest(indicator=smoking(), baseline=Decimal("1")) == Decimal(0)
    assert services.target_suggest(indicator=smoking(), baseline=None) is None


def test_it_refuses_a_target_in_the_wrong_direction(story: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        make_plan(story, targets=[{"indicator": smoking(), "baseline": Decimal(30), "target": Decimal(31)}])
    assert "ต่ำกว่า" in " ".join(exc.value.messages)
    assert not Plan.objects.exists()


def test_it_refuses_projects_over_the_plan_budget(story: Any) -> None:
    with pytest.raises(ValidationError) as exc:
        make_plan(story, budget=Decimal("10000"), projects=[project(budget="6000"), project("อื่น", "6000")])
    assert "12,000.00" in " ".join(exc.value.messages)


def test_it_refuses_a_second_plan_for_the_same_issue(story: Any) -> None:
    make_plan(story)
    with pytest.raises(ValidationError):
        make_plan(story)


def test_update_keeps_the_projects_to_do_that_stay(story: Any) -> None:
    plan = make_plan(story)
    kept = plan.planned_projects.get()
    make_plan(story, plan=plan, projects=[{**project("ใหม่ชื่อ"), "id": kept.pk}, project("เพิ่ม", "1000")])
    titles = list(plan.planned_projects.values_list("pk", "title"))
    assert titles[0] == (kept.pk, "ใหม่ชื่อ") and len(titles) == 2


def test_new_plan_prefills_problem_size_from_situation_data(story: Any) -> None:
    situation_value_save(fund=story.fund_a, fiscal_year=2568, indicator=smoking(), value=Decimal(30))
    rows = selectors.target_initial(fund=story.fund_a, fiscal_year=2569, issue=tobacco())
    row = next(r for r in rows if r["indicator"].code == "tobacco-adults")
    assert (
        row["baseline"] == Decimal(30) and row["suggestion"] == Decimal(28) and row["baseline_year"] == 2568
    )
    page = login(story.officer_a).get(reverse("plans:create", args=[story.fund_a.code, 2569, "tobacco"]))
    body = page.content.decode()
    assert page.status_code == 200 and 'value="30.00"' in body and "28.00" in body and "data-example" in body


def _post_data(smoking_target: str, budget: str = "50000") -> dict[str, str]:
    indicators = list(tobacco().indicators.filter(is_active=True))
    data = {
        "objective": "ลดการสูบบุหรี่ของผู้ใหญ่",
        "approach": "",
        "situation": "",
        "budget": budget,
        "targets-TOTAL_FORMS": str(len(indicators)),
        "targets-INITIAL_FORMS": str(len(indicators)),
        "projects-TOTAL_FORMS": "2",
        "projects-INITIAL_FORMS": "0",
        "projects-0-title": "ชุมชนปลอดบุหรี่",
        "projects-0-support_type": str(SupportType.objects.order_by("order").first().pk),  # type: ignore[union-attr]
        "projects-0-org_type": str(OrgType.objects.order_by("order").first().pk),  # type: ignore[union-attr]
        "projects-0-budget": "20,000",
    }
    for n, ind in enumerate(indicators):
        data[f"targets-{n}-indicator"] = str(ind.pk)
        data[f"targets-{n}-problem"] = ind.name
        if ind.code == "tobacco-adults":
            data[f"targets-{n}-baseline"] = "30"
            data[f"targets-{n}-target"] = smoking_target
    return data


def test_officer_writes_a_plan_on_the_page(story: Any) -> None:
    url = reverse("plans:create", args=[story.fund_a.code, 2569, "tobacco"])
    response = login(story.officer_a).post(url, _post_data("28"))
    plan = Plan.objects.get()
    assert response.status_code == 302 and response["Location"] == plan.get_absolute_url()
    assert plan.targets.get(indicator=smoking()).target == Decimal(28)
    assert plan.planned_projects.get().budget == Decimal(20000)


def test_plan_page_rerenders_wrong_direction_and_budget_errors(story: Any) -> None:
    url = reverse("plans:create", args=[story.fund_a.code, 2569, "tobacco"])
    client = login(story.officer_a)
    body = client.post(url, _post_data("35")).content.decode()
    assert "ต่ำกว่า" in body and "ลดการสูบบุหรี่ของผู้ใหญ่" in body
    body = client.post(url, _post_data("28", budget="1000")).content.decode()
    assert "มากกว่างบประมาณของแผน" in body
    assert not Plan.objects.exists()


def test_plan_pages_refuse_read_only_and_outsiders_but_everyone_reads_the_plan(story: Any) -> None:
    plan = make_plan(story)
    create = reverse("plans:create", args=[story.fund_a.code, 2569, "alcohol"])
    assert login(story.committee_a).get(create).status_code == 403
    assert login(story.committee_a).get(reverse("plans:edit", args=[plan.pk])).status_code == 403
    assert login(story.committee_a).get(plan.get_absolute_url()).status_code == 200
    assert login(story.officer_b).get(create).status_code == 404
    assert login(story.officer_b).get(reverse("plans:edit", args=[plan.pk])).status_code == 403
    for url in (plan.get_absolute_url(), reverse("plans:pdf", args=[plan.pk])):
        assert login(story.officer_b).get(url).status_code == 200
        assert Client().get(url).status_code == 200


def test_plan_detail_links_each_project_to_do_to_a_proposal(story: Any) -> None:
    plan = make_plan(story)
    planned = plan.planned_projects.get()
    body = login(story.officer_a).get(plan.get_absolute_url()).content.decode()
    assert reverse("projects:start_from_planned", args=[planned.pk]) in body


def test_fund_plan_list_shows_planned_and_missing_issues(story: Any) -> None:
    make_plan(story)
    url = reverse("plans:fund", args=[story.fund_a.code]) + "?year=2569"
    body = login(story.officer_a).get(url).content.decode()
    assert (
        "50,000.00 บาท" in body and reverse("plans:create", args=[story.fund_a.code, 2569, "alcohol"]) in body
    )
    assert login(story.committee_a).get(url).status_code == 200
    assert login(story.officer_b).get(url).status_code == 404


def test_plan_pdf_prints_in_thai_with_buddhist_era(story: Any) -> None:
    plan = make_plan(story)
    response = login(story.committee_a).get(reverse("plans:pdf", args=[plan.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_district_plan_rolls_up_range_and_median(story: Any) -> None:
    make_plan(story)
    make_plan(
        story,
        fund=story.fund_a2,
        targets=[{"indicator": smoking(), "baseline": Decimal(40), "target": Decimal(36)}],
        projects=[project("รณรงค์", "10000")],
    )
    make_plan(story, fund=story.fund_b)
    rollups = selectors.area_plan(area=story.district, fiscal_year=2569)
    assert len(rollups) == 1 and len(rollups[0].plans) == 2
    summary = rollups[0].indicator_rows[0]
    assert summary.baseline_stats == (Decimal(30), Decimal(35), Decimal(40))
    assert summary.target_stats == (Decimal(28), Decimal(32), Decimal(36))
    assert rollups[0].budget == Decimal(100000)


def test_district_plan_page_for_mentor_and_district_officer(story: Any) -> None:
    make_plan(story)
    url = reverse("plans:area", args=["district", story.district.pk, 2569])
    for user in (story.mentor, story.district_officer, story.province_officer, story.region_officer):
        body = login(user).get(url).content.decode()
        assert "ยาสูบ" in body and story.fund_a.name in body
        assert '<div class="stat">50,000.00</div>' in body  # the total in baht, with two decimals
    assert login(story.officer_b).get(url).status_code == 404
    province = reverse("plans:area", args=["province", "90", 2569])
    assert "ชุมชนปลอดบุหรี่" in login(story.province_officer).get(province).content.decode()
    pdf = login(story.mentor).get(reverse("plans:area_pdf", args=["district", story.district.pk, 2569]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_fund_officer_reads_the_plan_of_their_own_district_only(story: Any) -> None:
    make_plan(story)
    url = reverse("plans:area", args=["district", story.district.pk, 2569])
    response = login(story.officer_a).get(url)
    body = response.content.decode()
    assert response.status_code == 200 and "ยาสูบ" in body and story.fund_a.name in body
    # read-only: no links into other funds' plans or the area's situation pages
    assert reverse("situations:area", args=["district", story.district.pk]) not in body
    pdf = login(story.officer_a).get(reverse("plans:area_pdf", args=["district", story.district.pk, 2569]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert login(story.officer_b).get(url).status_code == 404
    assert login(story.collector_a).get(url).status_code == 404
    province = reverse("plans:area", args=["province", "90", 2569])
    assert login(story.officer_a).get(province).status_code == 404
    plans_page = login(story.officer_a).get(reverse("plans:fund", args=[story.fund_a.code])).content.decode()
    assert reverse("plans:area", args=["district", story.district.pk, 2570]).rsplit("/", 2)[0] in plans_page


def test_fund_page_links_to_situation_and_plans_for_its_people(story: Any) -> None:
    url = reverse("funds:detail", args=[story.fund_a.code])
    body = login(story.committee_a).get(url).content.decode()
    assert reverse("situations:fund", args=[story.fund_a.code]) in body
    assert reverse("plans:fund", args=[story.fund_a.code]) in body
    assert (
        reverse("plans:fund", args=[story.fund_a.code])
        not in login(story.officer_b).get(url).content.decode()
    )


def test_area_links_panel_shows_the_district_plan_to_area_readers_only(story: Any) -> None:
    from django.test import RequestFactory

    from kongtun.core.panels import panels

    request = RequestFactory().get("/")
    link = reverse("plans:area", args=["district", story.district.pk, 0]).rsplit("/0/", 1)[0]

    def render() -> str:
        return "".join(str(p) for p in panels("area.links", request, story.district))

    request.user = story.mentor
    assert link in render()
    request.user = story.officer_a
    assert link not in render()


def test_only_saved_projects_offer_a_remove_box(story: Any) -> None:
    new = login(story.officer_a).get(reverse("plans:create", args=[story.fund_a.code, 2569, "tobacco"]))
    assert "projects-0-DELETE" not in new.content.decode()
    plan = make_plan(story)
    edit = login(story.officer_a).get(reverse("plans:edit", args=[plan.pk])).content.decode()
    assert 'name="projects-0-DELETE"' in edit and "นำโครงการนี้ออกจากแผน" in edit
    assert 'name="projects-1-DELETE"' not in edit  # the first empty row
