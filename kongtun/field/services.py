"""Writes of field entry: records sent by phones (sync), their photos, conflicts, invitations.

A phone sends each record with the id it made and the version of every row it was based on. The
server runs the same forms and services as the web pages; per record it answers *accepted*,
*refused* (with the Thai reason: the record stays on the phone) or *conflict*: a row changed on the
server since the phone read it is never overwritten; the record is held for the fund officer, who
sees both versions and chooses."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kongtun.accounts.models import Membership, Role, User
from kongtun.accounts.permissions import Action, AnyUser, signed_in
from kongtun.accounts.services import notify
from kongtun.core.events import changed
from kongtun.field.models import Invite, Kind, RecordStatus, Resolution, SyncPhoto, SyncRecord
from kongtun.field.selectors import version
from kongtun.followups.access import followup_for, report_for
from kongtun.followups.forms import ActivityReportForm
from kongtun.followups.services import photo_add, report_create
from kongtun.funds.access import fund_for
from kongtun.funds.models import Fund
from kongtun.situations.access import issue_for
from kongtun.situations.forms import SituationValueForm
from kongtun.situations.selectors import situation_sheet
from kongtun.situations.services import situation_sheet_save

MAX_RECORDS = 100
INVITE_DAYS = 14


@dataclass
class Answer:
    """The server's word on one record, as the phone reads it."""

    id: str
    status: str  # accepted | refused | conflict
    reason: str = ""
    errors: list[str] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)  # a conflict: both versions per item
    url: str = ""


@dataclass
class Outcome:
    fund: Fund
    status: str
    items: list[dict[str, Any]] = field(default_factory=list)
    object_id: int | None = None


def _form_errors(form: Any) -> list[str]:
    """Every message of a form, each after the label of its field (a whole Thai sentence each)."""
    messages = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        messages += [f"{label}: {e}" if label else str(e) for e in errors]
    return messages


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


# Situation survey ------------------------------------------------------------------------------


def _situation(user: AnyUser, record: dict[str, Any], *, force: bool) -> Outcome:
    """One issue's sheet of the survey, as the entry page posts it (`<code>-value`, `-source`,
    `-survey_date`, and `-version`: the version of the server's value the phone had read)."""
    fields = record.get("fields") or {}
    fund = fund_for(user, str(record.get("fund") or ""), Action.ENTER_DATA)
    try:
        year = int(record.get("year") or 0)
    except (TypeError, ValueError):
        year = 0
    issue = issue_for(year, str(record.get("issue") or ""))
    rows = [
        (row, SituationValueForm(fields, indicator=row.indicator, current=row.current))
        for row in situation_sheet(fund=fund, fiscal_year=year, issue=issue)
    ]
    errors = [message for _row, form in rows if not form.is_valid() for message in _form_errors(form)]
    if errors:
        raise ValidationError(errors)
    items = []
    for row, form in rows:
        new, current = form.cleaned_data["value"], row.current
        base = str(fields.get(f"{row.indicator.code}-version") or "")
        if force or new is None or current is None or version(current) == base or current.value == new:
            continue
        items.append(
            {
                "code": row.indicator.code,
                "name": f"{row.indicator.name} ({row.indicator.unit})",
                "device": {k: _text(v) for k, v in form.cleaned_data.items()},
                "server": {
                    "value": _text(current.value),
                    "source": current.source,
                    "survey_date": _text(current.survey_date),
                    "by": str(current.entered_by or ""),
                    "at": current.updated_at.isoformat(),
                },
            }
        )
    if items:
        return Outcome(fund=fund, status=RecordStatus.CONFLICT, items=items)
    entries = [{"indicator": form.indicator, **form.cleaned_data} for _row, form in rows]
    situation_sheet_save(fund=fund, fiscal_year=year, entries=entries, user=user)
    return Outcome(fund=fund, status=RecordStatus.ACCEPTED)


# Activity report -------------------------------------------------------------------------------


def _report(user: AnyUser, record: dict[str, Any], *, force: bool) -> Outcome:
    """A new activity report, as the web form posts it; its photos follow one by one."""
    try:
        project_id = int(record.get("project") or 0)
    except (TypeError, ValueError):
        raise Http404 from None
    project = followup_for(user, project_id, Action.REPORT)
    form = ActivityReportForm(record.get("fields") or {}, project=project)
    if not form.is_valid():
        raise ValidationError(_form_errors(form))
    report = report_create(
        project=project,
        by=signed_in(user),
        participants=form.participants(),
        spending=form.spending(),
        **form.report_fields(),
    )
    return Outcome(fund=project.fund, status=RecordStatus.ACCEPTED, object_id=report.pk)


HANDLERS: dict[str, Callable[..., Outcome]] = {Kind.SITUATION: _situation, Kind.REPORT: _report}


def _answer(row: SyncRecord) -> Answer:
    conflict = row.status == RecordStatus.CONFLICT
    answer = Answer(id=str(row.client_id), status="conflict" if conflict else "accepted")
    if conflict:
        names = ", ".join(item["name"] for item in row.server.get("items", []))
        answer.items = row.server.get("items", [])
        answer.reason = _(
            "Someone changed %(items)s on the server after this phone read it. Nothing was "
            "overwritten: the fund officer will see both versions and choose."
        ) % {"items": names}
    elif row.status == RecordStatus.RESOLVED:
        answer.reason = row.get_resolution_display()
    if row.kind == Kind.REPORT and row.object_id:
        answer.url = reverse("followups:report", args=[row.object_id])
    return answer


def _refused(record_id: str, reason: str, errors: list[str] | None = None) -> Answer:
    return Answer(id=record_id, status="refused", reason=reason, errors=errors or [])


def sync_record(*, user: AnyUser, record: dict[str, Any]) -> Answer:
    """Check and save one record from a phone, once: the same id sent again gets the first answer."""
    raw_id = str(record.get("id") or "")
    try:
        client_id = uuid.UUID(raw_id)
    except ValueError:
        return _refused(raw_id, _("The record has no valid id. Enter it again."))
    kept = SyncRecord.objects.filter(client_id=client_id).first()
    if kept is not None:
        return _answer(kept)
    handler = HANDLERS.get(str(record.get("kind") or ""))
    if handler is None:
        return _refused(raw_id, _("This phone sent a kind of record the server does not know."))
    try:
        with transaction.atomic():
            outcome = handler(user, record, force=False)
            row = SyncRecord.objects.create(
                client_id=client_id,
                kind=record["kind"],
                user=signed_in(user),
                fund=outcome.fund,
                payload=record,
                status=outcome.status,
                server={"items": outcome.items} if outcome.items else {},
                object_id=outcome.object_id,
            )
            if row.status == RecordStatus.CONFLICT:
                _tell_officers(row)
            changed(row)
    except IntegrityError:
        # The same record, sent twice at the same moment: the first one was saved.
        kept = SyncRecord.objects.filter(client_id=client_id).first()
        if kept is None:
            raise
        return _answer(kept)
    except ValidationError as exc:
        return _refused(
            raw_id, _("The server did not accept this record: correct it and send it again."), exc.messages
        )
    except (Http404, PermissionDenied):
        return _refused(raw_id, _("You may not enter this data, or it no longer exists."))
    return _answer(row)


def sync_records(*, user: AnyUser, records: list[dict[str, Any]]) -> list[Answer]:
    if len(records) > MAX_RECORDS:
        raise ValidationError(_("Send at most %(count)s records at once.") % {"count": MAX_RECORDS})
    return [sync_record(user=user, record=record) for record in records]


def _tell_officers(row: SyncRecord) -> None:
    officers = User.objects.filter(memberships__fund=row.fund, memberships__role=Role.FUND_OFFICER).distinct()
    notify(
        users=list(officers),
        message=_("Values sent from a phone for %(fund)s differ from the server's: choose which to keep.")
        % {"fund": row.fund.name},
        url=reverse("field:conflict", args=[row.pk]),
    )


@transaction.atomic
def conflict_resolve(*, record: SyncRecord, user: User, keep: str) -> SyncRecord:
    """The officer's choice on a held record: save the phone's values over the server's, or keep
    the server's. Saving the phone's runs every check again."""
    record = SyncRecord.objects.select_for_update().get(pk=record.pk)
    if record.status != RecordStatus.CONFLICT:
        raise ValidationError(_("This record was already resolved."))
    if keep not in Resolution.values:
        raise ValidationError(_("Choose which values to keep."))
    if keep == Resolution.DEVICE:
        outcome = HANDLERS[record.kind](user, record.payload, force=True)
        record.object_id = outcome.object_id
    record.status = RecordStatus.RESOLVED
    record.resolution = keep
    record.resolved_by = user
    record.resolved_at = timezone.now()
    record.save()
    if record.user is not None and record.user != user:
        notify(
            users=[record.user],
            message=_("The fund officer resolved the values you sent for %(fund)s: %(resolution)s.")
            % {"fund": record.fund.name, "resolution": record.get_resolution_display()},
        )
    changed(record)
    return record


# Photos ----------------------------------------------------------------------------------------


class NotYet(Exception):
    """A photo came before its record was saved: the phone sends it again later."""


def sync_photo_add(
    *, user: AnyUser, client_id: uuid.UUID, record_id: uuid.UUID, upload: Any, caption: str = ""
) -> tuple[SyncPhoto, bool]:
    """Store a photo of a report sent from a phone, once (returns it and whether it is new)."""
    kept = SyncPhoto.objects.filter(client_id=client_id).first()
    if kept is not None:
        return kept, False
    record = SyncRecord.objects.filter(client_id=record_id, kind=Kind.REPORT).first()
    if record is None or record.object_id is None:
        raise NotYet
    report = report_for(user, record.object_id, Action.REPORT)
    try:
        with transaction.atomic():
            photo = SyncPhoto.objects.create(client_id=client_id, record=record)
            photo.photo = photo_add(report=report, upload=upload, caption=caption)
            photo.save(update_fields=["photo"])
            changed(photo.photo)
    except IntegrityError:
        return SyncPhoto.objects.get(client_id=client_id), False
    return photo, True


# Invitations -----------------------------------------------------------------------------------


def invite_create(*, fund: Fund, user: User, days: int = INVITE_DAYS) -> Invite:
    invite = Invite.objects.create(
        fund=fund,
        token=secrets.token_urlsafe(24),
        created_by=user,
        expires_at=timezone.now() + dt.timedelta(days=days),
    )
    changed(invite)
    return invite


def invite_revoke(*, invite: Invite) -> Invite:
    invite.revoked = True
    invite.save(update_fields=["revoked"])
    changed(invite)
    return invite


@transaction.atomic
def invite_accept(
    *, invite: Invite, user: User | None = None, display_name: str = "", phone: str = "", password: str = ""
) -> User:
    """Join the fund as a data collector: a signed-in user is given the role; anyone else gets an
    account named by their phone number."""
    if user is None:
        username = "".join(ch for ch in phone if ch.isdigit())
        if len(username) < 9:
            raise ValidationError({"phone": _("Enter your mobile phone number, for example 0812345678.")})
        if User.objects.filter(username=username).exists():
            raise ValidationError(
                {"phone": _("This phone number already has an account: log in, then open the link again.")}
            )
        user = User(username=username, phone=phone.strip(), display_name=display_name.strip())
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise ValidationError({"password": exc.messages}) from None
        user.set_password(password)
        user.save()
    _membership, created = Membership.objects.get_or_create(
        user=user, role=Role.DATA_COLLECTOR, fund=invite.fund, defaults={"created_by": invite.created_by}
    )
    if created:
        Invite.objects.filter(pk=invite.pk).update(joined=invite.joined + 1)
    changed(invite)
    return user
