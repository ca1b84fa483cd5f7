"""Writes for the follow-up of running projects: periods, activity reports, photos, closing,
value assessment, satisfaction, and the data the final report needs."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from kongtun.accounts.models import Membership, Role
from kongtun.accounts.services import notify
from kongtun.core import limits
from kongtun.core.events import after_commit, changed
from kongtun.core.history import rows_replace
from kongtun.core.thai import format_baht
from kongtun.followups.checklists import ITEM_DIMENSION
from kongtun.followups.models import (
    ActivityReport,
    ClosingProblem,
    PaymentPeriod,
    ProjectClosing,
    ReportParticipant,
    ReportPhoto,
    ReportSpending,
    SatisfactionAnswer,
    SatisfactionQuestion,
    ValueAssessment,
)
from kongtun.followups.selectors import participants_by_group
from kongtun.projects.models import (
    Activity,
    ObjectiveIndicator,
    Project,
    ProjectTargetGroup,
    Status,
)
from kongtun.projects.services import project_finish

MAX_PHOTO_BYTES = 10 * 1024 * 1024
MAX_PHOTO_SIDE = 2560
THUMB_SIDE = 400
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF", "MPO"}


def _require_running(project: Project) -> None:
    if project.status != Status.RUNNING:
        raise ValidationError(_("This project is not running: it can no longer be changed."))


# Payment periods -------------------------------------------------------------------------------


@transaction.atomic
def periods_set(*, project: Project, periods: Sequence[dict[str, Any]]) -> list[PaymentPeriod]:
    """Replace the payment periods of a project; their amounts must add up to the approved budget."""
    _require_running(project)
    if not periods:
        raise ValidationError(_("Enter at least one payment period."))
    for period in periods:
        limits.check(
            amount=("money", period["amount"]),
            due_date=("date", period.get("due_date")),
            paid_on=("date", period.get("paid_on")),
        )
    approved = project.approved_budget or Decimal("0")
    total = sum((Decimal(p["amount"]) for p in periods), Decimal("0"))
    if any(Decimal(p["amount"]) <= 0 for p in periods):
        raise ValidationError(_("Each payment period must have an amount above zero."))
    if total != approved:
        raise ValidationError(
            _("The payment periods add up to %(total)s but the approved budget is %(approved)s.")
            % {"total": format_baht(total), "approved": format_baht(approved)}
        )
    rows = [
        {"number": number, "amount": p["amount"], "due_date": p.get("due_date"), "paid_on": p.get("paid_on")}
        for number, p in enumerate(periods, start=1)
    ]
    return rows_replace(
        list(PaymentPeriod.objects.filter(project=project).order_by("number")),
        rows,
        lambda values: PaymentPeriod.objects.create(project=project, **values),
    )


# Activity reports ------------------------------------------------------------------------------

REPORT_FIELDS = (
    "title",
    "date",
    "done",
    "results",
    "actual_output_count",
    "rating",
    "problems",
    "suggestions",
    "help_needed",
)


def _listed(rows: Iterable[dict[str, Any]] | None) -> list[dict[str, Any]] | None:
    return None if rows is None else list(rows)


def _check_activity(project: Project, activity: Activity | None) -> None:
    if activity is not None and activity.project_id != project.pk:
        raise ValidationError({"activity": _("This activity belongs to another project.")})


def _check_report(
    project: Project,
    date: dt.date,
    fields: dict[str, Any],
    participants: Iterable[dict[str, Any]] | None,
    spending: Iterable[dict[str, Any]] | None,
) -> None:
    """The ranges of core.limits, and the day inside the project's period."""
    limits.check(
        date=("date", date),
        actual_output_count=("count", fields.get("actual_output_count")),
        rating=("rating", fields.get("rating")),
    )
    try:
        limits.within(date, project.start_date, project.end_date)
    except ValidationError as exc:
        raise ValidationError({"date": exc}) from None
    for row in participants or ():
        limits.check(participants=("count", row.get("actual")))
    for row in spending or ():
        limits.check(spending=("money", row.get("amount")))


def _save_lines(
    report: ActivityReport,
    participants: Iterable[dict[str, Any]] | None,
    spending: Iterable[dict[str, Any]] | None,
) -> None:
    if participants is not None:
        report.participants.all().delete()
        for row in participants:
            group = row.get("project_target_group")
            ReportParticipant.objects.create(
                report=report,
                group=group,
                target_group=getattr(group, "target_group", None) or row.get("target_group"),
                name=row.get("name") or (group.name if group else ""),
                planned=row.get("planned", group.planned_count if group else 0) or 0,
                actual=row.get("actual") or 0,
            )
    if spending is not None:
        lines = []
        for row in spending:
            amount = Decimal(row.get("amount") or 0)
            if amount < 0:
                raise ValidationError(_("A spending amount cannot be negative."))
            if amount:
                lines.append(
                    {
                        "expense_group": row["expense_group"],
                        "description": row.get("description", ""),
                        "amount": amount,
                    }
                )
        rows_replace(
            list(report.spending.all()),
            lines,
            lambda values: ReportSpending.objects.create(report=report, **values),
        )


@transaction.atomic
def report_create(
    *,
    project: Project,
    by: Any,
    title: str = "",
    date: dt.date,
    activity: Activity | None = None,
    participants: Iterable[dict[str, Any]] | None = None,
    spending: Iterable[dict[str, Any]] | None = None,
    **fields: Any,
) -> ActivityReport:
    """Report what happened at a planned activity, or at one that was not in the plan."""
    _require_running(project)
    _check_activity(project, activity)
    title = title.strip() or (activity.title if activity else "")
    if not title:
        raise ValidationError({"title": _("Give the activity a title, or choose a planned activity.")})
    unknown = set(fields) - set(REPORT_FIELDS)
    if unknown:
        raise TypeError(f"unknown report fields: {sorted(unknown)}")
    participants, spending = _listed(participants), _listed(spending)
    _check_report(project, date, fields, participants, spending)
    report = ActivityReport.objects.create(
        project=project, activity=activity, title=title, date=date, reporter=by, **fields
    )
    _save_lines(report, participants, spending)
    if report.help_needed.strip():
        _ask_mentors(report)
    changed(report, created=True)  # a new report (webhooks tell of new ones only)
    return report


@transaction.atomic
def report_update(
    *,
    report: ActivityReport,
    activity: Activity | None = None,
    participants: Iterable[dict[str, Any]] | None = None,
    spending: Iterable[dict[str, Any]] | None = None,
    **fields: Any,
) -> ActivityReport:
    _require_running(report.project)
    _check_activity(report.project, activity)
    participants, spending = _listed(participants), _listed(spending)
    _check_report(report.project, fields.get("date", report.date), fields, participants, spending)
    asked_before = report.help_needed.strip()
    for name, value in fields.items():
        if name not in REPORT_FIELDS:
            raise TypeError(f"unknown report field: {name}")
        setattr(report, name, value)
    report.activity = activity
    if not report.title.strip():
        report.title = activity.title if activity else ""
    if not report.title:
        raise ValidationError({"title": _("Give the activity a title, or choose a planned activity.")})
    report.save()
    _save_lines(report, participants, spending)
    if report.help_needed.strip() and report.help_needed.strip() != asked_before:
        _ask_mentors(report)
    changed(report)
    return report


def _ask_mentors(report: ActivityReport) -> None:
    """Tell the mentors over the fund that the project asks for their help."""
    fund = report.project.fund
    memberships = Membership.objects.filter(role=Role.MENTOR).filter(
        Q(fund=fund)
        | Q(district_id=fund.district_id)
        | Q(province_id=fund.province_id)
        | Q(region_id=fund.region_id)
    )
    mentors = list({m.user for m in memberships.select_related("user")})
    if mentors:
        notify(
            users=mentors,
            message=_("“%(project)s” asks for a mentor's help: %(activity)s")
            % {"project": report.project.title, "activity": report.title},
            url=reverse("followups:report", args=[report.pk]),
        )


def report_advise(*, report: ActivityReport, advice: str) -> ActivityReport:
    """The mentor's advice on a report (พี่เลี้ยงให้คำแนะนำ); the reporter is told."""
    report.mentor_advice = advice.strip()
    report.save(update_fields=["mentor_advice", "updated_at"])
    if report.reporter is not None and report.mentor_advice:
        notify(
            users=[report.reporter],
            message=_("The mentor advised on your report “%(activity)s”.") % {"activity": report.title},
            url=reverse("followups:report", args=[report.pk]),
        )
    return report


@transaction.atomic
def report_delete(*, report: ActivityReport) -> None:
    _require_running(report.project)
    for photo in report.photos.all():
        photo_delete(photo=photo)
    changed(report, deleted=True)
    report.delete()


# Photos ----------------------------------------------------------------------------------------


def photo_check(upload: Any) -> Image.Image:
    """Open an uploaded photo or refuse it with a clear message: not an image, broken, too large.

    Returns the decoded image, turned upright by its EXIF orientation."""
    name = getattr(upload, "name", "") or _("the photo")
    if upload.size > MAX_PHOTO_BYTES:
        raise ValidationError(
            _("%(name)s is larger than 10 MB. Take a smaller photo or reduce its size, then try again.")
            % {"name": name}
        )
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            kind = probe.format
            probe.verify()
        upload.seek(0)
        image: Image.Image = Image.open(upload)
        image.load()
        image = ImageOps.exif_transpose(image)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise ValidationError(
            _("%(name)s is not a photo we can read (it is not an image or the file is damaged).")
            % {"name": name}
        ) from exc
    if kind not in ALLOWED_FORMATS:
        raise ValidationError(_("%(name)s is not a JPEG, PNG or WebP photo.") % {"name": name})
    return image


def _jpeg(image: Image.Image, side: int) -> ContentFile[bytes]:
    image = image.copy()
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    image.thumbnail((side, side))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True)  # no EXIF: the camera's GPS stays out
    return ContentFile(buffer.getvalue())


def photo_add(*, report: ActivityReport, upload: Any, caption: str = "") -> ReportPhoto:
    """Store one checked photo, upright, without its EXIF data, with a thumbnail."""
    image = photo_check(upload)
    stem = (getattr(upload, "name", "") or "photo").rsplit("/", 1)[-1].rsplit(".", 1)[0][:60] or "photo"
    photo = ReportPhoto(report=report, caption=caption[:300])
    photo.image.save(f"{stem}.jpg", _jpeg(image, MAX_PHOTO_SIDE), save=False)
    photo.thumbnail.save(f"{stem}-thumb.jpg", _jpeg(image, THUMB_SIDE), save=False)
    photo.save()
    return photo


def photos_add(*, report: ActivityReport, uploads: Iterable[Any]) -> tuple[list[ReportPhoto], list[str]]:
    """Store every good photo; the bad ones are refused one by one and their messages returned."""
    saved: list[ReportPhoto] = []
    errors: list[str] = []
    for upload in uploads:
        try:
            saved.append(photo_add(report=report, upload=upload))
        except ValidationError as exc:
            errors.extend(exc.messages)
    return saved, errors


def photo_delete(*, photo: ReportPhoto) -> None:
    """Delete the record now and its files once that is committed (a rollback keeps both)."""
    files = [(f.storage, str(f.name)) for f in (photo.image, photo.thumbnail) if f.name]
    photo.delete()
    for storage, name in files:
        after_commit(partial(storage.delete, name))


# Final-report data -----------------------------------------------------------------------------


@transaction.atomic
def results_save(
    *,
    project: Project,
    abstract: str | None = None,
    indicator_results: dict[int, dict[str, Any]] | None = None,
    target_group_actuals: dict[int, int | None] | None = None,
    target_group_planned: dict[int, int] | None = None,
) -> Project:
    """The closing numbers of the final report: abstract, indicator results, persons reached.

    The persons reached per group are what the activity reports add up to; a number entered here is
    kept only where it differs from that sum (the same people at several activities), so that a
    group left as the reports count it goes on following the reports written later."""
    if abstract is not None:
        project.abstract = abstract.strip()
        project.save(update_fields=["abstract", "updated_at"])
    for pk, values in (indicator_results or {}).items():
        indicator = ObjectiveIndicator.objects.get(pk=pk, objective__project=project)
        indicator.result = values.get("result")
        indicator.explanation = values.get("explanation", "") or ""
        indicator.save(update_fields=["result", "explanation"])
    reported = {c.group.pk: c.reported for c in participants_by_group(project) if c.group}
    for pk, count in (target_group_actuals or {}).items():
        corrected = None if count is None or count == reported.get(pk, 0) else count
        ProjectTargetGroup.objects.filter(pk=pk, project=project).update(actual_count=corrected)
    for pk, count in (target_group_planned or {}).items():
        ProjectTargetGroup.objects.filter(pk=pk, project=project, planned_count=0).update(planned_count=count)
    return project


@transaction.atomic
def final_report_photos_choose(*, project: Project, photo_ids: Iterable[int]) -> list[ReportPhoto]:
    """Print exactly these photos of the project's activity reports in its final report."""
    photos = ReportPhoto.objects.filter(report__project=project)
    chosen = set(photo_ids)
    unknown = chosen - set(photos.values_list("pk", flat=True))
    if unknown:
        raise ValidationError(_("These photos are not of this project's activity reports."))
    for photo in photos:
        if photo.in_final_report != (photo.pk in chosen):
            photo.in_final_report = photo.pk in chosen
            photo.save(update_fields=["in_final_report"])  # one by one, each in the trail
    return list(photos.filter(in_final_report=True))


def closing_problem_add(
    *, project: Project, problem: str, cause: str = "", suggestion: str = ""
) -> ClosingProblem:
    if not problem.strip():
        raise ValidationError({"problem": _("Describe the problem.")})
    return ClosingProblem.objects.create(
        project=project, problem=problem.strip(), cause=cause.strip(), suggestion=suggestion.strip()
    )


def closing_problem_delete(*, problem: ClosingProblem) -> None:
    problem.delete()


# Closing ---------------------------------------------------------------------------------------


@transaction.atomic
def project_close(
    *,
    project: Project,
    by: Any,
    status: str,
    closed_on: dt.date,
    returned_amount: Decimal = Decimal("0"),
    note: str = "",
) -> ProjectClosing:
    """Close a running project as completed, terminated or suspended, with the money returned. The
    change of status is the projects verb `project_finish` (the transition table decides who may)."""
    _require_running(project)
    if returned_amount < 0:
        raise ValidationError({"returned_amount": _("The amount cannot be negative.")})
    approved = project.approved_budget or Decimal("0")
    if returned_amount > approved:
        raise ValidationError(
            {
                "returned_amount": _("More money cannot be returned than was approved (%(approved)s).")
                % {"approved": format_baht(approved)}
            }
        )
    if project.start_date and closed_on < project.start_date:
        raise ValidationError({"closed_on": _("The closing date is before the project started.")})
    project = project_finish(project=project, user=by, status=status, note=note)
    return ProjectClosing.objects.create(
        project=project,
        status=status,
        closed_on=closed_on,
        returned_amount=returned_amount,
        note=note,
        closed_by=by,
    )


# Value assessment and satisfaction -------------------------------------------------------------


@transaction.atomic
def value_assessment_save(*, project: Project, items: dict[str, dict[str, Any]]) -> list[ValueAssessment]:
    """Save the checklist: for each item key, whether it was achieved and the evidence."""
    saved = []
    for key, values in items.items():
        if key not in ITEM_DIMENSION:
            raise ValidationError(_("Unknown assessment item: %(item)s.") % {"item": key})
        achieved = bool(values.get("achieved"))
        evidence = (values.get("evidence") or "").strip()
        if achieved and not evidence:
            raise ValidationError({key: _("Write the evidence for each item you tick.")})
        row, _created = ValueAssessment.objects.update_or_create(
            project=project,
            item=key,
            defaults={"dimension": ITEM_DIMENSION[key], "achieved": achieved, "evidence": evidence},
        )
        saved.append(row)
    return saved


@transaction.atomic
def satisfaction_save(*, project: Project, by: Any, scores: dict[int, int]) -> list[SatisfactionAnswer]:
    questions = {q.pk: q for q in SatisfactionQuestion.objects.filter(pk__in=scores, active=True)}
    saved = []
    for pk, score in scores.items():
        if pk not in questions:
            raise ValidationError(_("Unknown question."))
        if not 1 <= int(score) <= 5:
            raise ValidationError(_("Each score must be from 1 to 5."))
        row, _created = SatisfactionAnswer.objects.update_or_create(
            project=project, question=questions[pk], defaults={"score": int(score), "answered_by": by}
        )
        saved.append(row)
    return saved
