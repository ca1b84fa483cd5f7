"""Public search and the 'learn from others' pages."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from kongtun.accounts.permissions import Action
from kongtun.programme.models import Issue
from kongtun.projects.access import project_for
from kongtun.search.selectors import (
    SearchFilter,
    completed_by_issue,
    completed_projects,
    search_documents,
    similar_projects,
    visible_documents,
)

PAGE_SIZE = 20


def search_page(request: HttpRequest) -> HttpResponse:
    """One search over projects, plans and activity reports; drafts only for those who may see them."""
    filterset = SearchFilter(request.GET or None, queryset=visible_documents(request.user))
    page_no = int(request.GET["page"]) if request.GET.get("page", "").isdigit() else 1
    query = request.GET.get("q", "")[:200]
    results = search_documents(
        user=request.user,
        query=query,
        filters=request.GET.dict(),
        limit=PAGE_SIZE,
        offset=(page_no - 1) * PAGE_SIZE,
    )
    template = "search/_results.html" if getattr(request, "htmx", False) else "search/index.html"
    context = {
        "filter": filterset,
        "results": results,
        "page_no": page_no,
        "has_next": results.total > page_no * PAGE_SIZE,
    }
    return render(request, template, context)


def similar_list(request: HttpRequest, pk: int) -> HttpResponse:
    """Similar projects in other areas: a part of the project page (loaded by htmx), or a page of its
    own when the link is followed."""
    project = project_for(request.user, pk, Action.READ)
    template = "search/_similar.html" if getattr(request, "htmx", False) else "search/similar.html"
    return render(request, template, {"project": project, "similar": similar_projects(project)})


def learn_index(request: HttpRequest) -> HttpResponse:
    """Completed projects by issue, so that funds can learn from each other."""
    return render(request, "search/learn_index.html", {"issues": completed_by_issue()})


def learn_issue(request: HttpRequest, code: str) -> HttpResponse:
    issue = get_object_or_404(Issue, code=code)
    page = Paginator(completed_projects(issue), 20).get_page(request.GET.get("page"))
    return render(request, "search/learn_issue.html", {"issue": issue, "page": page})
