"""The follow-up API, mounted at /api/v1/followups/: periods, activity reports (with photo upload),
assessments, readiness and report downloads. Same services and access helpers as the web. Closing a
project returns money to the fund, so it is the books' (/api/v1/finance/projects/{id}/closing)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import File, Router, Schema, Status
from ninja.files import UploadedFile

from kongtun.accounts.permissions import Action
from kongtun.core.api_errors import ErrorOut, error_body
from kongtun.core.limits import Count, Date, Money, Rating
from kongtun.followups import selectors, services
from kongtun.followups.access import (
    deletable_report_for,
    followup_for,
    published_project_for,
    published_report_for,
    reads_as_public,
    report_for,
)
from kongtun.followups.checklists import ITEM_LABEL
from kongtun.followups.documents import activity_report_document, final_report_document
from kongtun.followups.forms import ResultsForm
from kongtun.followups.models import ActivityReport, PaymentPeriod
from kongtun.projects.models import Activity, Project, ProjectTargetGroup
from kongtun.reports.formats import document_response

router = Router(tags=["followups"])


class ProgressOut(Schema):
    activities_planned: int
    activities_done: int
    unplanned_reports: int
    reports: int
    approved: Decimal
    spent: Decimal
    due_date: dt.date | None
    is_late: bool


class PaymentPeriodIn(Schema):
    amount: Money
    due_date: Date | None = None
    paid_on: Date | None = None


class PeriodOut(PaymentPeriodIn):
    number: int


class ParticipantIn(Schema):
    target_group_id: int  # a ProjectTargetGroup of the project
    actual: Count = 0


class ParticipantOut(Schema):
    name: str
    planned: int
    actual: int


class SpendingIn(Schema):
    expense_group: str
    amount: Money
    description: str = ""


class SpendingOut(SpendingIn):
    pass


class PhotoOut(Schema):
    id: int
    image: str
    thumbnail: str

    @staticmethod
    def resolve_image(obj: object) -> str:
        return obj.image_url  # type: ignore[attr-defined]

    @staticmethod
    def resolve_thumbnail(obj: object) -> str:
        return obj.thumbnail_url  # type: ignore[attr-defined]


class ReportIn(Schema):
    activity_id: int | None = None
    title: str = ""
    date: Date
    done: str = ""
    results: str = ""
    actual_output_count: Count | None = None
    rating: Rating | None = None
    problems: str = ""
    suggestions: str = ""
    help_needed: str = ""
    participants: list[ParticipantIn] = []
    spending: list[SpendingIn] = []


class ReportOut(Schema):
    id: int
    project_id: int
    activity_id: int | None
    title: str
    date: dt.date
    done: str
    results: str
    actual_output_count: int | None
    rating: int | None
    problems: str
    suggestions: str
    help_needed: str
    mentor_advice: str
    participants: list[ParticipantOut]
    spending: list[SpendingOut]
    photos: list[PhotoOut]


class PhotoUploadOut(Schema):
    saved: list[PhotoOut]
    errors: list[str]


class AdviceIn(Schema):
    advice: str


class ValueItem(Schema):
    item: str
    achieved: bool = False
    evidence: str = ""


class ValueItemOut(ValueItem):
    dimension: str
    label: str


class ScoreIn(Schema):
    question_id: int
    score: int


class AssessmentIn(Schema):
    values: list[ValueItem] = []
    scores: list[ScoreIn] = []


class AssessmentOut(Schema):
    values: list[ValueItemOut]
    scores: list[ScoreIn]


class IndicatorResultIn(Schema):
    indicator_id: int
    result: Decimal | None = None
    explanation: str = ""


class GroupCountIn(Schema):
    target_group_id: int
    actual: int | None = None
    planned: int | None = None


class FinalResultsIn(Schema):
    """Part 2 of the final report: what no activity report can know. What is left out keeps its
    saved value; persons reached default to what the activity reports add up to."""

    abstract: str | None = None
    indicators: list[IndicatorResultIn] = []
    target_groups: list[GroupCountIn] = []


class IndicatorResultOut(Schema):
    indicator_id: int
    name: str
    target: Decimal | None
    result: Decimal | None
    explanation: str


class GroupCountOut(Schema):
    target_group_id: int
    name: str
    planned: int
    reported: int
    actual: int


class ResultsOut(Schema):
    abstract: str
    indicators: list[IndicatorResultOut]
    target_groups: list[GroupCountOut]


class ReadinessOut(Schema):
    ready: bool
    missing: list[str]


def _reports(project: Project) -> list[ActivityReport]:
    return list(selectors.report_list(project))


def _lines(project: Project, payload: ReportIn) -> dict[str, object]:
    activity = (
        Activity.objects.filter(project=project, pk=payload.activity_id).first()
        if payload.activity_id
        else None
    )
    groups = {g.pk: g for g in ProjectTargetGroup.objects.filter(project=project)}
    participants = [
        {"project_target_group": groups[p.target_group_id], "actual": p.actual}
        for p in payload.participants
        if p.target_group_id in groups
    ]
    fields = payload.dict(exclude={"activity_id", "participants", "spending"})
    spending = [s.dict() for s in payload.spending]
    return {"activity": activity, "participants": participants, "spending": spending, **fields}


@router.get("/projects/{pk}/progress", response=ProgressOut)
def progress(request: HttpRequest, pk: int) -> selectors.Progress:
    return selectors.project_progress(followup_for(request.user, pk, Action.VIEW))


@router.get("/projects/{pk}/periods", response=list[PeriodOut])
def list_periods(request: HttpRequest, pk: int) -> list[PaymentPeriod]:
    return list(selectors.period_list(followup_for(request.user, pk, Action.VIEW)))


@router.put("/projects/{pk}/periods", response=list[PeriodOut])
def set_periods(request: HttpRequest, pk: int, payload: list[PaymentPeriodIn]) -> list[PaymentPeriod]:
    project = followup_for(request.user, pk, Action.RECEIVE)
    return services.periods_set(project=project, periods=[p.dict() for p in payload])


@router.get("/projects/{pk}/reports", response=list[ReportOut])
def list_reports(request: HttpRequest, pk: int) -> list[ActivityReport]:
    return _reports(followup_for(request.user, pk, Action.VIEW))


@router.post("/projects/{pk}/reports", response={201: ReportOut})
def create_report(request: HttpRequest, pk: int, payload: ReportIn) -> Status[ActivityReport]:
    project = followup_for(request.user, pk, Action.REPORT)
    report = services.report_create(project=project, by=request.user, **_lines(project, payload))  # type: ignore[arg-type]
    return Status(201, report)


@router.get("/reports/{pk}", response=ReportOut)
def get_report(request: HttpRequest, pk: int) -> ActivityReport:
    return report_for(request.user, pk, Action.VIEW)


@router.put("/reports/{pk}", response=ReportOut)
def update_report(request: HttpRequest, pk: int, payload: ReportIn) -> ActivityReport:
    report = report_for(request.user, pk, Action.REPORT)
    return services.report_update(report=report, **_lines(report.project, payload))  # type: ignore[arg-type]


@router.delete("/reports/{pk}", response={204: None})
def delete_report(request: HttpRequest, pk: int) -> Status[None]:
    """The report's author or a fund officer deletes a report of a running project."""
    services.report_delete(report=deletable_report_for(request.user, pk))
    return Status(204, None)


@router.post("/reports/{pk}/advice", response=ReportOut)
def advise(request: HttpRequest, pk: int, payload: AdviceIn) -> ActivityReport:
    report = report_for(request.user, pk, Action.COMMENT)
    return services.report_advise(report=report, advice=payload.advice)


@router.post("/reports/{pk}/photos", response={201: PhotoUploadOut, 422: ErrorOut})
def upload_photos(
    request: HttpRequest, pk: int, photos: File[list[UploadedFile]]
) -> Status[dict[str, object]]:
    """Multipart upload of one or more photos (`photos` field); bad files are refused one by one."""
    report = report_for(request.user, pk, Action.REPORT)
    saved, errors = services.photos_add(report=report, uploads=photos)
    if errors and not saved:
        return Status(422, error_body(_("No photo could be saved."), [("photos", error) for error in errors]))
    return Status(201, {"saved": saved, "errors": errors})


def _report_file(request: HttpRequest, pk: int, extension: str) -> HttpResponse:
    """An activity report of an approved project, printed; the public's copy without personal data."""
    report = published_report_for(request.user, pk)
    document = activity_report_document(report, public=reads_as_public(request.user, report.project))
    return document_response(document, extension, request=request, inline=False)


@router.get("/reports/{pk}/pdf")
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return _report_file(request, pk, "pdf")


@router.get("/reports/{pk}/docx")
def report_word(request: HttpRequest, pk: int) -> HttpResponse:
    return _report_file(request, pk, "docx")


@router.get("/projects/{pk}/assessment", response=AssessmentOut)
def get_assessment(request: HttpRequest, pk: int) -> dict[str, object]:
    project = followup_for(request.user, pk, Action.VIEW)
    return _assessment(project)


@router.put("/projects/{pk}/assessment", response=AssessmentOut)
def save_assessment(request: HttpRequest, pk: int, payload: AssessmentIn) -> dict[str, object]:
    project = followup_for(request.user, pk, Action.REPORT)
    if payload.values:
        services.value_assessment_save(
            project=project,
            items={v.item: {"achieved": v.achieved, "evidence": v.evidence} for v in payload.values},
        )
    if payload.scores:
        services.satisfaction_save(
            project=project, by=request.user, scores={s.question_id: s.score for s in payload.scores}
        )
    return _assessment(project)


def _assessment(project: Project) -> dict[str, object]:
    values = [
        {
            "item": v.item,
            "achieved": v.achieved,
            "evidence": v.evidence,
            "dimension": v.dimension,
            "label": ITEM_LABEL[v.item],
        }
        for v in selectors.value_assessment_of(project).values()
    ]
    scores = [{"question_id": q, "score": s} for q, s in selectors.satisfaction_of(project).items()]
    return {"values": values, "scores": scores}


def _results(project: Project) -> dict[str, object]:
    form = ResultsForm(project=project)
    return {
        "abstract": project.abstract,
        "indicators": [
            {
                "indicator_id": i.pk,
                "name": i.name,
                "target": i.target,
                "result": i.result,
                "explanation": i.explanation,
            }
            for i in form.indicators
        ],
        "target_groups": [
            {
                "target_group_id": g.pk,
                "name": g.name,
                "planned": form.counts[g.pk].planned,
                "reported": form.counts[g.pk].reported,
                "actual": form.counts[g.pk].actual,
            }
            for g in form.groups
        ],
    }


@router.get("/projects/{pk}/results", response=ResultsOut)
def get_results(request: HttpRequest, pk: int) -> dict[str, object]:
    return _results(followup_for(request.user, pk, Action.VIEW))


@router.put("/projects/{pk}/results", response=ResultsOut)
def save_results(request: HttpRequest, pk: int, payload: FinalResultsIn) -> dict[str, object]:
    """The results page's form, as JSON: checked by the same form, saved by the same service."""
    project = followup_for(request.user, pk, Action.REPORT)
    data = {k: "" if v is None else v for k, v in ResultsForm(project=project).initial.items()}
    if payload.abstract is not None:
        data["abstract"] = payload.abstract
    for ind in payload.indicators:
        data[f"result_{ind.indicator_id}"] = "" if ind.result is None else ind.result
        data[f"explanation_{ind.indicator_id}"] = ind.explanation
    for group in payload.target_groups:
        data[f"actual_{group.target_group_id}"] = "" if group.actual is None else group.actual
        if group.planned is not None:
            data[f"planned_{group.target_group_id}"] = group.planned
    form = ResultsForm(data, project=project)
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    services.results_save(project=project, **form.service_kwargs())
    return _results(project)


@router.get("/projects/{pk}/readiness", response=ReadinessOut)
def readiness(request: HttpRequest, pk: int) -> dict[str, object]:
    missing = selectors.readiness(followup_for(request.user, pk, Action.VIEW))
    return {"ready": not missing, "missing": missing}


def _final_report_file(request: HttpRequest, pk: int, extension: str) -> HttpResponse:
    """The final report of an approved project; the public's copy without personal data."""
    project = published_project_for(request.user, pk)
    document = final_report_document(project, public=reads_as_public(request.user, project))
    return document_response(document, extension, request=request, inline=False)


@router.get("/projects/{pk}/final-report.pdf")
def final_report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return _final_report_file(request, pk, "pdf")


@router.get("/projects/{pk}/final-report.docx")
def final_report_word(request: HttpRequest, pk: int) -> HttpResponse:
    return _final_report_file(request, pk, "docx")
