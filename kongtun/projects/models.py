"""Project proposals and the running projects they become (one row, many statuses)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kongtun.core.history import History
from kongtun.funds.models import Fund
from kongtun.plans.models import Plan, PlannedProject
from kongtun.programme.models import Indicator, OrgType, SupportType, TargetGroup


class Status(models.TextChoices):
    DEVELOPING = "developing", _("Being developed")
    SUBMITTED = "submitted", _("Submitted to the fund")
    REVISE = "revise", _("Returned for revision")
    RUNNING = "running", _("Approved, running")
    REJECTED = "rejected", _("Not approved")
    CANCELLED = "cancelled", _("Cancelled")
    COMPLETED = "completed", _("Completed")
    TERMINATED = "terminated", _("Terminated")
    SUSPENDED = "suspended", _("Suspended")


# Statuses of a project the committee approved: what roll-ups count as "approved projects".
APPROVED_STATUSES = (Status.RUNNING, Status.COMPLETED, Status.TERMINATED, Status.SUSPENDED)
# Statuses the public may see.
PUBLIC_STATUSES = APPROVED_STATUSES


class ExpenseGroup(models.TextChoices):
    REMUNERATION = "remuneration", _("Remuneration")
    WAGES = "wages", _("Wages")
    SERVICES = "services", _("Services and operating costs")
    MATERIALS = "materials", _("Materials")
    UTILITIES = "utilities", _("Utilities")
    OTHER = "other", _("Other")


class Project(models.Model):
    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="projects")
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year (B.E.)"))
    code = models.CharField(_("project code"), max_length=30, null=True, blank=True, unique=True)
    title = models.CharField(_("project title"), max_length=300)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.DEVELOPING)
    # Section 1: who and where.
    proposer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposals"
    )
    organisation = models.CharField(_("proposing organisation"), max_length=300, blank=True)
    responsible_people = models.TextField(_("responsible people"), blank=True)
    location = models.CharField(_("area / location"), max_length=300, blank=True)
    # Section 2 and classifications.
    plans = models.ManyToManyField(Plan, related_name="projects", blank=True, verbose_name=_("plans"))
    planned_project = models.ForeignKey(
        PlannedProject, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposals"
    )
    support_type = models.ForeignKey(
        SupportType, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("support type")
    )
    org_type = models.ForeignKey(
        OrgType,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        verbose_name=_("responsible organisation type"),
    )
    main_target_group = models.ForeignKey(
        TargetGroup,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("main target group"),
    )
    # Section 3, 6, 8.
    rationale = models.TextField(_("situation and rationale"), blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    expected_results = models.TextField(_("expected results"), blank=True)
    abstract = models.TextField(_("abstract"), blank=True)
    # Sum of the budget lines, kept by projects.services so lists and roll-ups need no join.
    requested_budget = models.DecimalField(
        _("requested budget (baht)"), max_digits=14, decimal_places=2, default=0
    )
    # Committee decision.
    meeting_no = models.CharField(_("committee meeting no."), max_length=50, blank=True)
    meeting_date = models.DateField(_("meeting date"), null=True, blank=True)
    approved_budget = models.DecimalField(
        _("approved budget (baht)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    decision_note = models.TextField(_("decision note / reason"), blank=True)
    report_due_date = models.DateField(_("report due date"), null=True, blank=True)
    agreement_no = models.CharField(_("agreement no."), max_length=50, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-fiscal_year", "-created_at"]
        indexes = [
            models.Index(fields=["fiscal_year", "status"]),
            models.Index(fields=["fund", "fiscal_year"]),
        ]
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("projects:detail", args=[self.pk])

    @property
    def is_approved(self) -> bool:
        return self.status in APPROVED_STATUSES

    @property
    def is_public(self) -> bool:
        """Its public face (the proposal without names, its results) is open to everyone to READ."""
        return self.status in PUBLIC_STATUSES


class ProblemSize(models.Model):
    """Section 3: a standard problem of the area with its size (carried from the situation data)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="problems")
    indicator = models.ForeignKey(Indicator, null=True, blank=True, on_delete=models.PROTECT)
    problem = models.CharField(_("problem"), max_length=500)
    size = models.DecimalField(_("size"), max_digits=14, decimal_places=2, null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["project", "order", "pk"]
        verbose_name = _("problem")
        verbose_name_plural = _("problems")

    def __str__(self) -> str:
        return self.problem


class Objective(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="objectives")
    text = models.TextField(_("objective"))
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["project", "order", "pk"]
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")

    def __str__(self) -> str:
        return self.text


class ObjectiveIndicator(models.Model):
    """An indicator of an objective: baseline from the situation data, a target, and — when the
    project closes — the result reached (Part 2 of the final report)."""

    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="indicators")
    indicator = models.ForeignKey(Indicator, null=True, blank=True, on_delete=models.PROTECT)
    name = models.CharField(_("indicator"), max_length=300)
    unit = models.CharField(_("unit"), max_length=40, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2, null=True, blank=True)
    result = models.DecimalField(_("result"), max_digits=14, decimal_places=2, null=True, blank=True)
    explanation = models.TextField(_("explanation of the result"), blank=True)

    class Meta:
        ordering = ["objective", "pk"]
        verbose_name = _("objective indicator")
        verbose_name_plural = _("objective indicators")

    def __str__(self) -> str:
        return self.name


class ProjectTargetGroup(models.Model):
    """Section 5: a target group with its planned count (actual count filled at follow-up)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="target_groups")
    target_group = models.ForeignKey(TargetGroup, null=True, blank=True, on_delete=models.PROTECT)
    name = models.CharField(_("target group"), max_length=200)
    planned_count = models.PositiveIntegerField(_("planned (persons)"), default=0)
    actual_count = models.PositiveIntegerField(_("actual (persons)"), null=True, blank=True)

    class Meta:
        ordering = ["project", "pk"]
        verbose_name = _("project target group")
        verbose_name_plural = _("project target groups")

    def __str__(self) -> str:
        return self.name


class Activity(models.Model):
    """Section 7: a planned activity with its output and itemised budget."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="activities")
    order = models.PositiveSmallIntegerField(_("no."), default=0)
    title = models.CharField(_("activity"), max_length=300)
    details = models.TextField(_("details"), blank=True)
    planned_output = models.TextField(_("planned output"), blank=True)
    planned_output_count = models.PositiveIntegerField(_("planned output (count)"), null=True, blank=True)
    start_date = models.DateField(_("from"), null=True, blank=True)
    end_date = models.DateField(_("to"), null=True, blank=True)
    history = History()

    class Meta:
        ordering = ["project", "order", "pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")

    def __str__(self) -> str:
        return self.title


class BudgetLine(models.Model):
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="budget_lines", verbose_name=_("activity")
    )
    expense_group = models.CharField(_("expense group"), max_length=14, choices=ExpenseGroup)
    description = models.CharField(_("item"), max_length=300)
    quantity = models.DecimalField(_("quantity"), max_digits=12, decimal_places=2, default=1)
    unit_cost = models.DecimalField(_("unit cost (baht)"), max_digits=14, decimal_places=2, default=0)
    amount = models.DecimalField(_("amount (baht)"), max_digits=14, decimal_places=2, default=0)
    history = History()

    class Meta:
        ordering = ["activity", "pk"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")

    def __str__(self) -> str:
        return f"{self.description}: {self.amount}"


class Transition(models.Model):
    """Every change of status: who, when, and why."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=12, choices=Status)
    to_status = models.CharField(max_length=12, choices=Status)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    at = models.DateTimeField(auto_now_add=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["project", "at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self) -> str:
        return f"{self.project_id}: {self.from_status} → {self.to_status}"


class Comment(models.Model):
    """A mentor's or reviewer's comment on a section of a proposal, and the answers to it."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="comments")
    section = models.CharField(_("section"), max_length=30)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    body = models.TextField(_("comment"))
    reply_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = History()

    class Meta:
        ordering = ["project", "created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return self.body[:60]


class ProposalWindow(models.Model):
    """A period in which a fund accepts new proposals."""

    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="proposal_windows")
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year (B.E.)"))
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["fund", "-opens_on"]
        verbose_name = _("proposal window")
        verbose_name_plural = _("proposal windows")

    def __str__(self) -> str:
        return f"{self.fund.code}: {self.opens_on} – {self.closes_on}"
