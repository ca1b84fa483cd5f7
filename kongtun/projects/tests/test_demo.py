from __future__ import annotations

import pytest

from kongtun.core.demo import demo_years
from kongtun.projects import demo
from kongtun.projects.models import Project, Status
from kongtun.projects.rules import project_quality
from kongtun.projects.tests.helpers import make_planned

pytestmark = pytest.mark.django_db


def test_the_demo_step_makes_every_status_once(story):
    planned = make_planned(story, year=demo_years()[-1])
    demo.load("small")
    from_plan = Project.objects.get(planned_project=planned)
    assert from_plan.plans.get() == planned.plan
    first = sorted(Project.objects.values_list("fund__code", "title", "status", "code", "requested_budget"))
    demo.load("small")
    assert (
        sorted(Project.objects.values_list("fund__code", "title", "status", "code", "requested_budget"))
        == first
    )
    statuses = set(Project.objects.filter(fund=story.fund_a).values_list("status", flat=True))
    assert statuses == {"running", "submitted", "revise", "developing", "rejected", "cancelled"}
    for project in Project.objects.filter(status=Status.RUNNING):
        assert project.code
        assert 3 <= project.activities.count() <= 6
        assert project.objectives.exists() and project.target_groups.exists()
        assert project.approved_budget is not None
        assert 0 < project.approved_budget <= project.requested_budget
    developing = Project.objects.get(fund=story.fund_a, status=Status.DEVELOPING)
    assert project_quality(developing).errors == []
    assert developing.proposer == story.proposer_a


def test_the_demo_step_does_nothing_for_the_national_size(story):
    demo.load("national")
    assert not Project.objects.exists()
