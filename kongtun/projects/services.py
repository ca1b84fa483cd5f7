"""Writes for proposals and the running projects they become.

Every change of status has its verb (`project_submit`, `project_return`, `project_cancel`,
`project_approve`, `project_reject`, `project_finish`, `project_reopen`), each with its own rule, and
all go through `_change`, which reads the one transition table `TRANSITIONS` (who may do what from
which status), writes the status and records a `Transition` row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from kongtun.accounts.models import Membership, Role, User
from kongtun.accounts.permissions import Action, AnyUser, can
from kongtun.accounts.services import notify
from kongtun.core import limits
from kongtun.core.events import changed
from kongtun.core.history import rows_replace
from kongtun.core.thai import fiscal_year_of, to_money
from kongtun.funds.models import Fund
from kongtun.plans.models import Plan, PlannedProject
from kongtun.programme.models import Direction, Indicator, OrgType, SupportType, TargetGroup
from kongtun.projects.models import (
    Activity,
    BudgetLine,
    Comment,
    ExpenseGroup,
    Objective,
    ObjectiveIndicator,
    ProblemSize,
    Project,
    ProjectTargetGroup,
    ProposalWindow,
    Status,
    Transition,
)
from kongtun.projects.rules import project_quality
from kongtun.situations.models import SituationValue

EDITABLE_STATUSES = (Status.DEVELOPING, Status.REVISE)


class TransitionError(ValidationError):
    """A change of status that the project's current status does not allow (API: 409)."""


@dataclass(frozen=True)
class TransitionRule:
    sources: tuple[str, ...]
    target: str
    action: Action


# The one table of who may do what from which status.
TRANSITIONS: dict[str, TransitionRule] = {
    "submit": TransitionRule((Status.DEVELOPING, Status.REVISE), Status.SUBMITTED, Action.EDIT),
    "return": TransitionRule((Status.SUBMITTED,), Status.REVISE, Action.RECEIVE),
    "cancel": TransitionRule(
        (Status.DEVELOPING, Status.SUBMITTED, Status.REVISE), Status.CANCELLED, Action.RECEIVE
    ),
    "approve": TransitionRule((Status.SUBMITTED,), Status.RUNNING, Action.DECIDE),
    "reject": TransitionRule((Status.SUBMITTED,), Status.REJECTED, Action.DECIDE),
    # Closing a running project, and taking a closing back.
    "complete": TransitionRule((Status.RUNNING,), Status.COMPLETED, Action.RECEIVE),
    "terminate": TransitionRule((Status.RUNNING,), Status.TERMINATED, Action.RECEIVE),
    "suspend": TransitionRule((Status.RUNNING,), Status.SUSPENDED, Action.RECEIVE),
    "reopen": TransitionRule(
        (Status.COMPLETED, Status.TERMINATED, Status.SUSPENDED), Status.RUNNING, Action.RECEIVE
    ),
}
# The change that closes a running project with each closing status.
FINISHES: dict[str, str] = {
    Status.COMPLETED: "complete",
    Status.TERMINATED: "terminate",
    Status.SUSPENDED: "suspend",
}


def transition_allowed(project: Project, name: str) -> bool:
    rule = TRANSITIONS.get(name)
    return rule is not None and project.status in rule.sources


def transitions_for(user: AnyUser, project: Project) -> list[str]:
    """The transitions `user` may make now, for buttons on the page."""
    return [
        name
        for name, rule in TRANSITIONS.items()
        if project.status in rule.sources and can(user, rule.action, project)
    ]


def _ensure_editable(project: Project) -> None:
    if project.status not in EDITABLE_STATUSES:
        raise TransitionError(
            _("This proposal is %(status)s and can no longer be edited.")
            % {"status": project.get_status_display()}
        )


def _fund_officers(fund: Fund) -> list[User]:
    ids = Membership.objects.filter(fund=fund, role=Role.FUND_OFFICER).values_list("user_id", flat=True)
    return list(User.objects.filter(pk__in=ids, is_active=True))


# --- creating ---------------------------------------------------------------------------------


@transaction.atomic
def project_create(
    *,
    fund: Fund,
    user: User,
    title: str,
    fiscal_year: int | None = None,
    organisation: str = "",
    responsible_people: str = "",
    location: str = "",
    plans: Iterable[Plan] = (),
    **fields: Any,
) -> Project:
    """A new proposal in `developing`, written by `user` for `fund`."""
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": _("Enter the project title.")})
    project = Project(
        fund=fund,
        proposer=user,
        title=title,
        fiscal_year=fiscal_year or fiscal_year_of(timezone.localdate()),
        organisation=organisation or getattr(user, "organisation", ""),
        responsible_people=responsible_people,
        location=location,
        **fields,
    )
    project.full_clean(exclude=["code"])
    project.save()
    plan_list = list(plans)
    if plan_list:
        _check_plans(project, plan_list)
        project.plans.set(plan_list)
    changed(project)
    return project


def _baseline(fund: Fund, fiscal_year: int, indicator: Indicator) -> Decimal | None:
    """The fund's situation value for the indicator: that year's, or the latest before it."""
    value = (
        SituationValue.objects.filter(fund=fund, indicator=indicator, fiscal_year__lte=fiscal_year)
        .order_by("-fiscal_year")
        .values_list("value", flat=True)
        .first()
    )
    return value


@transaction.atomic
def project_create_from_planned(*, planned_project: PlannedProject, user: User) -> Project:
    """A proposal from a plan's "project to do": title, plan, classifications and budget, and the
    plan's problems (with their size) and targets carried over as problems and objectives."""
    plan = planned_project.plan
    project = project_create(
        fund=plan.fund,
        user=user,
        title=planned_project.title,
        fiscal_year=plan.fiscal_year,
        plans=[plan],
        planned_project=planned_project,
        support_type=planned_project.support_type,
        org_type=planned_project.org_type,
        requested_budget=planned_project.budget,
        rationale=plan.situation,
    )
    for order, target in enumerate(plan.targets.select_related("indicator"), start=1):
        indicator = target.indicator
        baseline = target.baseline
        if baseline is None:
            baseline = _baseline(plan.fund, plan.fiscal_year, indicator)
        ProblemSize.objects.create(
            project=project,
            indicator=indicator,
            problem=target.problem or indicator.name,
            size=baseline,
            order=order,
        )
        if indicator.direction == Direction.LOWER:
            text = _("To reduce: %(indicator)s") % {"indicator": indicator.name}
        else:
            text = _("To increase: %(indicator)s") % {"indicator": indicator.name}
        objective = Objective.objects.create(project=project, text=text, order=order)
        ObjectiveIndicator.objects.create(
            objective=objective,
            indicator=indicator,
            name=indicator.name,
            unit=indicator.unit,
            baseline=baseline,
            target=target.target,
        )
    return project


# --- sections -----------------------------------------------------------------------------------


def project_update_general(
    *, project: Project, title: str, organisation: str = "", responsible_people: str = "", location: str = ""
) -> Project:
    """Section 1: title, organisation, responsible people, location."""
    _ensure_editable(project)
    project.title = (title or "").strip()
    project.organisation = organisation
    project.responsible_people = responsible_people
    project.location = location
    project.full_clean(exclude=["code"])
    project.save()
    changed(project)
    return project


def _check_plans(project: Project, plans: Sequence[Plan]) -> None:
    if any(p.fund_id != project.fund_id for p in plans):
        raise ValidationError({"plans": _("A proposal can only belong to plans of its own fund.")})


@transaction.atomic
def project_update_plans(
    *,
    project: Project,
    plans: Iterable[Plan],
    support_type: SupportType | None,
    org_type: OrgType | None,
    main_target_group: TargetGroup | None,
) -> Project:
    """Section 2 and the NHSO classifications: the plans (one or more), support type 10(1)–10(5),
    responsible organisation type and main target group."""
    _ensure_editable(project)
    plan_list = list(plans)
    _check_plans(project, plan_list)
    project.support_type = support_type
    project.org_type = org_type
    project.main_target_group = main_target_group
    project.save()
    project.plans.set(plan_list)
    changed(project)
    return project


@transaction.atomic
def project_update_situation(
    *, project: Project, rationale: str, problems: Sequence[dict[str, Any]]
) -> Project:
    """Section 3: the standard problems with their size, and the rationale in free text.
    `problems` replaces the list: dicts with `problem`, `size`, optional `indicator`."""
    _ensure_editable(project)
    project.rationale = rationale
    project.save()
    project.problems.all().delete()
    for order, row in enumerate(problems, start=1):
        text = (row.get("problem") or "").strip()
        if not text:
            continue
        ProblemSize.objects.create(
            project=project, problem=text, size=row.get("size"), indicator=row.get("indicator"), order=order
        )
    changed(project)
    return project


@transaction.atomic
def project_update_objectives(*, project: Project, objectives: Sequence[dict[str, Any]]) -> Project:
    """Section 4, replacing the list. Each dict: `text` and `indicators` (dicts with `indicator`,
    `name`, `unit`, `baseline`, `target`). An indicator from the programme list with no baseline
    given takes the fund's situation value as its baseline."""
    _ensure_editable(project)
    project.objectives.all().delete()
    for order, row in enumerate(objectives, start=1):
        text = (row.get("text") or "").strip()
        if not text:
            continue
        objective = Objective.objects.create(project=project, text=text, order=order)
        for ind in row.get("indicators", []):
            indicator: Indicator | None = ind.get("indicator")
            name = (ind.get("name") or "").strip() or (indicator.name if indicator else "")
            if not name:
                continue
            baseline = ind.get("baseline")
            if baseline is None and indicator is not None:
                baseline = _baseline(project.fund, project.fiscal_year, indicator)
            ObjectiveIndicator.objects.create(
                objective=objective,
                indicator=indicator,
                name=name,
                unit=ind.get("unit") or (indicator.unit if indicator else ""),
                baseline=baseline,
                target=ind.get("target"),
            )
    return project


@transaction.atomic
def project_update_target_groups(*, project: Project, groups: Sequence[dict[str, Any]]) -> Project:
    """Section 5, replacing the list: dicts with `target_group` (optional), `name`, `planned_count`."""
    _ensure_editable(project)
    project.target_groups.all().delete()
    for row in groups:
        group: TargetGroup | None = row.get("target_group")
        name = (row.get("name") or "").strip() or (group.name if group else "")
        if not name:
            continue
        ProjectTargetGroup.objects.create(
            project=project, target_group=group, name=name, planned_count=row.get("planned_count") or 0
        )
    return project


def project_update_period(
    *, project: Project, start_date: dt.date | None, end_date: dt.date | None
) -> Project:
    """Section 6: the period of the project."""
    _ensure_editable(project)
    limits.check(start_date=("date", start_date), end_date=("date", end_date))
    if start_date and end_date and end_date < start_date:
        raise ValidationError({"end_date": _("The project cannot end before it starts.")})
    project.start_date = start_date
    project.end_date = end_date
    project.save()
    return project


def project_update_results(*, project: Project, expected_results: str, abstract: str = "") -> Project:
    """Section 8: expected results (and the abstract)."""
    _ensure_editable(project)
    project.expected_results = expected_results
    project.abstract = abstract
    project.save()
    changed(project)
    return project


def project_recalculate_budget(*, project: Project) -> Decimal:
    """Keep `requested_budget` equal to the sum of the budget lines."""
    total = BudgetLine.objects.filter(activity__project=project).aggregate(s=Sum("amount"))["s"] or Decimal(0)
    Project.objects.filter(pk=project.pk).update(requested_budget=total)
    project.requested_budget = total
    changed(project)
    return total


def _line_amount(row: dict[str, Any]) -> tuple[Decimal, Decimal, Decimal]:
    raw_quantity = row.get("quantity")
    quantity = to_money(1 if raw_quantity is None else raw_quantity)
    unit_cost = to_money(row.get("unit_cost") or 0)
    amount = row.get("amount")
    if unit_cost:
        amount = quantity * unit_cost
    return quantity, unit_cost, to_money(amount or 0)


@transaction.atomic
def activity_save(
    *,
    project: Project,
    title: str,
    activity: Activity | None = None,
    details: str = "",
    planned_output: str = "",
    planned_output_count: int | None = None,
    start_date: dt.date | None = None,
    end_date: dt.date | None = None,
    budget_lines: Sequence[dict[str, Any]] = (),
    recalculate: bool = True,
) -> Activity:
    """Section 7: one activity with its itemised budget (the lines replace the old ones). A line's
    amount is quantity × unit cost when a unit cost is given."""
    _ensure_editable(project)
    if activity is not None and activity.project_id != project.pk:
        raise ValidationError(_("This activity belongs to another project."))
    limits.check(
        planned_output_count=("count", planned_output_count),
        start_date=("date", start_date),
        end_date=("date", end_date),
    )
    if start_date and end_date and end_date < start_date:
        raise ValidationError({"end_date": _("An activity cannot end before it starts.")})
    if activity is None:
        order = (project.activities.order_by("-order").values_list("order", flat=True).first() or 0) + 1
        activity = Activity(project=project, order=order)
    activity.title = (title or "").strip()
    activity.details = details
    activity.planned_output = planned_output
    activity.planned_output_count = planned_output_count
    activity.start_date = start_date
    activity.end_date = end_date
    activity.full_clean()
    activity.save()
    lines = []
    for row in budget_lines:
        description = (row.get("description") or "").strip()
        if not description:
            continue
        group = row.get("expense_group") or ExpenseGroup.OTHER
        if group not in ExpenseGroup.values:
            raise ValidationError({"expense_group": _("Choose one of the six expense groups.")})
        quantity, unit_cost, amount = _line_amount(row)
        limits.check(quantity=("number", quantity), unit_cost=("money", unit_cost), amount=("money", amount))
        if quantity < 0 or unit_cost < 0 or amount < 0:
            raise ValidationError(_("Budget amounts cannot be negative."))
        lines.append(
            {
                "expense_group": group,
                "description": description,
                "quantity": quantity,
                "unit_cost": unit_cost,
                "amount": amount,
            }
        )
    rows_replace(
        list(activity.budget_lines.all()),
        lines,
        lambda values: BudgetLine.objects.create(activity=activity, **values),
    )
    if recalculate:
        project_recalculate_budget(project=project)
    return activity


@transaction.atomic
def activity_delete(*, activity: Activity) -> None:
    project = activity.project
    _ensure_editable(project)
    activity.delete()
    project_recalculate_budget(project=project)


@transaction.atomic
def project_update_activities(*, project: Project, activities: Sequence[dict[str, Any]]) -> Project:
    """Section 7 as a whole (API): the list replaces the old activities."""
    _ensure_editable(project)
    project.activities.all().delete()
    for row in activities:
        activity_save(project=project, recalculate=False, **row)
    project_recalculate_budget(project=project)
    return project


# --- the way to approval and back -----------------------------------------------------------------


def _check_window(project: Project, today: dt.date) -> None:
    windows = ProposalWindow.objects.filter(fund=project.fund, fiscal_year=project.fiscal_year)
    if windows.exists() and not windows.filter(opens_on__lte=today, closes_on__gte=today).exists():
        raise TransitionError(_("The fund is not accepting proposals now: no proposal window is open."))


def _next_code(project: Project) -> str:
    prefix = f"{project.fiscal_year % 100:02d}-{project.fund.code}-"
    codes = Project.objects.filter(code__startswith=prefix).values_list("code", flat=True)
    numbers = [int(c[len(prefix) :]) for c in codes if c and c[len(prefix) :].isdigit()]
    return f"{prefix}{max(numbers, default=0) + 1:03d}"


Rule = Callable[[Project], None]


@transaction.atomic
def _change(
    *,
    project: Project,
    user: User,
    name: str,
    comment: str = "",
    rule: Rule | None = None,
    notice: str = "",
    tell: Sequence[User] | None = None,
) -> Project:
    """Make change `name` of the table: the one place a project's status is written.

    Refuses a user the table does not allow (PermissionDenied), locks the row and refuses a status the
    change does not start from (TransitionError), then runs the verb's own `rule` on the locked row:
    it raises ValidationError on bad input and sets the fields the change records. Then the status is
    set, the change recorded as a `Transition`, `tell` (by default the proposer) told `notice`, and
    the write announced. Permission and status come first so that those refusals (403, 409) do not
    depend on what was typed."""
    step = TRANSITIONS[name]
    if not can(user, step.action, project):
        raise PermissionDenied
    # Lock the project's row only: the proposer is an outer join, which PostgreSQL cannot lock.
    rows = Project.objects.select_for_update(of=("self",)).select_related("fund", "proposer")
    project = rows.get(pk=project.pk)
    if project.status not in step.sources:
        raise TransitionError(
            _("A proposal that is “%(status)s” cannot be %(change)s.")
            % {"status": project.get_status_display(), "change": transition_label(name)}
        )
    if rule is not None:
        rule(project)
    source, project.status = project.status, step.target
    project.save()
    transition = Transition.objects.create(
        project=project, from_status=source, to_status=step.target, by=user, comment=comment
    )
    if notice:
        users = list(tell) if tell is not None else [u for u in [project.proposer] if u is not None]
        message = notice % {"title": project.title, "code": project.code}
        notify(users=users, message=message[:300], url=project.get_absolute_url())
    changed(transition)  # a change of status, for those who listen for one (webhooks)
    changed(project)
    return project


def _required(field: str, text: str, message: str) -> Rule:
    """The rule of a change that needs a reason: `text` must not be blank."""

    def rule(project: Project) -> None:
        if not text:
            raise ValidationError({field: message})

    return rule


def project_submit(
    *, project: Project, user: User, comment: str = "", today: dt.date | None = None
) -> Project:
    """Send a proposal to the fund. Only while a proposal window is open (if the fund has any for the
    year) and only when the quality check finds no hard error; the fund's officers are told."""

    def rule(locked: Project) -> None:
        _check_window(locked, today or timezone.localdate())
        quality = project_quality(locked)
        if quality.errors:
            raise ValidationError(
                [_("The proposal is not ready to submit. Fix the problems the check lists first.")]
                + [f.message for f in quality.errors]
            )
        locked.submitted_at = timezone.now()

    return _change(
        project=project,
        user=user,
        name="submit",
        comment=(comment or "").strip(),
        rule=rule,
        notice=_("A proposal was submitted to the fund: %(title)s"),
        tell=_fund_officers(project.fund),
    )


def project_return(*, project: Project, user: User, comment: str) -> Project:
    """Send a submitted proposal back to its proposer, saying what to revise."""
    comment = (comment or "").strip()
    return _change(
        project=project,
        user=user,
        name="return",
        comment=comment,
        rule=_required("comment", comment, _("Say what the proposer should revise.")),
        notice=_("Your proposal was returned for revision: %(title)s"),
    )


def project_cancel(*, project: Project, user: User, comment: str) -> Project:
    """Close a proposal before the committee decides on it (withdrawn, a duplicate, …), with the reason."""
    comment = (comment or "").strip()
    return _change(
        project=project,
        user=user,
        name="cancel",
        comment=comment,
        rule=_required("comment", comment, _("Give the reason the proposal is cancelled.")),
        notice=_("Your proposal was cancelled: %(title)s"),
    )


def _approval_errors(
    project: Project,
    meeting_no: str,
    meeting_date: dt.date | None,
    approved_budget: Decimal | None,
    report_due_date: dt.date | None,
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not meeting_no:
        errors["meeting_no"] = _("Enter the committee meeting number.")
    if meeting_date is None:
        errors["meeting_date"] = _("Enter the meeting date.")
    if approved_budget is None or approved_budget <= 0:
        errors["approved_budget"] = _("Enter the approved amount; it must be more than 0 baht.")
    elif approved_budget > project.requested_budget:
        errors["approved_budget"] = _(
            "The approved amount cannot be more than the %(amount)s baht requested."
        ) % {"amount": f"{project.requested_budget:,.2f}"}
    if report_due_date is None:
        errors["report_due_date"] = _("Enter the date the report is due.")
    elif meeting_date and report_due_date < meeting_date:
        errors["report_due_date"] = _("The report cannot be due before the meeting.")
    return errors


def project_approve(
    *,
    project: Project,
    user: User,
    meeting_no: str,
    meeting_date: dt.date | None,
    approved_budget: Decimal | None,
    report_due_date: dt.date | None,
    agreement_no: str = "",
    comment: str = "",
) -> Project:
    """Record the committee's approval: the meeting, an amount up to the one requested, the date the
    report is due. The proposal becomes a running project with its project code."""
    comment = (comment or "").strip()

    def rule(locked: Project) -> None:
        errors = _approval_errors(locked, meeting_no, meeting_date, approved_budget, report_due_date)
        if errors:
            raise ValidationError(errors)
        locked.meeting_no = meeting_no
        locked.meeting_date = meeting_date
        locked.approved_budget = approved_budget
        locked.report_due_date = report_due_date
        locked.agreement_no = agreement_no
        locked.decision_note = comment
        locked.decided_at = timezone.now()
        locked.code = _next_code(locked)

    return _change(
        project=project,
        user=user,
        name="approve",
        comment=comment,
        rule=rule,
        notice=_("Your proposal was approved (code %(code)s): %(title)s"),
    )


def project_reject(
    *, project: Project, user: User, comment: str, meeting_no: str = "", meeting_date: dt.date | None = None
) -> Project:
    """Record that the committee did not approve the proposal, with the reason the proposer is told."""
    comment = (comment or "").strip()
    required = _required("comment", comment, _("Give the reason the proposal was not approved."))

    def rule(locked: Project) -> None:
        required(locked)
        locked.meeting_no = meeting_no
        locked.meeting_date = meeting_date
        locked.decision_note = comment
        locked.decided_at = timezone.now()

    return _change(
        project=project,
        user=user,
        name="reject",
        comment=comment,
        rule=rule,
        notice=_("Your proposal was not approved: %(title)s"),
    )


def project_finish(*, project: Project, user: User, status: str, note: str = "") -> Project:
    """Close a running project as completed, terminated (the note says why) or suspended. The closing
    record with its money is kept by `followups.services.project_close`, which calls this."""
    name = FINISHES.get(status)
    if name is None:
        raise ValidationError({"status": _("Choose how the project ended.")})
    note = (note or "").strip()
    rule = _required("note", note, _("Say why the project was terminated.")) if name == "terminate" else None
    return _change(project=project, user=user, name=name, comment=note, rule=rule)


def project_reopen(*, project: Project, user: User, reason: str) -> Project:
    """Take a closed project back to running (its closing was wrong or is undone); the reason is kept
    with the change and the proposer is told."""
    reason = (reason or "").strip()
    return _change(
        project=project,
        user=user,
        name="reopen",
        comment=reason,
        rule=_required("reason", reason, _("Give the reason the project is reopened.")),
        notice=_("Your project was reopened: %(title)s"),
    )


def transition_label(name: str) -> str:
    labels = {
        "submit": _("submitted"),
        "return": _("returned for revision"),
        "cancel": _("cancelled"),
        "approve": _("approved"),
        "reject": _("rejected"),
        "complete": _("closed as completed"),
        "terminate": _("terminated"),
        "suspend": _("suspended"),
        "reopen": _("reopened"),
    }
    return labels.get(name, name)


# --- comments and windows -----------------------------------------------------------------------


def comment_add(
    *, project: Project, user: User, section: str, body: str, reply_to: Comment | None = None
) -> Comment:
    """A mentor's or reviewer's comment on a section, or the proposer's answer to one."""
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Write the comment.")})
    if reply_to is not None and reply_to.project_id != project.pk:
        raise ValidationError(_("That comment belongs to another project."))
    is_owner = project.proposer_id == user.pk
    if not (can(user, Action.COMMENT, project) or (is_owner and reply_to is not None)):
        raise PermissionDenied
    comment = Comment.objects.create(
        project=project,
        section=section or (reply_to.section if reply_to else ""),
        author=user,
        body=body,
        reply_to=reply_to,
    )
    url = project.get_absolute_url() + "comments/"
    if is_owner and reply_to is not None and reply_to.author is not None and reply_to.author_id != user.pk:
        notify(
            users=[reply_to.author],
            message=_("The proposer answered your comment: %(title)s") % {"title": project.title},
            url=url,
        )
    elif not is_owner and project.proposer is not None:
        notify(
            users=[project.proposer],
            message=_("New comment on your proposal: %(title)s") % {"title": project.title},
            url=url,
        )
    return comment


def proposal_window_open(
    *, fund: Fund, fiscal_year: int, opens_on: dt.date, closes_on: dt.date, note: str = ""
) -> ProposalWindow:
    if closes_on < opens_on:
        raise ValidationError({"closes_on": _("The window cannot close before it opens.")})
    window = ProposalWindow(
        fund=fund, fiscal_year=fiscal_year, opens_on=opens_on, closes_on=closes_on, note=note
    )
    window.full_clean()
    window.save()
    return window


def proposal_window_close(*, window: ProposalWindow, today: dt.date | None = None) -> None:
    """Close a window now: an open one ends yesterday; one that has not opened yet is removed."""
    today = today or timezone.localdate()
    if window.opens_on >= today:
        window.delete()
    elif window.closes_on >= today:
        window.closes_on = today - dt.timedelta(days=1)
        window.save()
