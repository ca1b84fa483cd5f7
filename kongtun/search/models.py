"""One Thai full-text index over projects, plans and activity reports.

Thai is written without spaces, so every document keeps its text segmented into words (PyThaiNLP
newmm, joined by spaces). On SQLite an FTS5 table (`search_fts`, made by migration 0002) indexes
that text, and a second one with the trigram tokenizer (`search_title_trgm`, migration 0004) the
titles for typos; on PostgreSQL `search_vector` (the 'simple' configuration over the segmented text,
GIN index) does, with a pg_trgm index on the title for typos.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _

from kongtun.funds.models import Fund
from kongtun.programme.models import Issue, SupportType, TargetGroup


class Kind(models.TextChoices):
    PROJECT = "project", _("Project")
    PLAN = "plan", _("Plan")
    REPORT = "report", _("Activity report")


class SearchDocument(models.Model):
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    object_id = models.PositiveBigIntegerField()
    # The project a project or activity report belongs to (for similar projects and status refresh).
    project_id = models.PositiveBigIntegerField(null=True, blank=True)
    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="+")
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year (B.E.)"))
    issues = models.ManyToManyField(Issue, related_name="+", blank=True)
    status = models.CharField(_("status"), max_length=12, blank=True)
    # Approved projects and their reports, and plans: what anyone may find.
    is_public = models.BooleanField(default=False)
    support_type = models.ForeignKey(
        SupportType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    target_group = models.ForeignKey(
        TargetGroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text"), blank=True)
    segmented = models.TextField(blank=True)
    url = models.CharField(max_length=300, blank=True)
    search_vector = SearchVectorField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_unique")]
        indexes = [
            models.Index(fields=["fiscal_year", "kind"]),
            models.Index(fields=["project_id"]),
            # Similar projects read the newest public projects first.
            models.Index(
                fields=["id"],
                condition=models.Q(kind="project", is_public=True),
                name="search_doc_public_projects",
            ),
        ]
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}: {self.title}"
