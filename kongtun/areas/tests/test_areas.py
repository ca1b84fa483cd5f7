"""The area hierarchy: loading it, its public pages, breadcrumbs, search."""

from __future__ import annotations

from types import SimpleNamespace

from django.test import Client
from django.urls import reverse

from kongtun.areas.models import District, Province, Region, Subdistrict
from kongtun.areas.selectors import area_search
from kongtun.areas.services import areas_load


def test_areas_load_is_idempotent(db: None) -> None:
    first = areas_load(only=["90"])
    counts = (Province.objects.count(), District.objects.count(), Subdistrict.objects.count())
    second = areas_load(only=["90"])
    assert first == second
    assert (Province.objects.count(), District.objects.count(), Subdistrict.objects.count()) == counts
    assert Region.objects.count() == 13
    assert first["districts"] == 16  # สงขลา has 16 districts


def test_areas_load_puts_each_province_in_its_nhso_region(db: None) -> None:
    areas_load(only=["90", "10", "50"])
    assert Province.objects.get(code="90").region_id == 12  # สงขลา
    assert Province.objects.get(code="10").region_id == 13  # กรุงเทพมหานคร
    assert Province.objects.get(code="50").region_id == 1  # เชียงใหม่


def test_every_province_has_an_nhso_region(db: None) -> None:
    counts = areas_load()
    assert counts["provinces"] == 77
    assert not Province.objects.filter(region__isnull=True).exists()


def test_a_breadcrumb_runs_from_region_to_sub_district(story: SimpleNamespace) -> None:
    sub = story.fund_a.subdistricts.get()
    crumbs = [str(a) for a in sub.breadcrumb()]
    assert crumbs[:3] == ["เขต 12", "สงขลา", "จะนะ"]
    assert [str(a) for a in story.fund_a.breadcrumb()][-1] == str(story.fund_a)


def test_area_search_finds_thai_and_english_names(story: SimpleNamespace) -> None:
    assert area_search("จะนะ")[0].code == "9003"
    assert "90" in [a.code for a in area_search("songkhla")]
    assert area_search("   ") == []


def test_the_areas_index_lists_regions_and_searches(story: SimpleNamespace) -> None:
    response = Client().get(reverse("areas:index"), {"q": "จะนะ"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "เขต 12" in html
    assert reverse("areas:district", args=["9003"]) in html


def test_the_region_page_lists_its_provinces_with_fund_counts(story: SimpleNamespace) -> None:
    response = Client().get(reverse("areas:region", args=[12]))
    children = {p.code: p.fund_count for p in response.context["children"]}
    assert children == {"90": 2, "93": 1}


def test_the_province_page_lists_its_districts(story: SimpleNamespace) -> None:
    response = Client().get(reverse("areas:province", args=["90"]))
    assert response.status_code == 200
    assert {d.code: d.fund_count for d in response.context["children"]}["9003"] == 2
    assert "เขต 12" in response.content.decode()  # the breadcrumb


def test_the_district_page_lists_its_funds(story: SimpleNamespace) -> None:
    response = Client().get(reverse("areas:district", args=["9003"]))
    html = response.content.decode()
    assert story.fund_a.name in html
    assert story.fund_b.name not in html


def test_an_unknown_area_is_404(db: None) -> None:
    assert Client().get(reverse("areas:province", args=["99"])).status_code == 404
    assert Client().get(reverse("areas:region", args=[77])).status_code == 404
