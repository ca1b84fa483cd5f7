"""Access helpers of field entry (`<thing>_for(user, key, action)`, see `funds/access.py`)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from kongtun.accounts.permissions import Action, AnyUser, authorize
from kongtun.field.models import Invite, SyncRecord


def record_for(user: AnyUser, pk: int, action: Action) -> SyncRecord:
    """A record a phone sent: its fund's officer resolves it (404 outsider, 403 read-only)."""
    record = get_object_or_404(SyncRecord.objects.select_related("fund", "user"), pk=pk)
    authorize(user, action, record)
    return record


def invite_for(user: AnyUser, pk: int, action: Action) -> Invite:
    invite = get_object_or_404(Invite.objects.select_related("fund"), pk=pk)
    authorize(user, action, invite)
    return invite


def open_invite(token: str) -> Invite:
    """The invitation of a link anyone may open: 404 when unknown, withdrawn or expired."""
    invite = Invite.objects.select_related("fund").filter(token=token).first()
    if invite is None or invite.revoked or invite.expires_at <= timezone.now():
        raise Http404
    return invite
