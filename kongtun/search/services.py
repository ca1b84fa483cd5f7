"""Writes of the search index: one SearchDocument per project, plan and activity report.

The services of projects, plans and follow-ups announce their writes (`kongtun.core.events.changed`);
`search.listeners` hears of them after commit and calls `search_document_update` or
`search_document_remove` here. `search_reindex` rebuilds everything.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import connection, transaction
from django.urls import reverse

from kongtun.followups.models import ActivityReport
from kongtun.plans.models import Plan
from kongtun.projects.models import PUBLIC_STATUSES, Project
from kongtun.search.models import Kind, SearchDocument
from kongtun.search.text import index_text


def _join(*parts: str) -> str:
    return "\n".join(p.strip() for p in parts if p and p.strip())


def _project_facets(project: Project) -> dict[str, Any]:
    """What a project and its activity reports are filtered by: the project's fund, year, status
    (public once approved), support type and main target group."""
    return {
        "project_id": project.pk,
        "fund_id": project.fund_id,
        "fiscal_year": project.fiscal_year,
        "status": project.status,
        "is_public": project.status in PUBLIC_STATUSES,
        "support_type_id": project.support_type_id,
        "target_group_id": project.main_target_group_id,
    }


def _project_fields(project: Project) -> dict[str, Any]:
    return {
        "kind": Kind.PROJECT,
        **_project_facets(project),
        "title": project.title,
        "body": _join(
            project.rationale,
            project.expected_results,
            project.abstract,
            project.organisation,
            project.location,
            project.fund.code,
        ),
        "url": project.get_absolute_url(),
    }


def _plan_fields(plan: Plan) -> dict[str, Any]:
    return {
        "kind": Kind.PLAN,
        "project_id": None,
        "fund_id": plan.fund_id,
        "fiscal_year": plan.fiscal_year,
        "status": "",
        "is_public": True,
        "support_type_id": None,
        "target_group_id": None,
        "title": f"{plan.issue.name_th} {plan.fiscal_year} · {plan.fund.name}",
        "body": _join(plan.situation, plan.objective, plan.approach, plan.fund.code),
        "url": plan.get_absolute_url(),
    }


def _report_fields(report: ActivityReport) -> dict[str, Any]:
    project = report.project
    return {
        "kind": Kind.REPORT,
        **_project_facets(project),
        "title": report.title,
        "body": _join(
            project.title, report.done, report.results, report.problems, report.suggestions, project.fund.code
        ),
        "url": reverse("followups:report", args=[report.pk]),
    }


def _describe(obj: Any) -> tuple[dict[str, Any], list[int]]:
    if isinstance(obj, Project):
        return _project_fields(obj), sorted({p.issue_id for p in obj.plans.all()})
    if isinstance(obj, Plan):
        return _plan_fields(obj), [obj.issue_id]
    if isinstance(obj, ActivityReport):
        return _report_fields(obj), sorted({p.issue_id for p in obj.project.plans.all()})
    raise TypeError(f"Cannot index {type(obj).__name__}")


def _index_text(doc: SearchDocument) -> None:
    """Put the document's segmented text into the database's full-text index."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts WHERE rowid = %s", [doc.pk])
            cursor.execute(
                "INSERT INTO search_fts (rowid, segmented) VALUES (%s, %s)", [doc.pk, doc.segmented]
            )
            cursor.execute("DELETE FROM search_title_trgm WHERE rowid = %s", [doc.pk])
            cursor.execute(
                "INSERT INTO search_title_trgm (rowid, title) VALUES (%s, %s)", [doc.pk, doc.title]
            )
    elif connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchVector

        SearchDocument.objects.filter(pk=doc.pk).update(
            search_vector=SearchVector("segmented", config="simple")
        )


@transaction.atomic
def search_document_update(*, obj: Project | Plan | ActivityReport) -> SearchDocument:
    """Create or refresh the search document of a project, plan or activity report."""
    fields, issue_ids = _describe(obj)
    fields["segmented"] = index_text(f"{fields['title']}\n{fields['body']}")
    doc, _created = SearchDocument.objects.update_or_create(
        kind=fields.pop("kind"), object_id=obj.pk, defaults=fields
    )
    doc.issues.set(issue_ids)
    _index_text(doc)
    if isinstance(obj, Project):
        # The reports of a project are public exactly when the project is.
        SearchDocument.objects.filter(kind=Kind.REPORT, project_id=obj.pk).update(
            status=obj.status, is_public=fields["is_public"]
        )
    return doc


@transaction.atomic
def search_document_remove(*, kind: str, object_id: int) -> None:
    """Remove the document of a deleted project, plan or report (a project takes its reports' along)."""
    ids = list(SearchDocument.objects.filter(kind=kind, object_id=object_id).values_list("pk", flat=True))
    if kind == Kind.PROJECT:
        ids += list(
            SearchDocument.objects.filter(kind=Kind.REPORT, project_id=object_id).values_list("pk", flat=True)
        )
    if connection.vendor == "sqlite" and ids:
        with connection.cursor() as cursor:
            cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [[i] for i in ids])
            cursor.executemany("DELETE FROM search_title_trgm WHERE rowid = %s", [[i] for i in ids])
    SearchDocument.objects.filter(pk__in=ids).delete()


def _batches(objects: Iterable[Any], size: int = 500) -> Iterable[list[Any]]:
    batch: list[Any] = []
    for obj in objects:
        batch.append(obj)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def search_reindex(*, progress: Any = None) -> int:
    """Rebuild every search document from projects, plans and activity reports; returns the count."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_fts")
            cursor.execute("DELETE FROM search_title_trgm")
    SearchDocument.objects.all().delete()
    sources = [
        Project.objects.select_related("fund").prefetch_related("plans").order_by("pk"),
        Plan.objects.select_related("fund", "issue").order_by("pk"),
        ActivityReport.objects.select_related("project").prefetch_related("project__plans").order_by("pk"),
    ]
    count = 0
    for queryset in sources:
        for batch in _batches(queryset.iterator(chunk_size=500)):
            with transaction.atomic():
                for obj in batch:
                    search_document_update(obj=obj)
            count += len(batch)
            if progress:
                progress(count)
    return count
