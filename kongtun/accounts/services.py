"""Writes for people, roles, tokens and notifications."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kongtun.accounts.models import ApiToken, Membership, Notification, Role, User

# The roles a fund officer may give at their own fund (never admin: that role reaches everything).
FUND_ROLES = [Role.FUND_OFFICER, Role.COMMITTEE, Role.DATA_COLLECTOR, Role.PROPOSER, Role.MENTOR]


def _hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    """Create a token and return it with its key, which is shown once and never stored."""
    key = "kt_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name, prefix=key[3:11], key_hash=_hash(key))
    return token, key


def api_token_user(key: str) -> User | None:
    token = ApiToken.objects.select_related("user").filter(key_hash=_hash(key)).first()
    if token is None or not token.user.is_active:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


def api_token_delete(*, user: User, token_id: int) -> None:
    ApiToken.objects.filter(user=user, pk=token_id).delete()


def membership_delete(*, membership: Membership) -> None:
    """Remove a role. A fund keeps at least one fund officer, or no one could manage it."""
    if membership.fund_id is not None and membership.role == Role.FUND_OFFICER:
        officers = Membership.objects.filter(fund_id=membership.fund_id, role=Role.FUND_OFFICER)
        if not officers.exclude(pk=membership.pk).exists():
            raise ValidationError(
                _("A fund needs at least one fund officer: add another before removing this one.")
            )
    membership.delete()


def profile_update(
    *, user: User, display_name: str, email: str, phone: str, organisation: str, language: str
) -> User:
    user.display_name = display_name
    user.email = email
    user.phone = phone
    user.organisation = organisation
    user.language = language
    user.full_clean(exclude=["password", "username"])
    user.save()
    return user


def notify(*, users: list[User], message: str, url: str = "") -> None:
    """An in-app notice to each user, and an e-mail when SMTP is configured."""
    Notification.objects.bulk_create([Notification(user=u, message=message, url=url) for u in users])
    if settings.EMAIL_BACKEND.endswith("smtp.EmailBackend"):
        recipients = [u.email for u in users if u.email]
        if recipients:
            # Only once the change it tells of is saved: a rolled-back write sends nothing.
            transaction.on_commit(
                lambda: send_mail(message, f"{message}\n{url}", None, recipients, fail_silently=True)
            )


def notifications_mark_read(*, user: User) -> None:
    Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())
