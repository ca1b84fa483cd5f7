"""The one permission layer. Every view and API call asks `can(user, action, obj)` or goes through
`authorize`, and lists are narrowed with `fund_scope`.

Rules: a role is held at the whole country (admin), an area, or a fund; an area role reaches every
fund below it. Someone with no role over an object gets 404 (they must not learn it exists);
someone who may see it but not do the action gets 403.

Published objects (an approved project, a photo of its reports: `obj.is_public` is true) have a
public face everyone may READ (the proposal without names, the results). Everything else about
them stays internal: VIEW (comments, the quality check, history, follow-up, drafts) is never
granted by publication, only by a role at the fund or by being the proposer.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Protocol, runtime_checkable

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from kongtun.accounts.models import Membership, Role, User
from kongtun.areas.models import District, Province, Region

# Who may be asking: a signed-in user, or a visitor.
AnyUser = User | AnonymousUser


@runtime_checkable
class FundPlace(Protocol):
    """A fund as the permission layer sees it: which fund, in which district, province and region.
    (`funds.Fund` has these; the layer sits below the funds app and does not import it.)"""

    pk: Any
    district_id: Any
    province_id: Any
    region_id: Any


class Action(StrEnum):
    READ = "read"  # the public face of a published object; VIEW for anything unpublished
    VIEW = "view"  # the fund's internal workspace: drafts, comments, quality, history, members
    EDIT = "edit"  # the fund record, its plans and settings
    ENTER_DATA = "enter_data"  # health-situation values
    PROPOSE = "propose"  # write a proposal to the fund
    RECEIVE = "receive"  # accept or return submitted proposals, follow projects up
    DECIDE = "decide"  # record the committee's decision
    COMMENT = "comment"  # comment on proposals and reports, give advice
    REPORT = "report"  # report a running project's activities
    MANAGE_MEMBERS = "manage_members"
    ADMINISTER = "administer"  # programme configuration
    READ_BOOKS = "read_books"  # the fund's ledger, documents and monthly closes
    KEEP_BOOKS = "keep_books"  # book receipts, payments, refunds; close and reopen months
    SUBSCRIBE = "subscribe"  # webhooks: tell another system of the fund's (or area's) events


_FUND_OFFICER = {
    Action.VIEW,
    Action.EDIT,
    Action.ENTER_DATA,
    Action.PROPOSE,
    Action.RECEIVE,
    Action.DECIDE,
    Action.COMMENT,
    Action.REPORT,
    Action.MANAGE_MEMBERS,
    Action.READ_BOOKS,
    Action.KEEP_BOOKS,
    Action.SUBSCRIBE,
}
ROLE_ACTIONS: dict[str, set[Action]] = {
    Role.ADMIN: set(Action),
    Role.REGION_OFFICER: {Action.VIEW, Action.SUBSCRIBE},
    Role.PROVINCE_OFFICER: {Action.VIEW, Action.SUBSCRIBE},
    Role.DISTRICT_OFFICER: {Action.VIEW, Action.SUBSCRIBE},
    Role.MENTOR: {Action.VIEW, Action.COMMENT},
    Role.FUND_OFFICER: _FUND_OFFICER,
    Role.COMMITTEE: {Action.VIEW, Action.DECIDE, Action.READ_BOOKS},
    Role.DATA_COLLECTOR: {Action.VIEW, Action.ENTER_DATA},
    Role.PROPOSER: {Action.PROPOSE},
}
# What the proposer of a project may do to it, whatever their role at the fund.
OWNER_ACTIONS = {Action.VIEW, Action.EDIT, Action.REPORT}


def signed_in(user: AnyUser | None) -> User | None:
    """The user when signed in, else None: what a row's `entered_by`/`created_by` should hold."""
    return user if user is not None and user.is_authenticated else None


def memberships(user: AnyUser | None) -> list[Membership]:
    """The user's memberships, read once per request and kept on the user object."""
    if user is None or not user.is_authenticated:
        return []
    cached: list[Membership] | None = getattr(user, "_kongtun_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user).select_related("fund"))
        user._kongtun_memberships = cached  # type: ignore[attr-defined]
    return cached


def is_admin(user: AnyUser | None) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return bool(user.is_superuser) or any(m.role == Role.ADMIN for m in memberships(user))


def _covers_fund(m: Membership, fund: FundPlace) -> bool:
    if m.role == Role.ADMIN:
        return True
    if m.fund_id is not None:
        return m.fund_id == fund.pk
    if m.district_id is not None:
        return m.district_id == fund.district_id
    if m.province_id is not None:
        return m.province_id == fund.province_id
    if m.region_id is not None:
        return m.region_id == fund.region_id
    return False


def _covers_area(m: Membership, area: Region | Province | District) -> bool:
    """An area membership covers its own area and every area below it."""
    if m.role == Role.ADMIN:
        return True
    if m.fund_id is not None:
        return False
    chain = area.breadcrumb()
    return any(
        (m.region_id is not None and isinstance(a, Region) and a.pk == m.region_id)
        or (m.province_id is not None and isinstance(a, Province) and a.pk == m.province_id)
        or (m.district_id is not None and isinstance(a, District) and a.pk == m.district_id)
        for a in chain
    )


def fund_roles(user: AnyUser | None, fund: FundPlace) -> set[str]:
    return {m.role for m in memberships(user) if _covers_fund(m, fund)}


def fund_actions(user: AnyUser | None, fund: FundPlace) -> set[Action]:
    if is_admin(user):
        return set(Action)
    actions: set[Action] = set()
    for role in fund_roles(user, fund):
        actions |= ROLE_ACTIONS[role]
    return actions


def fund_of(obj: Any) -> FundPlace | None:
    """The fund an object belongs to: itself, `obj.fund`, or through `obj.project` / `obj.plan`."""
    if isinstance(obj, FundPlace) and not isinstance(obj, Membership):
        return obj
    for attr in ("fund", "project", "plan", "report"):
        parent = getattr(obj, attr, None)
        if parent is not None:
            return fund_of(parent)
    return None


def _owner_of(obj: Any) -> int | None:
    """The proposer's user id of the project an object belongs to, if any."""
    project = obj if hasattr(obj, "proposer_id") else getattr(obj, "project", None)
    if project is None and getattr(obj, "report", None) is not None:
        project = obj.report.project
    return getattr(project, "proposer_id", None)


def is_published(obj: Any) -> bool:
    """Whether `obj` has a public face (an approved project says so with `is_public`)."""
    return bool(getattr(obj, "is_public", False))


def can(user: AnyUser | None, action: Action, obj: Any) -> bool:
    if action == Action.READ:
        if is_published(obj):
            return True
        action = Action.VIEW
    if user is None or not user.is_authenticated:
        return False
    if action == Action.ADMINISTER or obj is None:
        return is_admin(user) if action == Action.ADMINISTER else False
    if isinstance(obj, Region | Province | District):
        if is_admin(user):
            return True
        return any(_covers_area(m, obj) and action in ROLE_ACTIONS[m.role] for m in memberships(user))
    fund = fund_of(obj)
    if fund is None:
        return is_admin(user)
    if _owner_of(obj) == user.pk and action in OWNER_ACTIONS:
        return True
    return action in fund_actions(user, fund)


def authorize(user: AnyUser | None, action: Action, obj: Any, *, public: bool = False) -> None:
    """Raise 404 for someone who may not see `obj` at all, 403 for one who may see but not act.

    `public=True` says everyone knows the object exists (an approved project), so a refused
    action on it, VIEW of its internal parts included, is a 403 rather than a 404.
    """
    if can(user, action, obj):
        return
    if public or can(user, Action.VIEW, obj):
        raise PermissionDenied
    raise Http404


def fund_scope(user: AnyUser | None, action: Action = Action.VIEW, *, prefix: str = "") -> Q:
    """A filter for any queryset (Fund by default; `prefix="fund__"` for rows that have a fund)
    that keeps the rows the user may do `action` on. Admins get everything."""
    if is_admin(user):
        return Q()
    q = Q(pk__in=[])
    for m in memberships(user):
        if action not in ROLE_ACTIONS[m.role]:
            continue
        if m.fund_id is not None:
            q |= Q(**{f"{prefix}pk" if not prefix else f"{prefix}id": m.fund_id})
        elif m.district_id is not None:
            q |= Q(**{f"{prefix}district_id": m.district_id})
        elif m.province_id is not None:
            q |= Q(**{f"{prefix}province_id": m.province_id})
        elif m.region_id is not None:
            q |= Q(**{f"{prefix}region_id": m.region_id})
    return q
