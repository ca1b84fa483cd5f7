"""The one permission layer: who may do what, where; outsiders get 404, read-only users 403."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from kongtun.accounts.models import User
from kongtun.accounts.permissions import Action, authorize, can, fund_scope
from kongtun.conftest import make_user
from kongtun.funds.models import Fund
from kongtun.funds.selectors import user_funds
from kongtun.projects.models import Project


def _project(fund: Fund, proposer: User) -> Project:
    return Project.objects.create(fund=fund, fiscal_year=2568, title="โครงการ", proposer=proposer)


def _codes(user: User, action: Action = Action.VIEW) -> set[str]:
    return set(Fund.objects.filter(fund_scope(user, action)).values_list("code", flat=True))


def test_an_area_role_reaches_every_fund_below_it(story: SimpleNamespace) -> None:
    assert _codes(story.district_officer) == {"L9001", "L9002"}
    assert _codes(story.mentor) == {"L9001", "L9002"}
    assert _codes(story.province_officer) == {"L9001", "L9002"}
    assert _codes(story.region_officer) == {"L9001", "L9002", "L9301"}  # พัทลุง is in region 12 too


def test_a_fund_role_reaches_only_its_own_fund(story: SimpleNamespace) -> None:
    assert _codes(story.officer_a) == {"L9001"}
    assert _codes(story.committee_a) == {"L9001"}
    assert _codes(story.officer_b) == {"L9301"}


def test_admins_reach_everything_and_nobody_reaches_nothing(story: SimpleNamespace) -> None:
    assert _codes(story.admin) == {"L9001", "L9002", "L9301"}
    assert _codes(story.nobody) == set()


def test_fund_scope_by_action_keeps_only_funds_where_the_role_allows_it(story: SimpleNamespace) -> None:
    assert _codes(story.officer_a, Action.EDIT) == {"L9001"}
    assert _codes(story.mentor, Action.EDIT) == set()
    assert _codes(story.mentor, Action.COMMENT) == {"L9001", "L9002"}
    assert _codes(story.proposer_a, Action.VIEW) == set()
    assert _codes(story.proposer_a, Action.PROPOSE) == {"L9001"}


def test_fund_scope_with_a_prefix_filters_rows_that_belong_to_a_fund(story: SimpleNamespace) -> None:
    Project.objects.create(fund=story.fund_a, fiscal_year=2568, title="ก")
    Project.objects.create(fund=story.fund_b, fiscal_year=2568, title="ข")
    titles = Project.objects.filter(fund_scope(story.officer_b, prefix="fund__")).values_list(
        "title", flat=True
    )
    assert list(titles) == ["ข"]


def test_user_funds_lists_the_funds_a_user_works_with(story: SimpleNamespace) -> None:
    assert [f.code for f in user_funds(story.district_officer)] == ["L9001", "L9002"]


@pytest.mark.parametrize(
    ("who", "action", "allowed"),
    [
        ("officer_a", Action.EDIT, True),
        ("officer_a", Action.MANAGE_MEMBERS, True),
        ("officer_a", Action.ADMINISTER, False),
        ("committee_a", Action.VIEW, True),
        ("committee_a", Action.DECIDE, True),
        ("committee_a", Action.EDIT, False),
        ("collector_a", Action.ENTER_DATA, True),
        ("collector_a", Action.EDIT, False),
        ("mentor", Action.COMMENT, True),
        ("mentor", Action.EDIT, False),
        ("district_officer", Action.VIEW, True),
        ("district_officer", Action.COMMENT, False),
        ("proposer_a", Action.PROPOSE, True),
        ("proposer_a", Action.VIEW, False),
        ("officer_b", Action.VIEW, False),
        ("admin", Action.EDIT, True),
        ("nobody", Action.VIEW, False),
    ],
)
def test_can_on_fund_a(story: SimpleNamespace, who: str, action: Action, allowed: bool) -> None:
    assert can(getattr(story, who), action, story.fund_a) is allowed


def test_an_anonymous_visitor_can_do_nothing(story: SimpleNamespace) -> None:
    from django.contrib.auth.models import AnonymousUser

    assert not can(AnonymousUser(), Action.VIEW, story.fund_a)


def test_only_admins_administer(story: SimpleNamespace) -> None:
    assert can(story.admin, Action.ADMINISTER, None)
    assert not can(story.officer_a, Action.ADMINISTER, None)
    assert not can(story.officer_a, Action.VIEW, None)


def test_area_roles_see_their_area_and_below_only(story: SimpleNamespace) -> None:
    assert can(story.province_officer, Action.VIEW, story.district)
    assert can(story.province_officer, Action.VIEW, story.province)
    assert not can(story.province_officer, Action.VIEW, story.region)
    assert not can(story.district_officer, Action.VIEW, story.province)
    assert not can(story.officer_a, Action.VIEW, story.district)
    assert can(story.admin, Action.VIEW, story.region)


def test_the_proposer_owns_their_own_project_only(story: SimpleNamespace) -> None:
    own = Project.objects.create(
        fund=story.fund_a, fiscal_year=2568, title="ของฉัน", proposer=story.proposer_a
    )
    other_proposer = make_user("proposer_a2")
    other = Project.objects.create(
        fund=story.fund_a, fiscal_year=2568, title="ของคนอื่น", proposer=other_proposer
    )
    assert can(story.proposer_a, Action.EDIT, own)
    assert can(story.proposer_a, Action.REPORT, own)
    assert not can(story.proposer_a, Action.DECIDE, own)
    assert not can(story.proposer_a, Action.EDIT, other)
    assert not can(story.proposer_a, Action.VIEW, other)


def test_rows_of_a_project_lead_to_its_fund_and_owner(story: SimpleNamespace) -> None:
    project = Project.objects.create(
        fund=story.fund_a, fiscal_year=2568, title="ก", proposer=story.proposer_a
    )
    row = SimpleNamespace(project=project)
    assert can(story.proposer_a, Action.REPORT, row)
    assert can(story.mentor, Action.COMMENT, row)
    assert not can(story.officer_b, Action.VIEW, row)


def test_authorize_gives_404_to_an_outsider(story: SimpleNamespace) -> None:
    with pytest.raises(Http404):
        authorize(story.officer_b, Action.EDIT, story.fund_a)


def test_authorize_gives_403_to_a_read_only_role(story: SimpleNamespace) -> None:
    with pytest.raises(PermissionDenied):
        authorize(story.committee_a, Action.EDIT, story.fund_a)
    with pytest.raises(PermissionDenied):
        authorize(story.mentor, Action.EDIT, story.fund_a)


def test_authorize_on_a_public_object_gives_403_to_an_outsider(story: SimpleNamespace) -> None:
    with pytest.raises(PermissionDenied):
        authorize(story.officer_b, Action.EDIT, story.fund_a, public=True)


def test_authorize_lets_the_permitted_role_through(story: SimpleNamespace) -> None:
    authorize(story.officer_a, Action.EDIT, story.fund_a)
