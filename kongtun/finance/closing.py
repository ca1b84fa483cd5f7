"""Closing a project with its money (ปิดโครงการและคืนเงิน), and reopening a closing.

Why here and not in followups: the money part of a closing is a write to the fund's books, and
followups sits below finance (CONTRIBUTING.md), so it cannot book. The closing is one service of
the books, `closing_create`, that calls the follow-up's `followups.services.project_close` (status,
transition and the closing record) and books the refund in the SAME transaction: a closing never
exists without its refund entry, and a refund the books refuse (a closed month, no such account)
leaves the project running, with the Thai reason shown on the page and in the API. (Listening to
the closing's write event would book the refund after the closing committed, when a refusal can no
longer undo it nor reach the officer.) The web page and the API both call these services.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from kongtun.accounts.models import User
from kongtun.core.events import changed
from kongtun.core.thai import format_baht
from kongtun.finance.models import AccountRole, EntrySource, Refund
from kongtun.finance.services import (
    ZERO,
    Line,
    account_for,
    books_open,
    entry_book,
    project_paid,
    project_refunded,
    refund_create,
)
from kongtun.followups import services as followups_services
from kongtun.followups.models import PaymentPeriod, ProjectClosing
from kongtun.followups.selectors import closing_of, project_progress
from kongtun.projects.models import Project
from kongtun.projects.services import project_reopen


@dataclass
class ClosingTerms:
    """What the officer sees before closing: the money, the bound of what may be returned, and
    what is still missing (warnings, which do not prevent the closing)."""

    approved: Decimal
    paid: Decimal
    spent: Decimal
    refunded: Decimal
    warnings: list[str] = field(default_factory=list)

    @property
    def returnable(self) -> Decimal:
        """What was paid less what was spent and already returned: the most that can come back,
        and what the closing returns unless the officer says otherwise."""
        return max(self.paid - self.spent - self.refunded, ZERO).quantize(Decimal("0.01"))


def closing_terms(project: Project) -> ClosingTerms:
    progress = project_progress(project)
    terms = ClosingTerms(
        approved=progress.approved,
        paid=project_paid(project),
        spent=progress.spent,
        refunded=project_refunded(project),
    )
    done = {r.activity_id for r in project.activity_reports.all() if r.activity_id}
    unreported = [a.title for a in project.activities.all() if a.pk not in done]
    if unreported:
        terms.warnings.append(_("Activities with no report: %(titles)s.") % {"titles": ", ".join(unreported)})
    periods = PaymentPeriod.objects.filter(project=project)
    if not periods.exists():
        terms.warnings.append(_("No payment periods were set for this project."))
    else:
        total = periods.aggregate(s=Sum("amount"))["s"] or ZERO
        if total != terms.approved:
            terms.warnings.append(
                _("The payment periods add up to %(total)s, not the approved budget %(approved)s.")
                % {"total": format_baht(total), "approved": format_baht(terms.approved)}
            )
        unpaid = periods.filter(paid_on=None).count()
        if unpaid:
            terms.warnings.append(_("Payment periods not paid: %(count)s.") % {"count": unpaid})
    return terms


@transaction.atomic
def closing_create(
    *,
    project: Project,
    by: User,
    status: str,
    closed_on: dt.date,
    returned_amount: Decimal | None = None,
    note: str = "",
) -> ProjectClosing:
    """Close a running project and book the money it returns, dated the closing day, into the
    fund's bank account. The amount defaults to the unused money (paid − spent − returned before)
    and may not exceed it."""
    terms = closing_terms(project)
    amount = terms.returnable if returned_amount is None else returned_amount
    if amount > terms.returnable:
        raise ValidationError(
            {
                "returned_amount": _(
                    "More cannot be returned than the fund paid less what was spent and returned "
                    "before: paid %(paid)s, spent %(spent)s, returned %(refunded)s, at most %(left)s."
                )
                % {
                    "paid": format_baht(terms.paid),
                    "spent": format_baht(terms.spent),
                    "refunded": format_baht(terms.refunded),
                    "left": format_baht(terms.returnable),
                }
            }
        )
    closing = followups_services.project_close(
        project=project, by=by, status=status, closed_on=closed_on, returned_amount=amount, note=note
    )
    if amount > 0:
        try:
            refund_create(
                project=closing.project,
                date=closed_on,
                amount=amount,
                closing=closing,
                description=_("Returned at the closing of the project"),
                by=by,
            )
        except ValidationError as exc:
            raise ValidationError({"closed_on": exc.messages}) from exc
    return closing


@transaction.atomic
def closing_reopen(*, project: Project, by: User, reason: str) -> ProjectClosing:
    """Reopen the project's closing for a reason: the project runs again (the projects verb, which
    tells the proposer), the closing row keeps who reopened it, when and why, and the refund the
    closing booked is reversed by an entry dated today (no closed month changes)."""
    reason = (reason or "").strip()
    closing = closing_of(project)
    if closing is None:
        raise ValidationError(_("This project has no closing to reopen."))
    project = project_reopen(project=project, user=by, reason=reason)
    closing = ProjectClosing.objects.select_for_update().get(pk=closing.pk)
    closing.reopened_at = timezone.now()
    closing.reopened_by = by
    closing.reopen_reason = reason
    closing._change_reason = reason[:100]  # type: ignore[attr-defined]
    closing.save(update_fields=["reopened_at", "reopened_by", "reopen_reason"])
    refund = Refund.objects.filter(closing=closing, reversal=None).select_related("money_account").first()
    if refund is not None:
        _refund_reverse(refund, project=project, by=by, reason=reason)
    changed(closing)
    return closing


def _refund_reverse(refund: Refund, *, project: Project, by: User, reason: str) -> None:
    books = books_open(fund=project.fund)
    label = _("Refund %(number)s reversed: the closing was reopened") % {"number": str(refund)}
    entry = entry_book(
        books=books,
        date=timezone.localdate(),
        description=f"{label} ({reason})",
        source=EntrySource.ADJUSTMENT,
        lines=[
            Line(
                account_for(fund=project.fund, role=AccountRole.REFUND),
                debit=refund.amount,
                project=project,
                support_type=project.support_type,
            ),
            Line(refund.money_account, credit=refund.amount, project=project),
        ],
        by=by,
    )
    refund.reversal = entry
    refund._change_reason = reason[:100]  # type: ignore[attr-defined]
    refund.save(update_fields=["reversal"])
    changed(refund)
