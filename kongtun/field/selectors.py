"""Reads of field entry: versions of what a phone reads, the pages it keeps, records held."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from kongtun.accounts.models import User
from kongtun.accounts.permissions import Action, AnyUser, fund_scope
from kongtun.field.models import Invite, RecordStatus, SyncRecord
from kongtun.funds.models import Fund
from kongtun.funds.selectors import user_funds
from kongtun.projects.models import Project, Status


def version(obj: Any) -> str:
    """The version of a row as a phone records it: when it was last written ("" for no row)."""
    return obj.updated_at.isoformat() if obj is not None else ""


def entry_funds(user: AnyUser) -> QuerySet[Fund]:
    """The funds whose situation survey the user may enter."""
    return user_funds(user, Action.ENTER_DATA).filter(is_active=True).order_by("code")


def reportable_projects(user: User) -> QuerySet[Project]:
    """Running projects the user may report activities of: their own, and their funds' projects."""
    return (
        Project.objects.filter(status=Status.RUNNING)
        .filter(Q(proposer=user) | fund_scope(user, Action.REPORT, prefix="fund__"))
        .select_related("fund")
        .order_by("fund__code", "title")[:50]
    )


def conflicts(user: AnyUser) -> QuerySet[SyncRecord]:
    """Records held for the user's decision: those of the funds they may edit."""
    return (
        SyncRecord.objects.filter(status=RecordStatus.CONFLICT)
        .filter(fund_scope(user, Action.EDIT, prefix="fund__"))
        .select_related("fund", "user")
    )


def fund_conflict_count(fund: Fund) -> int:
    return SyncRecord.objects.filter(fund=fund, status=RecordStatus.CONFLICT).count()


def active_invites(fund: Fund) -> QuerySet[Invite]:
    return Invite.objects.filter(fund=fund, revoked=False, expires_at__gt=timezone.now())
