from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kongtun.conftest import login
from kongtun.programme.models import Indicator, OrgType, SupportType, TargetGroup
from kongtun.projects import services
from kongtun.projects.models import Project, ProposalWindow, Status
from kongtun.projects.tests.helpers import YEAR, make_planned, proposal, submitted

pytestmark = pytest.mark.django_db


def running(story) -> Project:
    project = submitted(story)
    return services.project_approve(
        project=project,
        user=story.committee_a,
        meeting_no="1/2569",
        meeting_date=dt.date(2025, 11, 20),
        approved_budget=Decimal("10000"),
        report_due_date=dt.date(2026, 9, 15),
    )


# --- detail and lists ---------------------------------------------------------------------------


def test_the_proposer_sees_the_whole_draft(story):
    project = proposal(story)
    response = login(story.proposer_a).get(project.get_absolute_url())
    assert response.status_code == 200
    assert "อบรมผู้สูบ" in response.content.decode()
    assert reverse("projects:edit", args=[project.pk, 4]) in response.content.decode()


def test_a_draft_is_hidden_from_outsiders(story):
    project = proposal(story)
    assert login(story.officer_b).get(project.get_absolute_url()).status_code == 404
    assert Client().get(project.get_absolute_url()).status_code == 404


def test_an_approved_project_is_public_without_personal_data(story):
    project = running(story)
    response = Client().get(project.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert project.code
    assert project.code in html
    assert "นางสมศรี" not in html
    assert "proposer_a" not in html
    assert "10,000.00" in html
    assert "หนึ่งหมื่นบาทถ้วน" in html


def test_the_fund_list_shows_proposals_by_status(story):
    proposal(story)
    running(story)
    url = reverse("projects:fund", args=[story.fund_a.code])
    for user in (story.officer_a, story.committee_a, story.mentor):
        response = login(user).get(url, {"status": "running"})
        assert response.status_code == 200
        assert response.context["page"].paginator.count == 1
    assert login(story.officer_b).get(url).status_code == 404


def test_my_proposals_lists_only_mine(story):
    proposal(story)
    services.project_create(fund=story.fund_a, user=story.officer_a, title="ของเจ้าหน้าที่")
    response = login(story.proposer_a).get(reverse("projects:mine"))
    assert response.status_code == 200
    assert [p.title for p in response.context["page"]] == ["โครงการทดสอบ"]
    assert Client().get(reverse("projects:mine")).status_code == 302


def test_the_public_list_shows_only_approved_projects(story):
    proposal(story)
    project = running(story)
    response = Client().get(reverse("projects:public"))
    assert [p.pk for p in response.context["page"]] == [project.pk]


# --- writing --------------------------------------------------------------------------------------


def test_a_proposer_starts_a_proposal_at_the_fund(story):
    url = reverse("projects:start", args=[story.fund_a.code])
    response = login(story.proposer_a).post(
        url, {"title": "ลดหวาน", "fiscal_year": YEAR, "organisation": "โรงเรียน"}
    )
    project = Project.objects.get(title="ลดหวาน")
    assert response["Location"] == reverse("projects:edit", args=[project.pk, 1])
    assert project.proposer == story.proposer_a
    assert login(story.officer_b).get(url).status_code == 404
    assert login(story.committee_a).get(url).status_code == 403


def test_a_proposal_starts_from_the_plan(story):
    planned = make_planned(story)
    url = reverse("projects:start_from_planned", args=[planned.pk])
    client = login(story.proposer_a)
    assert client.get(url).status_code == 200
    response = client.post(url)
    project = Project.objects.get(planned_project=planned)
    assert response["Location"] == reverse("projects:edit", args=[project.pk, 1])
    assert login(story.officer_b).post(url).status_code == 404
    assert login(story.committee_a).post(url).status_code == 403


def _formset(prefix: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    data = {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": "0"}
    for i, row in enumerate(rows):
        data.update({f"{prefix}-{i}-{k}": v for k, v in row.items()})
    return data


def test_each_step_saves_a_draft(story):
    project = services.project_create(fund=story.fund_a, user=story.proposer_a, title="เดิม", fiscal_year=YEAR)
    client = login(story.proposer_a)
    indicator = Indicator.objects.get(code="tobacco-adults")
    make_planned(story)  # situation value 30 for the indicator
    steps: dict[int, dict[str, Any]] = {
        1: {"title": "ใหม่", "organisation": "ชมรม", "responsible_people": "นายก", "location": "หมู่ 2"},
        2: {
            "support_type": SupportType.objects.order_by("order")[0].pk,
            "org_type": OrgType.objects.order_by("order")[0].pk,
            "main_target_group": TargetGroup.objects.order_by("order")[0].pk,
        },
        3: {"rationale": "เหตุผล", **_formset("problems", [{"problem": "สูบมาก", "size": "30"}])},
        4: _formset(
            "objectives",
            [
                {"objective": "ลดผู้สูบ", "indicator": indicator.pk, "target": "25"},
                {"objective": "", "name": "ร้านค้าไม่ขายให้เด็ก", "unit": "ร้าน", "baseline": "2", "target": "10"},
            ],
        ),
        5: _formset("groups", [{"name": "ผู้สูบ", "planned_count": "40"}]),
        6: {"start_date": "01/11/2568", "end_date": "31/08/2569"},
        8: {"expected_results": "ผู้สูบลดลง", "abstract": ""},
    }
    for step, data in steps.items():
        response = client.post(reverse("projects:edit", args=[project.pk, step]), {**data, "next": "1"})
        assert response.status_code == 302, (step, response.context and response.context["editor"].form)
    project.refresh_from_db()
    assert project.title == "ใหม่"
    assert project.start_date == dt.date(2025, 11, 1)
    objective = project.objectives.get()
    assert [(i.baseline, i.target) for i in objective.indicators.all()] == [
        (Decimal("30"), Decimal("25")),
        (Decimal("2"), Decimal("10")),
    ]
    assert project.target_groups.get().planned_count == 40


def test_a_step_with_bad_input_keeps_what_was_typed(story):
    project = proposal(story)
    response = login(story.proposer_a).post(
        reverse("projects:edit", args=[project.pk, 6]), {"start_date": "31/08/2569", "end_date": "01/11/2568"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "31/08/2569" in html
    assert "error-summary" in html


def test_the_editor_is_refused_to_outsiders_and_readers(story):
    project = proposal(story)
    url = reverse("projects:edit", args=[project.pk, 1])
    assert login(story.officer_a).get(url).status_code == 200
    assert login(story.officer_b).get(url).status_code == 404
    assert login(story.committee_a).get(url).status_code == 403


def test_an_activity_is_saved_with_its_budget_lines(story):
    project = proposal(story)
    data = {
        "title": "เดินรณรงค์",
        "planned_output": "ผู้ร่วม 100 คน",
        "start_date": "15/12/2568",
        **_formset(
            "lines",
            [
                {"expense_group": "materials", "description": "ป้าย", "quantity": "2", "unit_cost": "1,500"},
                {"expense_group": "services", "description": "", "quantity": "", "unit_cost": ""},
            ],
        ),
    }
    client = login(story.proposer_a)
    response = client.post(reverse("projects:activity_new", args=[project.pk]), data)
    assert response.status_code == 302
    project.refresh_from_db()
    activity = project.activities.get(title="เดินรณรงค์")
    assert activity.budget_lines.get().amount == Decimal("3000")
    assert project.requested_budget == Decimal("15000")
    response = client.post(reverse("projects:activity_edit", args=[project.pk, activity.pk]), {"delete": "1"})
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.requested_budget == Decimal("12000")
    assert login(story.officer_b).get(reverse("projects:activity_new", args=[project.pk])).status_code == 404
    assert (
        login(story.committee_a).get(reverse("projects:activity_new", args=[project.pk])).status_code == 403
    )


def test_the_quality_check_is_shown_beside_the_form(story):
    project = services.project_create(fund=story.fund_a, user=story.proposer_a, title="ว่าง", fiscal_year=YEAR)
    url = reverse("projects:quality", args=[project.pk])
    response = login(story.proposer_a).get(url, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert len(response.context["quality"].errors) > 0
    assert login(story.officer_b).get(url).status_code == 404


def test_the_review_page_shows_the_submit_button_when_ready(story):
    project = proposal(story)
    url = reverse("projects:review", args=[project.pk])
    response = login(story.proposer_a).get(url)
    assert reverse("projects:transition", args=[project.pk, "submit"]) in response.content.decode()
    assert login(story.officer_b).get(url).status_code == 404
    assert login(story.committee_a).get(url).status_code == 403


# --- transitions ----------------------------------------------------------------------------------


def test_the_proposer_submits_through_the_page(story):
    project = proposal(story)
    response = login(story.proposer_a).post(reverse("projects:transition", args=[project.pk, "submit"]))
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.status == Status.SUBMITTED


def test_the_officer_returns_and_the_committee_approves_through_the_pages(story):
    project = submitted(story)
    url = reverse("projects:transition", args=[project.pk, "return"])
    assert login(story.officer_a).post(url, {"comment": ""}).status_code == 200
    login(story.officer_a).post(url, {"comment": "เพิ่มรายละเอียด"})
    project.refresh_from_db()
    assert project.status == Status.REVISE
    login(story.proposer_a).post(reverse("projects:transition", args=[project.pk, "submit"]))
    url = reverse("projects:transition", args=[project.pk, "approve"])
    data = {
        "meeting_no": "2/2569",
        "meeting_date": "20/11/2568",
        "approved_budget": "99,999",
        "report_due_date": "15/09/2569",
    }
    response = login(story.committee_a).post(url, data)
    assert response.status_code == 200
    assert "99,999" in response.content.decode()  # kept what was typed
    response = login(story.committee_a).post(url, {**data, "approved_budget": "10,000"})
    assert response.status_code == 302
    project.refresh_from_db()
    assert (project.status, project.code, project.approved_budget) == (
        "running",
        "69-L9001-001",
        Decimal("10000"),
    )


def test_forbidden_transitions_are_refused_on_the_pages(story):
    project = submitted(story)

    def post(user, name):
        return login(user).post(reverse("projects:transition", args=[project.pk, name]), {"comment": "x"})

    assert post(story.committee_a, "submit").status_code == 403
    assert post(story.proposer_a, "approve").status_code == 403
    assert post(story.proposer_a, "return").status_code == 403
    assert post(story.officer_b, "approve").status_code == 404
    assert post(story.officer_a, "submit").status_code == 409


def test_an_unknown_transition_is_404(story):
    project = submitted(story)
    assert (
        login(story.officer_a).get(reverse("projects:transition", args=[project.pk, "explode"])).status_code
        == 404
    )


# --- comments, windows, pdf ---------------------------------------------------------------------------


def test_the_mentor_comments_and_the_proposer_answers_on_the_page(story):
    project = proposal(story)
    url = reverse("projects:comments", args=[project.pk])
    assert login(story.mentor).post(url, {"section": "4", "body": "ตัวชี้วัดวัดยาก"}).status_code == 302
    comment = project.comments.get()
    assert login(story.proposer_a).post(url, {"reply_to": comment.pk, "body": "ปรับแล้ว"}).status_code == 302
    response = login(story.proposer_a).get(url)
    assert "ปรับแล้ว" in response.content.decode()
    assert login(story.officer_b).get(url).status_code == 404
    assert login(story.committee_a).post(url, {"section": "4", "body": "x"}).status_code == 403


def test_the_officer_opens_and_closes_a_window(story):
    url = reverse("projects:windows", args=[story.fund_a.code])
    client = login(story.officer_a)
    response = client.post(url, {"fiscal_year": YEAR, "opens_on": "01/10/2568", "closes_on": "31/12/2599"})
    assert response.status_code == 302
    window = ProposalWindow.objects.get(fund=story.fund_a)
    client.post(reverse("projects:window_close", args=[story.fund_a.code, window.pk]))
    window.refresh_from_db()
    assert window.closes_on < timezone.localdate()
    assert login(story.officer_b).get(url).status_code == 404
    assert login(story.committee_a).get(url).status_code == 403


def test_the_proposal_prints_as_pdf(story):
    project = running(story)
    response = Client().get(reverse("projects:pdf", args=[project.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    draft = proposal(story)
    assert login(story.officer_b).get(reverse("projects:pdf", args=[draft.pk])).status_code == 404
    assert login(story.proposer_a).get(reverse("projects:pdf", args=[draft.pk])).status_code == 200


def test_the_fund_page_links_to_proposals_and_lists_approved_projects(story):
    project = running(story)
    url = story.fund_a.get_absolute_url()
    html = login(story.officer_a).get(url).content.decode()
    assert reverse("projects:fund", args=[story.fund_a.code]) in html
    public = Client().get(url).content.decode()
    assert project.get_absolute_url() in public
    assert reverse("projects:fund", args=[story.fund_a.code]) not in public


def test_proposers_get_a_my_proposals_link(story):
    mine = reverse("projects:mine")
    assert mine in login(story.proposer_a).get(reverse("projects:public")).content.decode()
    assert mine not in login(story.committee_a).get(reverse("projects:public")).content.decode()


def test_the_proposer_sees_a_mentors_comment_beside_its_section(story):
    project = proposal(story)
    services.comment_add(project=project, user=story.mentor, section="4", body="ตั้งเป้าให้วัดได้")
    client = login(story.proposer_a)
    assert "ตั้งเป้าให้วัดได้" in client.get(reverse("projects:edit", args=[project.pk, 4])).content.decode()
    assert "ตั้งเป้าให้วัดได้" not in client.get(reverse("projects:edit", args=[project.pk, 5])).content.decode()


def test_a_step_autosaves_on_change_and_answers_with_the_refreshed_check(story):
    project = services.project_create(fund=story.fund_a, user=story.proposer_a, title="ร่าง", fiscal_year=YEAR)
    url = reverse("projects:autosave", args=[project.pk, 6])
    client = login(story.proposer_a)
    before = len(client.get(reverse("projects:quality", args=[project.pk])).context["quality"].errors)
    response = client.post(
        url, {"start_date": "01/11/2568", "end_date": "31/08/2569"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    project.refresh_from_db()
    assert project.start_date == dt.date(2025, 11, 1)
    assert response.context["autosaved"] is True
    assert len(response.context["quality"].errors) == before - 1
    assert 'id="autosave-status"' in response.content.decode()


def test_autosave_keeps_the_draft_when_the_input_is_not_valid_yet(story):
    project = proposal(story)
    response = login(story.proposer_a).post(
        reverse("projects:autosave", args=[project.pk, 6]), {"start_date": "31/02/2569", "end_date": ""}
    )
    assert response.status_code == 200
    assert response.context["autosaved"] is False
    project.refresh_from_db()
    assert project.start_date == dt.date(2025, 11, 1)


def test_an_activity_autosaves_its_budget_lines(story):
    project = proposal(story)
    activity = project.activities.get()
    data = {
        "title": "อบรมผู้สูบ",
        "planned_output": "40 คน",
        **_formset(
            "lines",
            [{"expense_group": "services", "description": "อาหาร", "quantity": "40", "unit_cost": "50"}],
        ),
    }
    url = reverse("projects:activity_autosave", args=[project.pk, activity.pk])
    assert login(story.proposer_a).post(url, data).context["autosaved"] is True
    project.refresh_from_db()
    assert project.requested_budget == Decimal("2000")


def test_autosave_is_refused_to_outsiders_readers_and_a_submitted_proposal(story):
    project = submitted(story)
    url = reverse("projects:autosave", args=[project.pk, 8])
    assert login(story.officer_b).post(url, {"expected_results": "x"}).status_code == 404
    assert login(story.committee_a).post(url, {"expected_results": "x"}).status_code == 403
    assert login(story.proposer_a).get(url).status_code == 405
    response = login(story.proposer_a).post(url, {"expected_results": "x"})
    assert response.context["autosaved"] is False
    project.refresh_from_db()
    assert project.expected_results == "ผู้สูบลดลง"


def test_the_new_proposal_page_offers_the_plans_projects_to_a_proposer_who_cannot_see_plans(story):
    planned = make_planned(story, year=services.fiscal_year_of(timezone.localdate()))
    response = login(story.proposer_a).get(reverse("projects:start", args=[story.fund_a.code]))
    html = response.content.decode()
    assert reverse("projects:start_from_planned", args=[planned.pk]) in html
    assert response.context["form"]["fiscal_year"].initial == planned.plan.fiscal_year


def test_the_proposer_sees_why_the_proposal_was_returned_on_every_step_and_the_page(story):
    project = services.project_return(project=submitted(story), user=story.officer_a, comment="ระบุสถานที่ให้ชัด")
    client = login(story.proposer_a)
    for url in (
        reverse("projects:edit", args=[project.pk, 3]),
        reverse("projects:review", args=[project.pk]),
        project.get_absolute_url(),
    ):
        assert "ระบุสถานที่ให้ชัด" in client.get(url).content.decode(), url
    assert "revision-note" not in Client().get(running(story).get_absolute_url()).content.decode()


def test_the_printed_form_follows_the_funds_form_with_ticked_classifications_and_decision(story, monkeypatch):
    from django.template.loader import render_to_string

    from kongtun.projects import views

    monkeypatch.setattr(
        views, "render_pdf", lambda name, context, request: render_to_string(name, context).encode()
    )
    project = running(story)
    html = Client().get(reverse("projects:pdf", args=[project.pk])).content.decode()
    assert "แบบเสนอแผนงาน/โครงการ/กิจกรรม" in html
    assert "เรียน" in html
    assert "ส่วนที่ 2 ผลการพิจารณาแผนงาน/โครงการ/กิจกรรม" in html
    assert html.count('class="box on"') == 4  # organisation, support type, target group, approved
    assert "หนึ่งหมื่นบาทถ้วน" in html
    assert "15 กันยายน 2569" in html  # report due, Buddhist Era
    assert "นางสมศรี" not in html  # printed for the public: no names


def test_my_proposals_offers_a_new_proposal_to_the_proposers_fund(story):
    html = login(story.proposer_a).get(reverse("projects:mine")).content.decode()
    assert reverse("projects:start", args=[story.fund_a.code]) in html
    assert reverse("projects:start", args=[story.fund_a.code]) not in (
        login(story.committee_a).get(reverse("projects:mine")).content.decode()
    )
