"""Closing a project through the API (added to the books' router, /api/v1/finance/): what the
closing would return and warns of, the closing with its refund, and reopening a closing. Same
services and access helpers as the web page (`closing_views.py`)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ninja import Field, Router, Schema, Status

from kongtun.accounts.permissions import Action
from kongtun.accounts.types import AuthedRequest
from kongtun.finance.closing import closing_create, closing_reopen, closing_terms
from kongtun.finance.selectors import closings_with_refunds
from kongtun.followups.access import followup_for
from kongtun.followups.models import ProjectClosing

router = Router(tags=["finance"])


class TermsOut(Schema):
    approved: Decimal
    paid: Decimal
    spent: Decimal
    refunded: Decimal
    returnable: Decimal
    warnings: list[str]


class ClosingIn(Schema):
    status: str
    closed_on: dt.date
    # Left out: all the unused money (paid − spent − returned before).
    returned_amount: Decimal | None = Field(None, ge=0, max_digits=14, decimal_places=2)
    note: str = Field("", max_length=5000)


class ClosingOut(Schema):
    id: int
    project_id: int
    status: str
    closed_on: dt.date
    returned_amount: Decimal
    note: str
    refund: str | None = None
    reopened_at: dt.datetime | None
    reopened_by: str | None = Field(None, alias="reopened_by.username")
    reopen_reason: str

    @staticmethod
    def resolve_refund(obj: ProjectClosing) -> str | None:
        refund = getattr(obj, "refund_booked", None)
        return str(refund) if refund is not None else None


class ClosingsOut(Schema):
    terms: TermsOut
    closings: list[ClosingOut]


class ReopenIn(Schema):
    reason: str = Field(max_length=2000)


def _with_refund(closing: ProjectClosing) -> ProjectClosing:
    return next(c for c in closings_with_refunds(closing.project) if c.pk == closing.pk)


@router.get("/projects/{pk}/closing", response=ClosingsOut)
def closing_read(request: AuthedRequest, pk: int) -> dict[str, object]:
    project = followup_for(request.user, pk, Action.VIEW)
    return {"terms": closing_terms(project), "closings": closings_with_refunds(project)}


@router.post("/projects/{pk}/closing", response={201: ClosingOut})
def closing_post(request: AuthedRequest, pk: int, payload: ClosingIn) -> Status[ProjectClosing]:
    project = followup_for(request.user, pk, Action.RECEIVE)
    closing = closing_create(project=project, by=request.user, **payload.dict())
    return Status(201, _with_refund(closing))


@router.post("/projects/{pk}/closing/reopen", response=ClosingOut)
def closing_reopen_post(request: AuthedRequest, pk: int, payload: ReopenIn) -> ProjectClosing:
    project = followup_for(request.user, pk, Action.RECEIVE)
    return _with_refund(closing_reopen(project=project, by=request.user, reason=payload.reason))
