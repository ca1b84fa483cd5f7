from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kongtun.accounts.permissions import Action, AnyUser, can
from kongtun.core.files import stored_file_response
from kongtun.core.panels import panels
from kongtun.followups import selectors, services
from kongtun.followups.access import (
    deletable_report_for,
    followup_for,
    may_delete_report,
    photo_for,
    published_project_for,
    published_report_for,
    reads_as_public,
    report_for,
)
from kongtun.followups.documents import activity_report_document, final_report_document
from kongtun.followups.forms import (
    ActivityReportForm,
    AdviceForm,
    ClosingProblemForm,
    FinalReportPhotosForm,
    PeriodFormSet,
    PhotoForm,
    ResultsForm,
    SatisfactionForm,
    ValueAssessmentForm,
)
from kongtun.followups.jobs import final_report_print as final_report_print_job
from kongtun.followups.models import ActivityReport, ClosingProblem, ReportPhoto
from kongtun.funds.access import fund_for
from kongtun.projects.models import Project
from kongtun.reports.formats import document_response
from kongtun.reports.to_html import render_html


def _abilities(user: AnyUser, project: Project) -> dict[str, bool]:
    """What the templates offer: report, receive (officer), advise (mentor). Closing is the books'
    panel (slot `followup.closing`), since it returns money to the fund."""
    return {
        "can_report": can(user, Action.REPORT, project),
        "can_receive": can(user, Action.RECEIVE, project),
        "can_advise": can(user, Action.COMMENT, project),
    }


def project_followup(request: HttpRequest, pk: int) -> HttpResponse:
    """The follow-up page of a running project: progress, periods, reports, closing. The public
    reads the project's results page instead."""
    project = published_project_for(request.user, pk)
    if reads_as_public(request.user, project):
        return redirect("followups:public", pk=project.pk)
    return render(
        request,
        "followups/project.html",
        {
            "project": project,
            "progress": selectors.project_progress(project),
            "periods": selectors.period_list(project),
            "reports": selectors.report_list(project),
            "closing_panels": panels("followup.closing", request, project),
            **_abilities(request.user, project),
        },
    )


@login_required
def periods_edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = followup_for(request.user, pk, Action.RECEIVE)
    initial = [
        {"amount": p.amount, "due_date": p.due_date, "paid_on": p.paid_on}
        for p in project.payment_periods.all()
    ]
    formset = PeriodFormSet(request.POST or None, initial=initial or [{"amount": project.approved_budget}])
    formset.extra = 2
    errors: list[str] = []
    if request.method == "POST" and formset.is_valid():
        rows = [f.cleaned_data for f in formset.forms if f.cleaned_data.get("amount")]
        try:
            services.periods_set(project=project, periods=rows)
        except ValidationError as exc:
            errors = exc.messages
        else:
            messages.success(request, _("The payment periods were saved."))
            return redirect("followups:project", pk=project.pk)
    return render(
        request, "followups/periods.html", {"project": project, "formset": formset, "errors": errors}
    )


def _report_form_page(
    request: HttpRequest, form: ActivityReportForm, report: ActivityReport | None
) -> HttpResponse:
    project = form.project
    return render(request, "followups/report_form.html", {"project": project, "form": form, "report": report})


def _save_report(
    request: HttpRequest, form: ActivityReportForm, report: ActivityReport | None
) -> HttpResponse:
    """Save the text first, then the photos one by one: a bad photo loses nothing else."""
    fields = form.report_fields()
    try:
        if report is None:
            report = services.report_create(
                project=form.project,
                by=request.user,
                participants=form.participants(),
                spending=form.spending(),
                **fields,
            )
        else:
            report = services.report_update(
                report=report, participants=form.participants(), spending=form.spending(), **fields
            )
    except ValidationError as exc:
        form.add_error(None, exc)
        return _report_form_page(request, form, report)
    _saved, errors = services.photos_add(report=report, uploads=form.cleaned_data["photos"])
    if errors:
        for error in errors:
            form.add_error("photos", error)
        messages.warning(request, _("The report was saved, but some photos were refused. Choose them again."))
        return _report_form_page(request, form, report)
    messages.success(request, _("The activity report was saved."))
    return redirect(_back_to(request) or reverse("followups:report", args=[report.pk]))


def _back_to(request: HttpRequest) -> str:
    """Where the user came from (the final report's list of gaps), if it is a page of this site."""
    url = request.GET.get("next", "")
    safe = url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=False)
    return url if safe else ""


@login_required
def report_create(request: HttpRequest, pk: int) -> HttpResponse:
    project = followup_for(request.user, pk, Action.REPORT)
    initial = {"activity": request.GET.get("activity")} if request.GET.get("activity") else None
    form = ActivityReportForm(request.POST or None, request.FILES or None, project=project, initial=initial)
    if request.method == "POST" and form.is_valid():
        return _save_report(request, form, None)
    return _report_form_page(request, form, None)


@login_required
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    report = report_for(request.user, pk, Action.REPORT)
    initial = ActivityReportForm.initial_for(report)
    form = ActivityReportForm(
        request.POST or None, request.FILES or None, project=report.project, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        return _save_report(request, form, report)
    return _report_form_page(request, form, report)


def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = published_report_for(request.user, pk)
    if reads_as_public(request.user, report.project):
        document = activity_report_document(report, public=True)
        context = {"report": report, "project": report.project, "document": render_html(document)}
        return render(request, "followups/report_public.html", context)
    return render(
        request,
        "followups/report_detail.html",
        {
            "report": report,
            "project": report.project,
            "advice_form": AdviceForm(initial={"mentor_advice": report.mentor_advice}),
            **_abilities(request.user, report.project),
            "can_delete": may_delete_report(request.user, report),
        },
    )


@login_required
def report_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Asks first (a page of its own, no script), then deletes the report with its photos."""
    report = deletable_report_for(request.user, pk)
    if request.method == "POST":
        try:
            services.report_delete(report=report)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("followups:report", pk=report.pk)
        messages.success(request, _("The activity report was deleted."))
        return redirect("followups:project", pk=report.project_id)
    return render(request, "followups/report_delete.html", {"report": report, "project": report.project})


@login_required
@require_POST
def report_advise(request: HttpRequest, pk: int) -> HttpResponse:
    report = report_for(request.user, pk, Action.COMMENT)
    form = AdviceForm(request.POST)
    if form.is_valid():
        services.report_advise(report=report, advice=form.cleaned_data["mentor_advice"])
        messages.success(request, _("Your advice was saved."))
    else:
        messages.error(request, _("Write your advice before saving."))
    return redirect("followups:report", pk=report.pk)


@login_required
@require_POST
def report_photos_add(request: HttpRequest, pk: int) -> HttpResponse:
    report = report_for(request.user, pk, Action.REPORT)
    form = PhotoForm(request.POST, request.FILES)
    form.is_valid()
    saved, errors = services.photos_add(report=report, uploads=form.cleaned_data.get("photos", []))
    for error in errors:
        messages.error(request, error)
    if saved:
        messages.success(request, _("%(n)s photos were added.") % {"n": len(saved)})
    return redirect("followups:report", pk=report.pk)


@login_required
@require_POST
def report_photo_delete(request: HttpRequest, pk: int, photo_id: int) -> HttpResponse:
    report = report_for(request.user, pk, Action.REPORT)
    services.photo_delete(photo=get_object_or_404(ReportPhoto, pk=photo_id, report=report))
    messages.success(request, _("The photo was removed."))
    return redirect("followups:report", pk=report.pk)


def report_file(request: HttpRequest, pk: int, extension: str) -> HttpResponse:
    """The activity report printed on its own (PDF) or as a Word file; the public's copy without
    personal data."""
    report = published_report_for(request.user, pk)
    document = activity_report_document(report, public=reads_as_public(request.user, report.project))
    return document_response(document, extension, request=request)


@login_required
def results_edit(request: HttpRequest, pk: int) -> HttpResponse:
    project = followup_for(request.user, pk, Action.REPORT)
    form = ResultsForm(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        services.results_save(project=project, **form.service_kwargs())
        messages.success(request, _("The results were saved."))
        return redirect("followups:final_report", pk=project.pk)
    problems = list(ClosingProblem.objects.filter(project=project))
    context = {
        "project": project,
        "form": form,
        "problems": problems,
        "reported": [] if problems else selectors.reported_problems(selectors.activity_results(project)),
        "problem_form": ClosingProblemForm(),
    }
    return render(request, "followups/results.html", context)


@login_required
@require_POST
def closing_problem_add(request: HttpRequest, pk: int) -> HttpResponse:
    project = followup_for(request.user, pk, Action.REPORT)
    form = ClosingProblemForm(request.POST)
    if form.is_valid():
        services.closing_problem_add(project=project, **form.cleaned_data)
        messages.success(request, _("The problem was added."))
    else:
        messages.error(request, _("Describe the problem."))
    return redirect("followups:results", pk=project.pk)


@login_required
@require_POST
def closing_problem_delete(request: HttpRequest, pk: int, problem_id: int) -> HttpResponse:
    project = followup_for(request.user, pk, Action.REPORT)
    services.closing_problem_delete(problem=get_object_or_404(ClosingProblem, pk=problem_id, project=project))
    return redirect("followups:results", pk=project.pk)


def _assessment_save(request: HttpRequest, project: Project, form: Any) -> bool:
    try:
        if isinstance(form, ValueAssessmentForm):
            services.value_assessment_save(project=project, items=form.items())
        else:
            services.satisfaction_save(project=project, by=request.user, scores=form.scores())
    except ValidationError as exc:
        form.add_error(None, exc.messages)
        return False
    return True


@login_required
def assessment(request: HttpRequest, pk: int) -> HttpResponse:
    """The value assessment (six dimensions) and the satisfaction questionnaire: one form posted at a time."""
    posted = request.POST if request.method == "POST" else None
    project = followup_for(request.user, pk, Action.VIEW if posted is None else Action.REPORT)
    is_value = posted is not None and "value" in posted
    value_form = ValueAssessmentForm(
        posted if is_value else None, saved=selectors.value_assessment_of(project)
    )
    satisfaction_form = SatisfactionForm(
        None if is_value else posted, saved=selectors.satisfaction_of(project)
    )
    form = value_form if is_value else satisfaction_form
    if posted is not None and form.is_valid() and _assessment_save(request, project, form):
        messages.success(request, _("The assessment was saved."))
        return redirect("followups:assessment", pk=project.pk)
    context = {"project": project, "value_form": value_form, "satisfaction_form": satisfaction_form}
    return render(request, "followups/assessment.html", {**context, **_abilities(request.user, project)})


def final_report(request: HttpRequest, pk: int) -> HttpResponse:
    """The final report as a web page, after the list of what is missing: the files hold the report
    alone, so the list is read here, before downloading, with a link to put each gap right. The
    public reads the report alone, without personal data."""
    project = published_project_for(request.user, pk)
    public = reads_as_public(request.user, project)
    abilities = _abilities(request.user, project)
    context = {
        "project": project,
        "public": public,
        "gaps": [] if public else selectors.readiness_gaps(project),
        "report": render_html(final_report_document(project, public=public)),
        "photos": selectors.project_photos(project) if abilities["can_report"] else [],
        **abilities,
    }
    return render(request, "followups/final_report.html", context)


@login_required
@require_POST
def final_report_photos(request: HttpRequest, pk: int) -> HttpResponse:
    """Tick the photos of the activity reports that the final report prints."""
    project = followup_for(request.user, pk, Action.REPORT)
    form = FinalReportPhotosForm(request.POST, project=project)
    if form.is_valid():
        services.final_report_photos_choose(project=project, photo_ids=form.photo_ids())
        messages.success(request, _("The photos of the final report were saved."))
    else:
        messages.error(request, _("Choose photos of this project's activity reports."))
    return redirect(reverse("followups:final_report", args=[project.pk]) + "#photos")


@require_POST
def final_report_print(request: HttpRequest, pk: int) -> HttpResponse:
    """The PDF made in the background: the job's page shows its progress and then the file."""
    return final_report_print_job(request, published_project_for(request.user, pk))


def final_report_file(request: HttpRequest, pk: int, extension: str) -> HttpResponse:
    project = published_project_for(request.user, pk)
    document = final_report_document(project, public=reads_as_public(request.user, project))
    return document_response(document, extension, request=request)


def public_results(request: HttpRequest, pk: int) -> HttpResponse:
    """What an approved project did and achieved, for everyone: no names, no phone numbers."""
    project = published_project_for(request.user, pk)
    context = selectors.final_report_context(project, public=True)
    return render(request, "followups/public.html", context)


@login_required
def fund_followups(request: HttpRequest, code: str) -> HttpResponse:
    """The fund's approved projects with their progress; late reports first."""
    fund = fund_for(request.user, code, Action.VIEW)
    return render(request, "followups/fund.html", {"fund": fund, "rows": selectors.fund_followups(fund)})


def photo_file(request: HttpRequest, pk: int, size: str) -> HttpResponseBase:
    """A photo's file, for those who may see it (the templates and the API link here, not to the storage)."""
    photo = photo_for(request.user, pk, Action.READ)
    return stored_file_response(photo.file(size), public=photo.is_public)
