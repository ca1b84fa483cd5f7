"""Writes for people, roles, tokens and notifications."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from kongtun.accounts.models import ApiToken, DigestDay, Membership, NoticeEmail, Notification, Role, User
from kongtun.core.events import after_commit

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
    *,
    user: User,
    display_name: str,
    email: str,
    phone: str,
    organisation: str,
    language: str,
    notice_email: str = NoticeEmail.EACH,
) -> User:
    user.display_name = display_name
    user.email = email
    user.phone = phone
    user.organisation = organisation
    user.language = language
    user.notice_email = notice_email
    user.full_clean(exclude=["password", "username"])
    user.save()
    return user


def notify(*, users: list[User], message: str, url: str = "") -> None:
    """An in-app notice to each user; by e-mail, once the change it tells of is committed, to those
    who want an e-mail for each notice (the others get the daily digest, or none)."""
    notices = Notification.objects.bulk_create(
        [Notification(user=u, message=message, url=url) for u in users]
    )
    mailed = [n.pk for n in notices if n.user.email and n.user.notice_email == NoticeEmail.EACH]
    if mailed:
        # A rolled-back write sends nothing.
        after_commit(partial(_mail_each, mailed))


def _link(url: str) -> str:
    return settings.KONGTUN_SITE_URL.rstrip("/") + url if url.startswith("/") else url


def _mail_each(pks: list[int]) -> None:
    for notice in Notification.objects.filter(pk__in=pks, emailed_at__isnull=True).select_related("user"):
        with translation.override(notice.user.language):
            body = f"{notice.message}\n{_link(notice.url)}" if notice.url else notice.message
            send_mail(notice.message[:150], body, None, [notice.user.email], fail_silently=True)
    Notification.objects.filter(pk__in=pks).update(emailed_at=timezone.now())


def notices_digest() -> int:
    """The daily digest: one e-mail to each user who chose it, listing the notices not mailed yet.
    Returns how many e-mails were sent."""
    pending = (
        Notification.objects.filter(emailed_at__isnull=True, user__notice_email=NoticeEmail.DAILY)
        .exclude(user__email="")
        .select_related("user")
        .order_by("user_id", "created_at")
    )
    by_user: dict[int, list[Notification]] = {}
    for notice in pending:
        by_user.setdefault(notice.user_id, []).append(notice)
    for notices in by_user.values():
        user = notices[0].user
        with translation.override(user.language):
            subject = _("Kongtun: %(count)s new notices") % {"count": len(notices)}
            lines = [f"- {n.message}" + (f"\n  {_link(n.url)}" if n.url else "") for n in notices]
            send_mail(subject, "\n".join(lines), None, [user.email], fail_silently=True)
        Notification.objects.filter(pk__in=[n.pk for n in notices]).update(emailed_at=timezone.now())
    return len(by_user)


def notices_digest_of_day(*, day: dt.date) -> int | None:
    """The digest of `day`, sent once: the first run claims the day (two workers at once cannot
    both claim it) and returns how many e-mails it sent; any later run of that day returns None."""
    try:
        with transaction.atomic():
            DigestDay.objects.create(day=day)
    except IntegrityError:
        return None
    sent = notices_digest()
    DigestDay.objects.filter(day=day).update(sent=sent)
    return sent


def notifications_mark_read(*, user: User) -> None:
    Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=timezone.now())
