"""Home, about, error pages, the language switch and the security headers."""

from __future__ import annotations

from types import SimpleNamespace

from django.test import Client
from django.urls import reverse

from kongtun.conftest import login


def test_the_home_page_is_thai_and_counts_the_funds(story: SimpleNamespace) -> None:
    response = Client().get(reverse("workspace:home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="th">' in html
    assert "ระบบกองทุนหลักประกันสุขภาพตำบล" in html
    assert response.context["fund_count"] == 3
    assert "เข้าสู่ระบบ" in html


def test_the_home_page_lists_my_funds_and_roles(story: SimpleNamespace) -> None:
    html = login(story.officer_a).get(reverse("workspace:home")).content.decode()
    assert story.fund_a.name in html
    assert story.fund_b.name not in html
    assert "เจ้าหน้าที่กองทุน" in html
    assert "ออกจากระบบ" in html


def test_the_home_page_of_someone_without_a_role_says_whom_to_ask(story: SimpleNamespace) -> None:
    html = login(story.nobody).get(reverse("workspace:home")).content.decode()
    assert "กรุณาขอให้เจ้าหน้าที่กองทุนเพิ่มคุณ" in html


def test_the_about_page_attributes_the_dopa_data(db: None) -> None:
    html = Client().get(reverse("workspace:about")).content.decode()
    assert "กรมการปกครอง" in html
    assert "CC BY 4.0" in html


def test_an_unknown_page_is_a_thai_404(db: None) -> None:
    response = Client().get("/no-such-page/")
    assert response.status_code == 404
    assert "ไม่มีหน้านี้ หรือคุณไม่มีสิทธิ์เข้าถึง" in response.content.decode()


def test_the_language_switch_gives_english(db: None) -> None:
    client = Client()
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    html = client.get(reverse("workspace:home")).content.decode()
    assert '<html lang="en">' in html
    assert "Kongtun: the community health fund system" in html


def test_pages_forbid_inline_scripts(db: None) -> None:
    response = Client().get(reverse("workspace:home"))
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_a_proposers_home_lists_their_proposals_and_not_others(story: SimpleNamespace) -> None:
    from kongtun.projects.models import Project

    Project.objects.create(
        fund=story.fund_a, fiscal_year=2570, title="โครงการของผู้เสนอ", proposer=story.proposer_a
    )
    Project.objects.create(
        fund=story.fund_a, fiscal_year=2570, title="โครงการของคนอื่น", proposer=story.officer_a
    )
    html = login(story.proposer_a).get(reverse("workspace:home")).content.decode()
    assert "โครงการของผู้เสนอ" in html
    assert "โครงการของคนอื่น" not in html
    assert reverse("projects:mine") in html
