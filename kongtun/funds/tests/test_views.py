"""Fund pages: the public list and home page, and the officer's edit, year and people pages."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from kongtun.accounts.models import Membership, Role, User
from kongtun.conftest import login, make_user
from kongtun.funds.models import Fund, FundYear, ProgrammeRole
from kongtun.funds.services import fund_year_save


def _fund_data(fund: Fund, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": fund.name,
        "lg_type": fund.lg_type,
        "lg_name": fund.lg_name,
        "subdistricts": [s.code for s in fund.subdistricts.all()],
        "address": fund.address,
        "phone": fund.phone,
        "email": fund.email,
    }
    return {**data, **changes}


# --- list -------------------------------------------------------------------------------------------


def _codes(response: object) -> list[str]:
    return [f.code for f in response.context["page"]]  # type: ignore[attr-defined]


def test_the_fund_list_is_public_and_thai(story: SimpleNamespace) -> None:
    response = Client().get(reverse("funds:index"))
    assert response.status_code == 200
    assert _codes(response) == ["L9001", "L9002", "L9301"]
    assert "3 กองทุน" in response.content.decode()


def test_the_fund_list_filters_by_province(story: SimpleNamespace) -> None:
    assert _codes(Client().get(reverse("funds:index"), {"province": "93"})) == ["L9301"]


def test_the_fund_list_filters_by_district_and_region(story: SimpleNamespace) -> None:
    response = Client().get(reverse("funds:index"), {"province": "90", "district": "9003"})
    assert _codes(response) == ["L9001", "L9002"]
    assert _codes(Client().get(reverse("funds:index"), {"region": "12"})) == ["L9001", "L9002", "L9301"]


def test_the_fund_list_searches_thai_names_and_codes(story: SimpleNamespace) -> None:
    assert _codes(Client().get(reverse("funds:index"), {"q": "ป่าชิง"})) == ["L9002"]
    assert _codes(Client().get(reverse("funds:index"), {"q": "l9301"})) == ["L9301"]


def test_the_fund_list_filters_by_year_and_programme_role_together(story: SimpleNamespace) -> None:
    fund_year_save(fund=story.fund_a, fiscal_year=2568, programme_role=ProgrammeRole.LEARNING_CENTRE)
    fund_year_save(fund=story.fund_a, fiscal_year=2569, programme_role=ProgrammeRole.NONE)
    fund_year_save(fund=story.fund_a2, fiscal_year=2569, programme_role=ProgrammeRole.LEARNING_CENTRE)
    fund_year_save(fund=story.fund_b, fiscal_year=2568, programme_role=ProgrammeRole.VOLUNTARY)
    index = reverse("funds:index")
    assert _codes(Client().get(index, {"year": "2568", "role": "learning"})) == ["L9001"]
    assert _codes(Client().get(index, {"year": "2569", "role": "learning"})) == ["L9002"]
    assert _codes(Client().get(index, {"year": "2568"})) == ["L9001", "L9301"]
    assert _codes(Client().get(index, {"role": "learning"})) == ["L9001", "L9002"]
    assert _codes(Client().get(index, {"year": "2569", "role": "voluntary"})) == []


def test_htmx_gets_only_the_results(story: SimpleNamespace) -> None:
    response = Client().get(reverse("funds:index"), {"q": "ป่าชิง"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "<html" not in html
    assert "L9002" in html
    assert "L9001" not in html


def test_the_fund_list_pages_through_many_funds(story: SimpleNamespace) -> None:
    response = Client().get(reverse("funds:index"), {"page": "99"})
    assert response.status_code == 200
    assert _codes(response) == ["L9001", "L9002", "L9301"]  # past the end: the last page


# --- detail -----------------------------------------------------------------------------------------


def test_the_fund_page_is_public_without_workspace_links(story: SimpleNamespace) -> None:
    response = Client().get(reverse("funds:detail", args=["L9001"]))
    html = response.content.decode()
    assert story.fund_a.name in html
    assert "สงขลา" in html
    assert reverse("funds:edit", args=["L9001"]) not in html


def test_the_officer_sees_the_edit_links_on_their_fund(story: SimpleNamespace) -> None:
    fund_year_save(
        fund=story.fund_a, fiscal_year=2568, programme_role="learning", registered_population=12345
    )
    html = login(story.officer_a).get(reverse("funds:detail", args=["L9001"])).content.decode()
    assert reverse("funds:edit", args=["L9001"]) in html
    assert reverse("funds:members", args=["L9001"]) in html
    assert "กองทุนศูนย์เรียนรู้" in html
    assert "12,345" in html


def test_the_committee_sees_the_people_link_but_not_the_edit_link(story: SimpleNamespace) -> None:
    html = login(story.committee_a).get(reverse("funds:detail", args=["L9001"])).content.decode()
    assert reverse("funds:members", args=["L9001"]) in html
    assert reverse("funds:edit", args=["L9001"]) not in html


def test_the_officer_of_another_fund_sees_no_workspace_links(story: SimpleNamespace) -> None:
    html = login(story.officer_b).get(reverse("funds:detail", args=["L9001"])).content.decode()
    assert reverse("funds:members", args=["L9001"]) not in html


def test_an_unknown_fund_is_a_thai_404(db: None) -> None:
    response = Client().get(reverse("funds:detail", args=["L0000"]))
    assert response.status_code == 404
    assert "ไม่พบหน้านี้" in response.content.decode()


# --- edit -------------------------------------------------------------------------------------------


def test_the_officer_edits_their_fund(story: SimpleNamespace) -> None:
    url = reverse("funds:edit", args=["L9001"])
    client = login(story.officer_a)
    assert client.get(url).status_code == 200
    response = client.post(url, _fund_data(story.fund_a, phone="074-111222", address="หมู่ 1"))
    assert response.status_code == 302
    story.fund_a.refresh_from_db()
    assert story.fund_a.phone == "074-111222"
    assert story.fund_a.address == "หมู่ 1"


def test_a_bad_edit_keeps_what_was_typed_with_a_thai_message(story: SimpleNamespace) -> None:
    data = _fund_data(story.fund_a, subdistricts=[], phone="074-999", email="not-an-email")
    response = login(story.officer_a).post(reverse("funds:edit", args=["L9001"]), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "กรุณาแก้ไขรายการต่อไปนี้" in html
    assert 'value="074-999"' in html
    story.fund_a.refresh_from_db()
    assert story.fund_a.phone == ""


def test_the_officer_of_fund_b_gets_404_on_fund_a_edit(story: SimpleNamespace) -> None:
    client = login(story.officer_b)
    assert client.get(reverse("funds:edit", args=["L9001"])).status_code == 404
    assert client.post(reverse("funds:edit", args=["L9001"]), _fund_data(story.fund_a)).status_code == 404


@pytest.mark.parametrize("who", ["committee_a", "mentor", "district_officer"])
def test_read_only_roles_get_403_on_fund_edit(story: SimpleNamespace, who: str) -> None:
    response = login(getattr(story, who)).get(reverse("funds:edit", args=["L9001"]))
    assert response.status_code == 403
    assert "คุณไม่มีสิทธิ์ทำรายการนี้" in response.content.decode()


def test_fund_edit_needs_a_login(story: SimpleNamespace) -> None:
    response = Client().get(reverse("funds:edit", args=["L9001"]))
    assert response.status_code == 302


# --- fiscal year ------------------------------------------------------------------------------------


def test_the_officer_saves_the_fiscal_year_details(story: SimpleNamespace) -> None:
    data = {
        "fiscal_year": "2568",
        "programme_role": "expansion",
        "registered_population": "8200",
        "lg_revenue": "12,500,000",
        "carry_over": "350000.50",
    }
    response = login(story.officer_a).post(reverse("funds:year_edit", args=["L9001"]), data)
    assert response.status_code == 302
    row = FundYear.objects.get(fund=story.fund_a, fiscal_year=2568)
    assert row.programme_role == "expansion"
    assert row.lg_revenue == Decimal("12500000")
    assert row.carry_over == Decimal("350000.50")


def test_negative_money_in_the_fiscal_year_is_refused_in_thai(story: SimpleNamespace) -> None:
    data = {"fiscal_year": "2568", "programme_role": "none", "carry_over": "-1"}
    response = login(story.officer_a).post(reverse("funds:year_edit", args=["L9001"]), data)
    assert response.status_code == 200
    assert "จำนวนเงินต้องไม่ติดลบ" in response.content.decode()
    assert not FundYear.objects.exists()


def test_fiscal_year_edit_refuses_outsiders_and_read_only_roles(story: SimpleNamespace) -> None:
    url = reverse("funds:year_edit", args=["L9001"])
    assert login(story.officer_b).get(url).status_code == 404
    assert login(story.committee_a).get(url).status_code == 403


# --- people -----------------------------------------------------------------------------------------


def test_the_officer_sees_the_people_of_the_fund(story: SimpleNamespace) -> None:
    html = login(story.officer_a).get(reverse("funds:members", args=["L9001"])).content.decode()
    assert "committee_a" in html
    assert "กรรมการกองทุน" in html
    assert "เพิ่มบุคคล" in html


def test_the_officer_invites_a_new_person_by_e_mail(story: SimpleNamespace) -> None:
    data = {"email": "New.Person@Example.org", "display_name": "นางสาวใหม่ ใจงาม", "role": Role.DATA_COLLECTOR}
    response = login(story.officer_a).post(reverse("funds:members", args=["L9001"]), data)
    assert response.status_code == 302
    user = User.objects.get(email="new.person@example.org")
    assert user.display_name == "นางสาวใหม่ ใจงาม"
    assert not user.has_usable_password()
    assert Membership.objects.filter(user=user, fund=story.fund_a, role=Role.DATA_COLLECTOR).exists()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.person@example.org"]
    assert story.fund_a.name in mail.outbox[0].subject
    assert "/accounts/reset/" in mail.outbox[0].body


def test_inviting_someone_who_has_an_account_gives_them_the_role_without_mail(story: SimpleNamespace) -> None:
    data = {"email": "mentor_chana@example.org", "display_name": "x", "role": Role.MENTOR}
    login(story.officer_a).post(reverse("funds:members", args=["L9001"]), data)
    assert Membership.objects.filter(user=story.mentor, fund=story.fund_a, role=Role.MENTOR).exists()
    assert mail.outbox == []


def test_a_bad_invite_keeps_what_was_typed(story: SimpleNamespace) -> None:
    data = {"email": "not-an-address", "display_name": "คนใหม่", "role": Role.PROPOSER}
    response = login(story.officer_a).post(reverse("funds:members", args=["L9001"]), data)
    assert response.status_code == 200
    assert 'value="คนใหม่"' in response.content.decode()


def test_the_officer_of_fund_b_gets_404_on_fund_a_people(story: SimpleNamespace) -> None:
    url = reverse("funds:members", args=["L9001"])
    data = {"email": "x@example.org", "display_name": "x", "role": Role.PROPOSER}
    assert login(story.officer_b).get(url).status_code == 404
    assert login(story.officer_b).post(url, data).status_code == 404
    assert not User.objects.filter(email="x@example.org").exists()


def test_the_committee_sees_the_people_but_may_not_invite(story: SimpleNamespace) -> None:
    url = reverse("funds:members", args=["L9001"])
    client = login(story.committee_a)
    page = client.get(url)
    assert page.status_code == 200
    assert "เพิ่มบุคคล" not in page.content.decode()
    data = {"email": "x@example.org", "display_name": "x", "role": Role.PROPOSER}
    assert client.post(url, data).status_code == 403
    assert not User.objects.filter(email="x@example.org").exists()


def test_the_officer_removes_a_role(story: SimpleNamespace) -> None:
    membership = Membership.objects.get(user=story.collector_a)
    response = login(story.officer_a).post(reverse("funds:member_remove", args=["L9001", membership.pk]))
    assert response.status_code == 302
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_removing_a_role_refuses_outsiders_and_read_only_roles(story: SimpleNamespace) -> None:
    membership = Membership.objects.get(user=story.collector_a)
    url = reverse("funds:member_remove", args=["L9001", membership.pk])
    assert login(story.officer_b).post(url).status_code == 404
    assert login(story.committee_a).post(url).status_code == 403
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_a_role_of_another_fund_cannot_be_removed_through_this_fund(story: SimpleNamespace) -> None:
    membership = Membership.objects.get(user=story.officer_b)
    url = reverse("funds:member_remove", args=["L9001", membership.pk])
    assert login(story.officer_a).post(url).status_code == 404
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_the_last_fund_officer_cannot_be_removed(story: SimpleNamespace) -> None:
    membership = Membership.objects.get(user=story.officer_a)
    url = reverse("funds:member_remove", args=["L9001", membership.pk])
    response = login(story.officer_a).post(url, follow=True)
    assert Membership.objects.filter(pk=membership.pk).exists()
    assert "ต้องมีเจ้าหน้าที่กองทุนอย่างน้อยหนึ่งคน" in response.content.decode()


def test_the_year_form_starts_with_the_saved_facts_of_the_chosen_year(story: SimpleNamespace) -> None:
    fund_year_save(
        fund=story.fund_a, fiscal_year=2568, programme_role="voluntary", registered_population=4321
    )
    response = login(story.officer_a).get(reverse("funds:year_edit", args=["L9001"]), {"year": "2568"})
    html = response.content.decode()
    assert 'value="4321"' in html
    assert '<option value="voluntary" selected>' in html


def test_the_fund_list_offers_all_as_the_empty_choice(story: SimpleNamespace) -> None:
    html = Client().get(reverse("funds:index")).content.decode()
    assert "---------" not in html
    assert "ทั้งหมด" in html


def test_an_invalid_filter_is_shown_next_to_its_field(story: SimpleNamespace) -> None:
    response = Client().get(reverse("funds:index"), {"role": "bogus"})
    assert response.status_code == 200
    assert 'class="field has-error"' in response.content.decode()


def test_editing_a_fund_that_covers_two_districts_keeps_both_and_its_home(story: SimpleNamespace) -> None:
    from kongtun.areas.models import Subdistrict
    from kongtun.funds.services import fund_update

    # ป่าชิง's fund also covers a sub-district of เทพา whose name sorts before จะนะ's ones.
    other = Subdistrict.objects.filter(district_id="9005").order_by("name_th").first()
    assert other is not None
    fund_update(fund=story.fund_a2, subdistricts=[*story.fund_a2.subdistricts.all(), other])
    codes = sorted(s.code for s in story.fund_a2.subdistricts.all())
    client = login(make_user("officer_a2", Role.FUND_OFFICER, fund=story.fund_a2))
    form = client.get(reverse("funds:edit", args=["L9002"])).context["form"]
    assert other in form.fields["subdistricts"].queryset
    response = client.post(reverse("funds:edit", args=["L9002"]), _fund_data(story.fund_a2, phone="1"))
    assert response.status_code == 302
    story.fund_a2.refresh_from_db()
    assert sorted(s.code for s in story.fund_a2.subdistricts.all()) == codes
    assert story.fund_a2.district_id == "9003"


def test_a_proposer_is_not_offered_the_people_page_they_may_not_open(story: SimpleNamespace) -> None:
    client = login(story.proposer_a)
    html = client.get(reverse("funds:detail", args=["L9001"])).content.decode()
    assert reverse("funds:members", args=["L9001"]) not in html
    assert client.get(reverse("funds:members", args=["L9001"])).status_code == 404


def test_removing_a_role_asks_first_naming_the_person_and_role(story: SimpleNamespace) -> None:
    membership = Membership.objects.get(user=story.collector_a)
    html = login(story.officer_a).get(reverse("funds:members", args=["L9001"])).content.decode()
    action = reverse("funds:member_remove", args=["L9001", membership.pk])
    form = html.split(f'action="{action}"', 1)[1].split(">", 1)[0]
    assert 'hx-boost="true"' in form
    assert f'hx-confirm="ถอด {story.collector_a} ออกจากบทบาท' in form
    read_only = login(story.committee_a).get(reverse("funds:members", args=["L9001"])).content.decode()
    assert "hx-confirm" not in read_only
