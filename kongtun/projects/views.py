from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kongtun.accounts.models import User
from kongtun.accounts.permissions import Action, can
from kongtun.accounts.types import AuthedRequest
from kongtun.core.panels import panels
from kongtun.core.thai import fiscal_year_of
from kongtun.funds.access import fund_for
from kongtun.projects import rules, selectors, services
from kongtun.projects.access import planned_project_for, project_for
from kongtun.projects.forms import (
    EDITORS,
    TRANSITION_INTROS,
    TRANSITION_TITLES,
    ActivityEditor,
    CommentForm,
    DecisionForm,
    NoteForm,
    ProjectStartForm,
    ReasonForm,
    RejectForm,
    ReplyForm,
    SectionEditor,
    WindowForm,
)
from kongtun.projects.models import Comment, Project, ProposalWindow, Status
from kongtun.reports.pdf import pdf_response, render_pdf

# One page per change of status a proposal makes here: the form for its details and its verb.
CHANGES: dict[str, tuple[type[forms.Form], Callable[..., Project]]] = {
    "submit": (NoteForm, services.project_submit),
    "return": (ReasonForm, services.project_return),
    "cancel": (ReasonForm, services.project_cancel),
    "approve": (DecisionForm, services.project_approve),
    "reject": (RejectForm, services.project_reject),
}


HISTORY_PAGE = 50


def _user(request: HttpRequest) -> User:
    """The logged-in user (views that call this are behind login_required)."""
    return request.user  # type: ignore[return-value]


def _sections() -> list[tuple[int, str]]:
    titles = selectors.section_titles()
    return [(n, titles[n]) for n, _key in selectors.SECTIONS]


def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The whole proposal on one page, each section with its edit link; public for approved
    projects, without personal data for those who are not of the fund."""
    project = selectors.project_sections(project_for(request.user, pk, Action.READ))
    internal = can(request.user, Action.VIEW, project)
    editable = project.status in services.EDITABLE_STATUSES and can(request.user, Action.EDIT, project)
    context = {
        "project": project,
        "internal": internal,
        "editable": editable,
        "sections": _sections(),
        "revision": selectors.revision_request(project) if internal else None,
        "quality": rules.project_quality(project) if internal and not project.is_approved else None,
        "budget_groups": selectors.budget_by_group(project),
        "transitions": [
            (name, TRANSITION_TITLES[name])
            for name in (services.transitions_for(request.user, project) if internal else [])
            if name in CHANGES and name != "submit"
        ],
        "history": project.transitions.select_related("by") if internal else [],
        "panels": panels("project.panels", request, project),
        "end_panels": panels("project.end", request, project),
    }
    return render(request, "projects/detail.html", context)


@login_required
def project_start(request: HttpRequest, code: str) -> HttpResponse:
    fund = fund_for(request.user, code, Action.PROPOSE)
    year = fiscal_year_of(timezone.localdate())
    form = ProjectStartForm(request.POST or None, initial={"organisation": _user(request).organisation})
    if request.method == "POST" and form.is_valid():
        try:
            project = services.project_create(fund=fund, user=_user(request), **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("The proposal was created as a draft. Fill in one section at a time.")
            )
            return redirect("projects:edit", pk=project.pk, step=1)
    planned = selectors.planned_projects_to_propose(fund, year)
    return render(request, "projects/start.html", {"fund": fund, "form": form, "planned": planned})


@login_required
def project_start_from_planned(request: HttpRequest, planned_project_id: int) -> HttpResponse:
    planned = planned_project_for(request.user, planned_project_id)
    if request.method == "POST":
        project = services.project_create_from_planned(planned_project=planned, user=_user(request))
        messages.success(request, _("The proposal was started from the plan. Check each section."))
        return redirect("projects:edit", pk=project.pk, step=1)
    return render(
        request, "projects/start_from_planned.html", {"planned": planned, "fund": planned.plan.fund}
    )


def _save(project: Project, editor: SectionEditor) -> bool:
    """Validate and save one step of the editor; errors stay on the editor for the page to show."""
    if project.status not in services.EDITABLE_STATUSES:
        editor.non_field_errors.append(_("This proposal can no longer be edited."))
        return False
    if not editor.is_valid():
        return False
    try:
        editor.save()
    except ValidationError as exc:
        editor.add_error(exc)
        return False
    return True


def _quality_context(project: Project) -> dict[str, Any]:
    return {"project": project, "quality": rules.project_quality(project)}


def _editor_context(project: Project) -> dict[str, Any]:
    """What every page of the editor shows around the form: the steps and the officer's request."""
    return {"sections": _sections(), "revision": selectors.revision_request(project)}


@login_required
def project_edit(request: HttpRequest, pk: int, step: int) -> HttpResponse:
    """The guided editor: one section per step, each step saved as a draft."""
    project = project_for(request.user, pk, Action.EDIT)
    if step not in EDITORS:
        raise Http404
    editor = EDITORS[step](project, request.POST if request.method == "POST" else None)
    if request.method == "POST" and _save(project, editor):
        messages.success(request, _("Saved as a draft."))
        if "next" in request.POST and step < len(EDITORS):
            return redirect("projects:edit", pk=pk, step=step + 1)
        if "next" in request.POST:
            return redirect("projects:review", pk=pk)
        return redirect("projects:edit", pk=pk, step=step)
    context = {
        **_editor_context(project),
        "project": project,
        "editor": editor,
        "step": step,
        "comments": project.comments.filter(section=str(step), reply_to=None).select_related("author"),
    }
    if step == 4:
        context["situation"] = selectors.situation_values(project)
    if step == 7:
        context["activities"] = selectors.activities_with_totals(project)
        context["budget_groups"] = selectors.budget_by_group(project)
    return render(request, "projects/edit.html", context)


@login_required
@require_POST
def project_autosave(
    request: HttpRequest, pk: int, step: int, activity_id: int | None = None
) -> HttpResponse:
    """Save the step as a draft while the user works (HTMX, on change) and answer with the refreshed
    quality check; input that is not valid yet is not saved, and the answer says so."""
    project = project_for(request.user, pk, Action.EDIT)
    if activity_id is not None:
        activity = get_object_or_404(project.activities, pk=activity_id)
        editor: SectionEditor = ActivityEditor(project, request.POST, activity=activity)
    elif step in EDITORS:
        editor = EDITORS[step](project, request.POST)
    else:
        raise Http404
    saved = _save(project, editor)
    context = {**_quality_context(project), "autosaved": saved, "saved_at": timezone.localtime()}
    return render(request, "projects/_quality.html", context)


@login_required
def activity_edit(request: HttpRequest, pk: int, activity_id: int | None = None) -> HttpResponse:
    project = project_for(request.user, pk, Action.EDIT)
    activity = get_object_or_404(project.activities, pk=activity_id) if activity_id else None
    editor = ActivityEditor(project, request.POST or None, activity=activity)
    if request.method == "POST" and "delete" in request.POST and activity is not None:
        services.activity_delete(activity=activity)
        messages.success(request, _("The activity was removed."))
        return redirect("projects:edit", pk=pk, step=7)
    if request.method == "POST" and _save(project, editor):
        messages.success(request, _("The activity was saved."))
        return redirect("projects:edit", pk=pk, step=7)
    context = {**_editor_context(project), "editor": editor, "activity": activity, "step": 7}
    return render(request, "projects/activity_edit.html", {**context, **_quality_context(project)})


@login_required
def project_review(request: HttpRequest, pk: int) -> HttpResponse:
    """The last step: the quality check in full and the submit button."""
    project = project_for(request.user, pk, Action.EDIT)
    can_submit = "submit" in services.transitions_for(request.user, project)
    context = {**_editor_context(project), "can_submit": can_submit}
    return render(request, "projects/review.html", {**context, **_quality_context(project)})


@login_required
def project_quality(request: HttpRequest, pk: int) -> HttpResponse:
    """The quality check beside the form (HTMX partial)."""
    project = project_for(request.user, pk, Action.VIEW)
    return render(request, "projects/_quality.html", _quality_context(project))


@login_required
def project_transition(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    """Submit, return, cancel, approve or reject: a form for the details, then the verb."""
    if name not in CHANGES:
        raise Http404
    form_class, verb = CHANGES[name]
    project = project_for(request.user, pk, services.TRANSITIONS[name].action)
    initial = {"approved_budget": f"{project.requested_budget:,.2f}"} if name == "approve" else {}
    form = form_class(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            verb(project=project, user=_user(request), **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc.messages if hasattr(exc, "error_dict") else exc)
        else:
            messages.success(
                request, _("The proposal was %(change)s.") % {"change": services.transition_label(name)}
            )
            return redirect(project)
    status = 409 if request.method == "POST" and not services.transition_allowed(project, name) else 200
    context = {
        "project": project,
        "form": form,
        "title": TRANSITION_TITLES[name],
        "intro": TRANSITION_INTROS[name],
    }
    return render(request, "projects/transition.html", context, status=status)


def _comment_save(request: HttpRequest, project: Project, form: CommentForm, reply: ReplyForm) -> bool:
    """A new comment on a section, or an answer to one (it takes the section of the comment)."""
    try:
        if reply.is_bound and reply.is_valid():
            parent = get_object_or_404(Comment, pk=reply.cleaned_data["reply_to"], project=project)
            body = reply.cleaned_data["body"]
            services.comment_add(
                project=project, user=_user(request), section=parent.section, body=body, reply_to=parent
            )
            return True
        if form.is_bound and form.is_valid():
            services.comment_add(project=project, user=_user(request), **form.cleaned_data)
            return True
    except ValidationError as exc:
        form.add_error(None, exc)
    return False


@login_required
def project_comments(request: HttpRequest, pk: int) -> HttpResponse:
    """Mentors' and reviewers' comments by section, and the proposer's answers."""
    project = project_for(request.user, pk, Action.VIEW)
    sections = [(str(n), f"{n}. {t}") for n, t in _sections()]
    is_reply = "reply_to" in request.POST
    form = CommentForm(request.POST if "body" in request.POST and not is_reply else None, sections=sections)
    reply = ReplyForm(request.POST if is_reply else None)
    if request.method == "POST" and _comment_save(request, project, form, reply):
        return redirect("projects:comments", pk=pk)
    context = {
        "project": project,
        "form": form,
        "comments": selectors.project_comments(project),
        "titles": dict(sections),
        "can_comment": can(request.user, Action.COMMENT, project),
        "can_answer": project.proposer_id == request.user.pk,
    }
    return render(request, "projects/comments.html", context)


@login_required
def project_history(request: HttpRequest, pk: int) -> HttpResponse:
    """Who changed what in the project and its parts, and when: for the fund and the proposer."""
    project = project_for(request.user, pk, Action.VIEW)
    page = Paginator(selectors.project_changes(project), HISTORY_PAGE).get_page(request.GET.get("page"))
    return render(request, "projects/history.html", {"project": project, "page": page})


@login_required
def fund_proposals(request: HttpRequest, code: str) -> HttpResponse:
    """The fund's proposals and projects by status (officer, committee, mentor)."""
    fund = fund_for(request.user, code, Action.VIEW)
    status = request.GET.get("status", "")
    year = request.GET.get("year", "")
    fiscal_year = int(year) if year.isdigit() else None
    page = Paginator(selectors.fund_projects(fund, status=status, fiscal_year=fiscal_year), 30).get_page(
        request.GET.get("page")
    )
    context = {
        "fund": fund,
        "page": page,
        "status": status,
        "year": year,
        "counts": selectors.status_counts(fund, fiscal_year),
        "statuses": Status.choices,
        "can_propose": can(request.user, Action.PROPOSE, fund),
        "can_windows": can(request.user, Action.RECEIVE, fund),
    }
    return render(request, "projects/fund_list.html", context)


@login_required
def my_proposals(request: AuthedRequest) -> HttpResponse:
    page = Paginator(selectors.my_projects(request.user), 30).get_page(request.GET.get("page"))
    context = {"page": page, "funds": selectors.funds_to_propose(request.user)}
    return render(request, "projects/mine.html", context)


def public_projects(request: HttpRequest) -> HttpResponse:
    """Approved projects, open to everyone (no personal data)."""
    q = request.GET.get("q", "").strip()
    year = request.GET.get("year", "")
    qs = selectors.public_projects(q=q, fiscal_year=int(year) if year.isdigit() else None)
    page = Paginator(qs, 30).get_page(request.GET.get("page"))
    return render(request, "projects/public_list.html", {"page": page, "q": q, "year": year})


@login_required
def proposal_windows(request: HttpRequest, code: str) -> HttpResponse:
    """The fund's windows for new proposals: open one, close one."""
    fund = fund_for(request.user, code, Action.RECEIVE)
    form = WindowForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.proposal_window_open(fund=fund, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The proposal window was opened."))
            return redirect("projects:windows", code=code)
    windows = selectors.proposal_windows(fund)
    return render(
        request,
        "projects/windows.html",
        {"fund": fund, "form": form, "windows": windows, "today": timezone.localdate()},
    )


@login_required
@require_POST
def proposal_window_close(request: HttpRequest, code: str, window_id: int) -> HttpResponse:
    fund = fund_for(request.user, code, Action.RECEIVE)
    window = get_object_or_404(ProposalWindow, pk=window_id, fund=fund)
    services.proposal_window_close(window=window)
    messages.success(request, _("The proposal window was closed."))
    return redirect("projects:windows", code=code)


def project_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The proposal form as the funds print it, with the committee-decision part."""
    project = selectors.project_sections(project_for(request.user, pk, Action.READ))
    context = {
        "project": project,
        "internal": can(request.user, Action.VIEW, project),
        "budget_groups": selectors.budget_by_group(project),
        "classifications": selectors.classification_choices(),
    }
    pdf = render_pdf("projects/print.html", context, request=request)
    return pdf_response(pdf, f"proposal-{project.code or project.pk}.pdf")
