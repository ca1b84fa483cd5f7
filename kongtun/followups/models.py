"""Follow-up of running projects (ติดตาม): payment periods, activity reports, closing."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.fields.files import FieldFile
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kongtun.core.files import local_path
from kongtun.core.history import History
from kongtun.programme.models import TargetGroup
from kongtun.projects.models import PUBLIC_STATUSES, Activity, ExpenseGroup, Project, ProjectTargetGroup


class PaymentPeriod(models.Model):
    """An instalment (งวด); the periods of a project add up to its approved budget."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="payment_periods")
    number = models.PositiveSmallIntegerField(_("period no."))
    amount = models.DecimalField(_("amount (baht)"), max_digits=14, decimal_places=2)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    history = History()

    class Meta:
        ordering = ["project", "number"]
        constraints = [models.UniqueConstraint(fields=["project", "number"], name="payment_period_unique")]
        verbose_name = _("payment period")
        verbose_name_plural = _("payment periods")

    def __str__(self) -> str:
        return _("Payment period %(number)s") % {"number": self.number}


class Rating(models.IntegerChoices):
    VERY_LOW = 1, _("Far below plan")
    LOW = 2, _("Below plan")
    AS_PLANNED = 3, _("As planned")
    HIGH = 4, _("Above plan")
    VERY_HIGH = 5, _("Far above plan")


class ActivityReport(models.Model):
    """What happened at one activity, laid out like the field's activity reports."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="activity_reports")
    # Null for an activity that was not in the plan.
    activity = models.ForeignKey(
        Activity, null=True, blank=True, on_delete=models.SET_NULL, related_name="reports"
    )
    title = models.CharField(_("activity"), max_length=300)
    date = models.DateField(_("date"))
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    done = models.TextField(_("what was done"), blank=True)
    results = models.TextField(_("what actually came of it (outputs / outcomes)"), blank=True)
    actual_output_count = models.PositiveIntegerField(_("actual output (count)"), null=True, blank=True)
    rating = models.PositiveSmallIntegerField(_("achievement"), choices=Rating, null=True, blank=True)
    problems = models.TextField(_("problems"), blank=True)
    suggestions = models.TextField(_("suggestions"), blank=True)
    help_needed = models.TextField(_("help needed from the mentor"), blank=True)
    mentor_advice = models.TextField(_("mentor's advice"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["project", "date", "pk"]
        indexes = [models.Index(fields=["project", "date"])]
        verbose_name = _("activity report")
        verbose_name_plural = _("activity reports")

    def __str__(self) -> str:
        return self.title


class ReportParticipant(models.Model):
    """The persons of one target group who took part in an activity. The final report's Part 2 and
    the public page add these up per target group of the project (`group`)."""

    report = models.ForeignKey(ActivityReport, on_delete=models.CASCADE, related_name="participants")
    # The project's target group counted; null for a group the project did not plan for.
    group = models.ForeignKey(
        ProjectTargetGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="reported"
    )
    target_group = models.ForeignKey(TargetGroup, null=True, blank=True, on_delete=models.PROTECT)
    name = models.CharField(_("target group"), max_length=200)
    planned = models.PositiveIntegerField(_("planned (persons)"), default=0)
    actual = models.PositiveIntegerField(_("actual (persons)"), default=0)

    class Meta:
        ordering = ["report", "pk"]
        verbose_name = _("participants")
        verbose_name_plural = _("participants")

    def __str__(self) -> str:
        return f"{self.name}: {self.actual}/{self.planned}"


class ReportSpending(models.Model):
    report = models.ForeignKey(
        ActivityReport, on_delete=models.CASCADE, related_name="spending", verbose_name=_("activity report")
    )
    expense_group = models.CharField(_("expense group"), max_length=14, choices=ExpenseGroup)
    description = models.CharField(_("item"), max_length=300, blank=True)
    amount = models.DecimalField(_("amount (baht)"), max_digits=14, decimal_places=2)
    history = History()

    class Meta:
        ordering = ["report", "pk"]
        verbose_name = _("spending line")
        verbose_name_plural = _("spending lines")

    def __str__(self) -> str:
        return f"{self.get_expense_group_display()}: {self.amount}"


class ReportPhoto(models.Model):
    report = models.ForeignKey(
        ActivityReport, on_delete=models.CASCADE, related_name="photos", verbose_name=_("activity report")
    )
    image = models.ImageField(_("photo"), upload_to="reports/%Y/%m/")
    thumbnail = models.ImageField(upload_to="reports/thumbs/%Y/%m/", blank=True)
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    # Ticked by the proposer or the fund officer: printed in the final report under its activity.
    in_final_report = models.BooleanField(_("in the final report"), default=False)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    history = History()

    class Meta:
        ordering = ["report", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self) -> str:
        return self.caption or self.image.name or ""

    def file(self, size: str) -> FieldFile:
        """The full photo, or its thumbnail ("thumb"); a photo stored without one shows the full."""
        return self.thumbnail if size == "thumb" and self.thumbnail else self.image

    @property
    def is_public(self) -> bool:
        return self.report.project.status in PUBLIC_STATUSES

    @property
    def image_url(self) -> str:
        return reverse("followups:photo", args=[self.pk])

    @property
    def thumbnail_url(self) -> str:
        return reverse("followups:photo_thumb", args=[self.pk])

    @property
    def print_src(self) -> str:
        """Where WeasyPrint reads the thumbnail: the file on disk, or a signed object-storage link."""
        file = self.file("thumb")
        path = local_path(file)
        return path.as_uri() if path is not None else file.url


class ClosingStatus(models.TextChoices):
    COMPLETED = "completed", _("Completed")
    TERMINATED = "terminated", _("Terminated")
    SUSPENDED = "suspended", _("Suspended")


class ProjectClosing(models.Model):
    """A project's closing (ปิดโครงการ). The officer may reopen it with a reason: the row stays, with
    who reopened it, when and why (and its audit history), and a later closing is a new row. At most
    one closing of a project is in force (`reopened_at` is null)."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="closings")
    status = models.CharField(_("closing status"), max_length=12, choices=ClosingStatus)
    closed_on = models.DateField(_("closing date"))
    returned_amount = models.DecimalField(
        _("money returned to the fund (baht)"), max_digits=14, decimal_places=2, default=0
    )
    note = models.TextField(_("note"), blank=True)
    closed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    reopened_at = models.DateTimeField(_("reopened at"), null=True, blank=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reopen_reason = models.TextField(_("reason for reopening"), blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["project", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["project"],
                condition=models.Q(reopened_at__isnull=True),
                name="project_closing_in_force",
            )
        ]
        verbose_name = _("project closing")
        verbose_name_plural = _("project closings")

    def __str__(self) -> str:
        return f"{self.project_id}: {self.status}"


class ClosingProblem(models.Model):
    """A row of the final report's problems / causes / suggestions table."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="closing_problems")
    problem = models.TextField(_("problem or obstacle"))
    cause = models.TextField(_("cause"), blank=True)
    suggestion = models.TextField(_("suggestion"), blank=True)

    class Meta:
        ordering = ["project", "pk"]
        verbose_name = _("problem and suggestion")
        verbose_name_plural = _("problems and suggestions")

    def __str__(self) -> str:
        return self.problem[:60]


class ValueDimension(models.TextChoices):
    """The six dimensions of the value assessment (ประเมินคุณค่า)."""

    KNOWLEDGE = "knowledge", _("Knowledge and innovation")
    BEHAVIOUR = "behaviour", _("Behaviour change")
    ENVIRONMENT = "environment", _("Environment")
    POLICY = "policy", _("Public policy")
    PROCESS = "process", _("Community process")
    SPIRITUAL = "spiritual", _("Spiritual wellbeing")


class ValueAssessment(models.Model):
    """One checklist item of the value assessment: did the project bring it about, and the evidence."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="value_assessments")
    dimension = models.CharField(_("dimension"), max_length=12, choices=ValueDimension)
    item = models.CharField(_("item"), max_length=40)
    achieved = models.BooleanField(_("achieved"), default=False)
    evidence = models.TextField(_("evidence"), blank=True)

    class Meta:
        ordering = ["project", "dimension", "item"]
        constraints = [models.UniqueConstraint(fields=["project", "item"], name="value_assessment_unique")]
        verbose_name = _("value assessment")
        verbose_name_plural = _("value assessments")

    def __str__(self) -> str:
        return f"{self.project_id}: {self.item}"


class SatisfactionQuestion(models.Model):
    """A question of the programme's satisfaction questionnaire, scored 1–5 (configurable)."""

    text = models.CharField(_("question"), max_length=300)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("satisfaction question")
        verbose_name_plural = _("satisfaction questions")

    def __str__(self) -> str:
        return self.text


class SatisfactionAnswer(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="satisfaction_answers")
    question = models.ForeignKey(SatisfactionQuestion, on_delete=models.PROTECT, related_name="answers")
    score = models.PositiveSmallIntegerField(_("score (1–5)"))
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["project", "question__order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["project", "question"], name="satisfaction_answer_unique"),
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="satisfaction_score_1_to_5"
            ),
        ]
        verbose_name = _("satisfaction answer")
        verbose_name_plural = _("satisfaction answers")

    def __str__(self) -> str:
        return f"{self.project_id}: {self.question_id} = {self.score}"
